/**
 * Call-based Python tests (entry point + args, one child runs them in turn): the child's messages
 * are written by a process that runs solution code, so nothing in them may stretch a limit or
 * grow the host's memory, and each test gets its own time and CPU allowance.
 */
import { afterAll, expect } from 'vitest';
import { closePool, codeVerdicts } from '../../src/index.js';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

const py = (code: string): string => '```python\n' + code + '\n```';
const statuses = (v: { details?: unknown }): string[] => ((v.details as CodeDetails | undefined)?.tests ?? []).map((t) => t.status);

/** Writes a forged "solution loaded" line to every pipe it can reach, ten times a second. */
const KEEP_ALIVE = `import os, stat, threading, time
def _keepalive():
    fds = [fd for fd in range(3, 256) if _fifo(fd)]
    while True:
        for fd in fds:
            try: os.write(fd, b'{"loaded": true}\\n')
            except OSError: pass
        time.sleep(0.1)
def _fifo(fd):
    try: return stat.S_ISFIFO(os.fstat(fd).st_mode)
    except OSError: return False
threading.Thread(target=_keepalive, daemon=True).start()
`;

describePython('Python call-based tests: limits a solution cannot stretch', () => {
  itPython('results larger than maxOutputBytes fail as output-limit; the host holds none of them (100 MB each ran it out of memory)', async () => {
    const big = { language: 'python', entry_point: 'f', tests: Array.from({ length: 12 }, (_, i) => ({ args: [i], expected: 'a' })) };
    const ok = { language: 'python', entry_point: 'add', tests: [{ args: [1, 2], expected: 3 }] };
    const honest = py('def add(a, b):\n    return a + b');
    const verdicts = await codeVerdicts(
      [honest, py('def f(n):\n    return "a" * 100_000_000'), honest, honest],
      [ok, big, ok, ok],
      { timeLimitMs: 5000, memoryLimitMb: 512 },
    );
    expect(verdicts.map((v) => v.score)).toEqual([1, 0, 1, 1]);
    expect(new Set(statuses(verdicts[1]!))).toEqual(new Set(['runtime-error: output limit exceeded (a result larger than maxOutputBytes)']));
  }, 120_000);

  itPython('a forged "loaded" line does not restart the clock: a slow solution still times out', async () => {
    const ref = { language: 'python', entry_point: 'f', tests: [{ args: [1], expected: 1 }, { args: [2], expected: 2 }] };
    const v = await verifyCode(py(KEEP_ALIVE + 'def f(n):\n    time.sleep(2.5)\n    return n'), ref, { timeLimitMs: 1000 });
    expect(v.score).toBe(0);
    expect(statuses(v)).toEqual(['timeout', 'timeout']);
    for (const t of (v.details as CodeDetails).tests) expect(t.timeMs).toBeLessThan(2000);
  }, 60_000);

  itPython('each test has its own CPU allowance: five tests of 0.8 s CPU each pass under a 2 s limit', async () => {
    // CPU spent is measured by the solution itself, so the test does not depend on the machine's speed.
    const code = 'import time\ndef f(n):\n    t = time.process_time()\n    while time.process_time() - t < 0.8:\n        pass\n    return n * 2';
    const ref = { language: 'python', entry_point: 'f', tests: Array.from({ length: 5 }, (_, i) => ({ args: [i], expected: i * 2 })) };
    const v = await verifyCode(py(code), ref, { timeLimitMs: 2000 });
    expect(statuses(v)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(v.score).toBe(1);
  }, 60_000);
});
