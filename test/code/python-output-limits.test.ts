/**
 * What a Python submission's output costs the host: a message line a child writes to the job's
 * pipe is bounded (solution code can reach that pipe), all the tests' outputs together are bounded,
 * and stdout crosses as raw bytes (decoded on the host exactly as Python's `decode('utf-8',
 * 'replace')` would), so invalid bytes are not inflated six times by JSON escapes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closePool, codeVerdicts } from '../../src/index.js';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';
import { keepPrefix } from '../../src/verifiers/code/python/sandbox.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

const py = (code: string): string => '```python\n' + code + '\n```';
const statuses = (v: { details?: unknown }): string[] => ((v.details as CodeDetails | undefined)?.tests ?? []).map((t) => t.status);

const MESSAGE_LIMIT = 'runtime-error: output limit exceeded (a message larger than the sandbox accepts)';
const TOTAL_LIMIT = 'runtime-error: output limit exceeded (the tests together printed more than the sandbox accepts)';

/** Writes `n` bytes without a newline to every pipe it can reach (the job's message pipe among them). */
const FLOOD = (n: number): string => `import os, stat
def _flood():
    for fd in range(3, 64):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode):
                os.write(fd, b'x' * ${n})
        except OSError:
            pass
`;

const add = { language: 'python', tests: [{ input: '1 2\n', output: '3\n' }] };
const honestAdd = py('a, b = map(int, input().split())\nprint(a + b)');

describePython('Python sandbox: output a solution cannot inflate', () => {
  itPython('an endless message line is cut off: the test fails as output-limit, the next sample still passes', async () => {
    // Before: the job process buffered up to 256 MB of such a line (outside every rlimit), and the
    // solution's own answer still passed.
    const stdioRef = { language: 'python', tests: [{ input: '1 2\n', output: '3\n' }, { input: '2 2\n', output: '4\n' }] };
    const callRef = { language: 'python', entry_point: 'f', tests: [0, 1, 2].map((i) => ({ args: [i], expected: i })) };
    const verdicts = await codeVerdicts(
      [
        py(FLOOD(1 << 20) + '_flood()\na, b = map(int, input().split())\nprint(a + b)'),
        honestAdd,
        py(FLOOD(1 << 20) + 'def f(i):\n    if i == 1:\n        _flood()\n    return i'),
        honestAdd,
      ],
      [stdioRef, add, callRef, add],
      { timeLimitMs: 5000, maxOutputBytes: 1000 },
    );
    expect(verdicts.map((v) => v.score)).toEqual([0, 1, 0, 1]);
    expect(statuses(verdicts[0]!)).toEqual([MESSAGE_LIMIT, MESSAGE_LIMIT]);
    // Call-based: only the test whose call wrote the line fails; the others run in a fresh child.
    expect(statuses(verdicts[2]!)).toEqual(['passed', MESSAGE_LIMIT, 'passed']);
  }, 120_000);

  itPython('a flood while the solution loads fails every call-based test as output-limit', async () => {
    const ref = { language: 'python', entry_point: 'f', tests: [0, 1].map((i) => ({ args: [i], expected: i })) };
    const v = await verifyCode(py(FLOOD(1 << 20) + '_flood()\ndef f(i):\n    return i'), ref, { timeLimitMs: 5000, maxOutputBytes: 1000 });
    expect(statuses(v)).toEqual([MESSAGE_LIMIT, MESSAGE_LIMIT]);
    expect((await verifyCode(honestAdd, add)).score).toBe(1);
  }, 60_000);

  itPython('maxOutputBytes on every test: the tests past four times maxOutputBytes in all fail as output-limit', async () => {
    // Each test prints 90 000 invalid bytes under a 100 000-byte limit: four fit in the 400 000
    // bytes a sample may print in all, the rest do not (before: the host held and compared them all).
    const ref = { language: 'python', tests: Array.from({ length: 8 }, () => ({ input: '', output: '3\n' })) };
    const v = await verifyCode(py('import sys\nsys.stdout.buffer.write(b"\\xff" * 90000)'), ref, { maxOutputBytes: 100_000, reward: 'fraction' });
    expect(statuses(v)).toEqual([...Array(4).fill('wrong-answer'), ...Array(4).fill(TOTAL_LIMIT)]);
    // What crossed is still the whole output, each invalid byte one U+FFFD.
    expect((v.details as CodeDetails).tests[0]!.got).toBe('\ufffd'.repeat(197) + '...');
    const callRef = { language: 'python', entry_point: 'f', tests: Array.from({ length: 6 }, (_, i) => ({ args: [i], expected: 'x' })) };
    const c = await verifyCode(py('def f(i):\n    return "a" * 90000'), callRef, { maxOutputBytes: 100_000 });
    expect(statuses(c)).toEqual([...Array(4).fill('wrong-answer'), ...Array(2).fill(TOTAL_LIMIT)]);
    expect((await verifyCode(honestAdd, add)).score).toBe(1);
  }, 60_000);

  itPython('large expected outputs raise the budget: an honest solution printing them all passes', async () => {
    const line = '7'.repeat(90_000);
    const ref = { language: 'python', tests: Array.from({ length: 8 }, () => ({ input: '', output: line + '\n' })) };
    const v = await verifyCode(py(`print("7" * 90000)`), ref, { maxOutputBytes: 100_000 });
    expect(statuses(v)).toEqual(Array(8).fill('passed'));
    const callRef = { language: 'python', entry_point: 'f', tests: Array.from({ length: 6 }, (_, i) => ({ args: [i], expected: 'a'.repeat(90_000) })) };
    expect((await verifyCode(py('def f(i):\n    return "a" * 90000'), callRef, { maxOutputBytes: 100_000 })).score).toBe(1);
  }, 60_000);

  itPython('stdout is decoded as Python decodes it (invalid bytes replaced, maximal subparts)', async () => {
    const bytes = 'b"a\\xffb\\xed\\xa0\\x80c\\xf0\\x9f\\x98\\x80d\\xf0\\x9f\\x98e\\xc0\\xaf\\x00\\n"';
    const ref = { language: 'python', tests: [{ input: '', output: 'a\ufffdb\ufffd\ufffd\ufffdc\u{1f600}d\ufffde\ufffd\ufffd\u0000\n' }] };
    const v = await verifyCode(py(`import sys\nsys.stdout.buffer.write(${bytes})`), ref, { compare: 'exact' });
    expect(statuses(v)).toEqual(['passed']);
  }, 60_000);
});

describe('keepPrefix', () => {
  it('copies the first characters exactly, lone surrogates included', () => {
    const s = 'ab\ud83dc' + 'x'.repeat(10_000);
    expect(keepPrefix(s, 4)).toBe('ab\ud83dc');
    expect(keepPrefix(s, 3)).toBe('ab\ud83d');
    expect(keepPrefix('short', 100)).toBe('short');
  });
});
