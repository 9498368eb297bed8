/**
 * The sequences of hacking-js.test.ts "state left by a previous submission", run in a plain Node
 * process of their own (the test spawns this script and checks what it prints). Each sequence runs
 * in order in one thread, so the kept checker context (src/verifiers/code/js/checker.ts) carries
 * from one submission to the next: the earlier submissions try to leave something behind that
 * would make the last one, which does not solve its task, score 1.
 *
 * Why a process of its own: a regression of the bridged-call cap (MAX_BRIDGED_CALLS in
 * test-code.ts) kills the process running these sequences with SIGSEGV; in a child process the
 * test reports that as a failure instead of taking the test runner down. Prints one JSON object: sequence name -> [score, status of the first failed test].
 */
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';

const ref = (test_code: string, helpers?: string) => ({ language: 'javascript', test_code, ...(helpers ? { helpers } : {}) });
const run = async (code: string, r: ReturnType<typeof ref>): Promise<[number, string]> => {
  const v = await verifyCode('```js\n' + code + '\n```', r, { timeLimitMs: 2000, memoryLimitMb: 64 });
  const t = (v.details as CodeDetails | undefined)?.tests?.find((x) => x.status !== 'passed');
  return [v.score, [t?.status, t?.message].filter(Boolean).join(' ')];
};

const out: Record<string, [number, string][]> = {};
{
  const stash = ref('lastResult = echo(7);\nconsole.assert(lastResult === 8);');
  const uses = ref("const want = typeof lastResult === 'number' ? lastResult : 42;\nconsole.assert(answer() === want);");
  out.assignedGlobal = [await run('function echo(x) { return x; }', stash), await run('function answer() { return 7; }', uses), await run('function answer() { return 42; }', uses)];
}
{
  const first = ref('function expected() { return 5; }\nconsole.assert(val() === expected() && val() === limit);', 'const limit = 5;');
  const second = ref("const e = typeof expected === 'function' ? expected() : typeof limit === 'number' ? limit : 9;\nconsole.assert(val() === e);");
  out.declarations = [await run('function val() { return 5; }', first), await run('function val() { return 5; }', second), await run('function val() { return 9; }', second)];
}
{
  const r = ref('console.assert(check() === 1);');
  out.stubs = [await run('function check() { return 1; }', r), await run('const unrelated = 1;', r)];
}
{
  const spin = ref('const n = bound();\nfor (let i = 0; i < n; i++) {}\nconsole.assert(true);');
  out.timedOut = [await run('function bound() { return 1e15; }', spin), await run('function echo(x) { return x; }', ref('console.assert(echo(3) === 3);'))];
}
{
  const r = ref('console.assert(JSON.stringify(pairSums([1, 2], [3, 4])) === JSON.stringify([4, 6]));');
  out.ownGlobal = [await run('globalThis.cache = [4, 6];\nconst pairSums = (a, b) => a.map((x, i) => x + b[i]);', r), await run('const pairSums = () => globalThis.cache;', r)];
}
{
  // Far more bridged calls than MAX_BRIDGED_CALLS, in one loop and as a loop that never ends:
  // each ends as runtime-error, the process lives, and the next submission is judged.
  const calls = ref('for (let i = 0; i < 300000; i++) echo(i);\nconsole.assert(true);');
  const forever = ref('for (;;) echo(1);');
  const next = ref('console.assert(echo(3) === 3);');
  out.manyCalls = [await run('function echo(x) { return x; }', calls), await run('function echo(x) { return x; }', forever), await run('function echo(x) { return x; }', next)];
}
process.stdout.write(JSON.stringify(out) + '\n');
