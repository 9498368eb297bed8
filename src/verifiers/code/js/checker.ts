/**
 * The checker's context, kept from one test_code submission to the next in this thread: creating
 * and setting up a context costs about as much CPU as a whole HumanEval-X problem's checks, and
 * the checker runs no solution code, only the reference's helpers and tests (trusted, from the
 * dataset) on values decoded from plain data (fresh objects, no behaviour).
 *
 * What a previous submission could leave there, and why it cannot reach the next judgement:
 * - the tests and helpers run inside a function (see test-code.ts), so their declarations die
 *   with the call; globals they create by assignment, the stubs that bridge to the previous
 *   solution, output, timers, events, exit and assertion state are all removed by the harness's
 *   `reset` before the context is kept;
 * - a checker that timed out, ran out of memory, called `process.exit` or could not report is
 *   dropped, never kept (a run cut short at an arbitrary point may leave anything half-done);
 * - after {@link MAX_CHECKER_USES} submissions, or when its heap passes half the limit, the
 *   context is dropped too.
 * What stays shared is what the trusted test code itself chooses to change in the realm
 * (built-in prototypes, the `assert` module object), as it would be in one Node process running
 * many test files.
 */
import { allModules } from './pure-modules.js';
import { closeSession, ctl, openSession, type Ivm, type Session } from './session.js';

/** Submissions one checker context serves before a fresh one is made. */
export const MAX_CHECKER_USES = 100;

interface Spare {
  s: Session;
  uses: number;
  key: string;
  heapLimit: number;
}
const spares = new Map<string, Spare>();
const uses = new WeakMap<Session, Spare>();

/** A checker context for `memoryMb` and `maxPlain`: the kept one if there is one, else a fresh one. */
export function takeChecker(ivm: Ivm, memoryMb: number, maxPlain: number): Session {
  const key = `${memoryMb}:${maxPlain}`;
  const spare = spares.get(key);
  spares.delete(key);
  if (spare && !spare.s.iso.isDisposed) {
    spare.uses += 1;
    spare.s.cpu0 = spare.s.iso.cpuTime;
    return spare.s;
  }
  const s = openSession(ivm, memoryMb, { stdin: '', maxOutput: 1 << 20, maxPlain, modules: allModules(), assertThrows: true, unhardened: true }, 'checker');
  uses.set(s, { s, uses: 1, key, heapLimit: Math.max(8, memoryMb) * 2 ** 20 });
  return s;
}

/**
 * Hand a checker back after a submission: `reusable` when its run ended on its own (passed, or
 * failed an assertion or threw) rather than being cut short. Returns the CPU the submission used in
 * it (ns), including the reset.
 */
export function giveBackChecker(s: Session | undefined, reusable: boolean): bigint {
  if (!s) return 0n;
  const spare = uses.get(s);
  if (!reusable || !spare || s.iso.isDisposed || spare.uses >= MAX_CHECKER_USES || spares.has(spare.key)) {
    uses.delete(s);
    return closeSession(s);
  }
  try {
    ctl(s, 1_000, 'reset', '');
    if (s.iso.getHeapStatisticsSync().used_heap_size > spare.heapLimit / 2) throw new Error('the checker heap is half full');
  } catch {
    uses.delete(s);
    return closeSession(s);
  }
  spares.set(spare.key, spare);
  return s.iso.cpuTime - s.cpu0;
}

