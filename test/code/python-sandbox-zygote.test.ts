/**
 * The long-lived Python zygote: submissions run one after another in fresh PID namespaces (each
 * sees only its own processes), a stopped zygote costs only the running submission and is
 * replaced, and no timeout leaves defunct children behind in this thread.
 */
import { afterAll, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { closePool, codeVerdicts } from '../../src/index.js';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

const py = (code: string): string => '```python\n' + code + '\n```';
const statuses = (v: { details?: unknown }): string[] => ((v.details as CodeDetails | undefined)?.tests ?? []).map((t) => t.status);

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  comm: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(d), ppid: Number(f[1]), state: f[0]!, comm: s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')) });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** This process's children that have exited and were never reaped. */
const defunctChildren = (): Proc[] => processes().filter((p) => p.ppid === process.pid && p.state === 'Z');

/** The zygotes below this process: interpreters whose parent is bubblewrap's init. */
function zygotes(): Proc[] {
  const all = processes();
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const mine = (p: Proc): boolean => {
    for (let q: Proc | undefined = p; q; q = byPid.get(q.ppid)) if (q.ppid === process.pid) return true;
    return false;
  };
  return all.filter((p) => p.comm.startsWith('python') && byPid.get(p.ppid)?.comm === 'bwrap' && mine(p));
}

// Which pids exist, as the submission sees them: getpgid and getpriority fail with ESRCH for a pid
// that is not in its PID namespace (os.kill would meet the audit hook first).
const PROBE = ['import os', 'seen = []', 'for p in range(1, 5000):', '    for f in (os.getpgid, lambda p: os.getpriority(os.PRIO_PROCESS, p)):', '        try:', '            f(p)', '            seen.append(p)', '            break', '        except ProcessLookupError:', '            pass', 'print(seen, os.getpid())'].join('\n');

describePython('Python zygote: one per thread, each submission in fresh namespaces', () => {
  itPython('each submission sees only its own PID namespace (its init and itself), the next one a fresh one', async () => {
    const ref = { language: 'python', tests: [{ input: '', output: '[1, 2] 2' }] };
    for (let k = 0; k < 3; k++) expect(statuses(await verifyCode(py(PROBE), ref))).toEqual(['passed']);
    expect(zygotes()).toHaveLength(1);
  });

  itPython('a stopped zygote costs only the running submission: it is killed, replaced and reaped', async () => {
    const ref = { language: 'python', tests: [{ input: '1 2\n', output: '3' }] };
    const honest = py('a, b = map(int, input().split())\nprint(a + b)');
    expect(statuses(await verifyCode(honest, ref))).toEqual(['passed']);
    const [z] = zygotes();
    expect(z).toBeDefined();
    process.kill(z!.pid, 'SIGSTOP');
    const stopped = await verifyCode(honest, ref, { timeLimitMs: 300 });
    expect(statuses(stopped)).toEqual(['timeout']);
    expect(statuses(await verifyCode(honest, ref))).toEqual(['passed']);
    const now = zygotes();
    expect(now.map((p) => p.pid)).not.toContain(z!.pid);
    await new Promise((r) => setTimeout(r, 300));
    expect(defunctChildren()).toEqual([]);
  }, 60_000);

  itPython('submission timeouts and early stops leave no defunct process', async () => {
    const ref = { language: 'python', entry_point: 'f', tests: [{ args: [0], expected: 1 }, { args: [1], expected: 1 }, { args: [2], expected: 2 }] };
    await verifyCode(py('def f(x):\n    while x == 0: pass\n    return x'), ref, { timeLimitMs: 300 });
    await verifyCode(py('def f(x):\n    return 5'), ref, { stopAtFirstFailure: true });
    expect(statuses(await verifyCode(py('def f(x):\n    return max(x, 1)'), ref))).toEqual(['passed', 'passed', 'passed']);
    await new Promise((r) => setTimeout(r, 300));
    expect(defunctChildren()).toEqual([]);
    expect(zygotes()).toHaveLength(1);
  }, 60_000);

  itPython('a pool timeout (the worker thread is terminated) leaves at most its one zygote unreaped', async () => {
    const before = defunctChildren().length;
    const ref = { language: 'python', test_code: 'assert f() == 1' };
    const v = await codeVerdicts([py('def f():\n    while True: pass')], [ref], { timeLimitMs: 30_000, timeoutMs: 3_000, threads: 1 });
    expect(v[0]!.reason).toBe('timeout');
    await closePool();
    await new Promise((r) => setTimeout(r, 500));
    // Node reaps a child only in the thread that spawned it; a terminated worker's zygote exits
    // (its job pipe closes) but stays defunct until this process exits. One, not one per sandbox.
    expect(defunctChildren().length - before).toBeLessThanOrEqual(1);
  }, 60_000);
});
