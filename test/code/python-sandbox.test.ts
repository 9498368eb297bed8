import { describe, expect, it } from 'vitest';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

const py = (code: string): string => '```python\n' + code + '\n```';
const statuses = (v: { details?: unknown }): string[] => ((v.details as CodeDetails | undefined)?.tests ?? []).map((t) => t.status);
const stdio = (tests: [string, string][]) => ({ language: 'python', tests: tests.map(([input, output]) => ({ input, output })) });

describePython('Python sandbox: stdin/stdout programs', () => {
  const input = '3\n1 2\n3 4\n5 6\n';
  const programs: Record<string, string> = {
    'input()': 'n = int(input())\nfor _ in range(n):\n    a, b = map(int, input().split())\n    print(a + b)',
    'sys.stdin.read()': 'import sys\nd = sys.stdin.read().split()\nprint("\\n".join(str(int(d[i]) + int(d[i + 1])) for i in range(1, len(d), 2)))',
    'sys.stdin.readline': 'import sys\nn = int(sys.stdin.readline())\nfor _ in range(n):\n    a, b = map(int, sys.stdin.readline().split())\n    sys.stdout.write(f"{a + b}\\n")',
    'open(0)': 'lines = open(0).read().split("\\n")\nfor l in lines[1:]:\n    if l: print(sum(map(int, l.split())))',
    "open('/dev/stdin')": 'import sys\nsys.stdin = open("/dev/stdin")\nnext(sys.stdin)\nfor l in sys.stdin: print(sum(map(int, l.split())))',
    '__main__ guard and a deep-recursion thread': 'import sys, threading\ndef main():\n    n = int(input())\n    for _ in range(n): print(sum(map(int, input().split())))\nif __name__ == "__main__":\n    sys.setrecursionlimit(10**6)\n    threading.stack_size(2**26)\n    t = threading.Thread(target=main)\n    t.start()\n    t.join()',
  };
  for (const [name, code] of Object.entries(programs)) {
    it(`reads stdin with ${name}`, async () => {
      expect(statuses(await verifyCode(py(code), stdio([[input, '3\n7\n11']])))).toEqual(['passed']);
    });
  }

  it('keeps output printed before sys.exit(0) and fails a nonzero exit', async () => {
    expect(statuses(await verifyCode(py('print(1)\nimport sys\nsys.exit(0)\nprint(2)'), stdio([['', '1']])))).toEqual(['passed']);
    expect(statuses(await verifyCode(py('print(1)\nexit(3)'), stdio([['', '1']])))).toEqual(['runtime-error: exit code 3']);
  });

  it('scores fraction, stops at the first failure when asked, and reports every status', async () => {
    const code = 'x = int(input())\nif x == 1: print(1)\nelif x == 2: print(3)\nelif x == 3:\n    while True: pass\nelif x == 4: a = [0] * (10 ** 10)\nelif x == 5: raise ValueError("boom")\nelse: print("y" * 100000)';
    const ref = stdio([['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5'], ['6', '6']]);
    const v = await verifyCode(py(code), ref, { reward: 'fraction', timeLimitMs: 500, maxOutputBytes: 1000 });
    expect(statuses(v)).toEqual(['passed', 'wrong-answer', 'timeout', 'memory-limit', 'runtime-error: ValueError: boom (line 7)', 'runtime-error: output limit exceeded']);
    expect(v.score).toBeCloseTo(1 / 6);
    expect(v.reason).toBe('wrong-answer');
    const s = await verifyCode(py(code), ref, { stopAtFirstFailure: true, timeLimitMs: 500 });
    expect(statuses(s)).toEqual(['passed', 'wrong-answer', 'skipped', 'skipped', 'skipped', 'skipped']);
    const c = await verifyCode(py('def f(:\n  pass'), ref);
    expect(c.reason).toBe('compile-error');
    expect(statuses(c)[0]).toMatch(/^compile-error: SyntaxError/);
  });

  it('runs with no network, no writable or private file, no /proc, and only PATH, LANG and PWD in the environment', async () => {
    const code = [
      'import os',
      'print(sorted(os.environ))',
      'for p in ["/etc/passwd", "/proc/self/status", "/root", "/work", "/tmp"]: print(os.path.exists(p))',
      'try:\n    open("/usr/x", "w")\nexcept OSError as e: print(type(e).__name__)',
    ].join('\n');
    const v = await verifyCode(py(code), stdio([['', "['LANG', 'PATH', 'PWD']\nFalse\nFalse\nFalse\nFalse\nFalse\nOSError"]]));
    expect(statuses(v)).toEqual(['passed']);
    const net = await verifyCode(py('import urllib.request\nurllib.request.urlopen("http://1.1.1.1", timeout=1)'), stdio([['', '']]));
    expect(statuses(net)[0]).toMatch(/^runtime-error: .*(sandbox|socket)/i);
  });
});

describePython('Python sandbox: large output', () => {
  it('passes an honest program that prints one 32 MB line (linear assembly on both sides)', async () => {
    const n = 32 * 1024 * 1024;
    const v = await verifyCode(py(`import sys\nsys.stdout.write("7" * ${n})`), stdio([['', '7'.repeat(n)]]), { maxOutputBytes: 64 * 1024 * 1024, timeLimitMs: 30_000 });
    expect(statuses(v)).toEqual(['passed']);
  }, 120_000);
});

describePython('Python sandbox: call-based and test_code', () => {
  it('calls functions and Solution methods; results cross as JSON (tuples and sets become lists)', async () => {
    const ref = { language: 'python', entry_point: 'f', tests: [{ args: [3], expected: [[3, 4], [1, 2], { '1': 'a' }, null] }] };
    expect(statuses(await verifyCode(py('def f(x):\n    return ((x, x + 1), {2, 1}, {1: "a"}, float("nan"))'), ref))).toEqual(['passed']);
    const sol = { language: 'python', entry_point: 'twoSum', tests: [{ args: [[2, 7, 11, 15], 9], expected: [0, 1] }, { args: [[3, 3], 6], expected: [0, 1] }] };
    expect(statuses(await verifyCode(py('class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen: return [seen[target - x], i]\n            seen[x] = i'), sol))).toEqual(['passed', 'passed']);
    const obj = await verifyCode(py('class A: pass\ndef f(x):\n    return A()'), ref);
    expect(statuses(obj)[0]).toMatch(/^runtime-error: TypeError: the result \(type A\) cannot be compared/);
  });

  it('times out one call and goes on with the next', async () => {
    const ref = { language: 'python', entry_point: 'f', tests: [{ args: [1], expected: 1 }, { args: [0], expected: 0 }, { args: [2], expected: 2 }] };
    const v = await verifyCode(py('def f(x):\n    while x == 0: pass\n    return x'), ref, { timeLimitMs: 300, reward: 'fraction' });
    expect(statuses(v)).toEqual(['passed', 'timeout', 'passed']);
    expect(v.score).toBeCloseTo(2 / 3);
  });

  it('runs test_code after the solution: passed, wrong-answer, runtime-error', async () => {
    const ref = { language: 'python', test_code: 'def check(c):\n    assert c(2) == 4\n    assert c(3) == 9\ncheck(sq)' };
    expect(statuses(await verifyCode(py('def sq(x):\n    return x * x'), ref))).toEqual(['passed']);
    expect(statuses(await verifyCode(py('def sq(x):\n    return x + x'), ref))).toEqual(['wrong-answer']);
    expect(statuses(await verifyCode(py('def sq(x):\n    return x / 0'), ref))[0]).toMatch(/^runtime-error: ZeroDivisionError/);
    await expect(verifyCode(py('def sq(x): return x'), { language: 'python', test_code: 'assert (' })).rejects.toThrow(/reference.test_code does not compile/);
  });

  it("chooses what is in scope: LiveCodeBench's imports by default, LeetCode helpers, or nothing", async () => {
    const code = 'from typing import List\nclass Solution:\n    def f(self, xs: List[int]) -> int:\n        return len(xs)';
    const ref = { language: 'python', entry_point: 'f', tests: [{ args: [[1, 2]], expected: 2 }] };
    expect(statuses(await verifyCode(py(code.split('\n').slice(1).join('\n')), ref))).toEqual(['passed']);
    expect(statuses(await verifyCode(py(code.split('\n').slice(1).join('\n')), ref, { pythonPrelude: 'none' }))[0]).toMatch(/NameError: name 'List' is not defined/);
    expect(statuses(await verifyCode(py(code), ref, { pythonPrelude: 'none' }))).toEqual(['passed']);
    const ll = { language: 'python', test_code: 'assert is_same_list(Solution().rev(list_node([1, 2, 3])), list_node([3, 2, 1]))' };
    const rev = 'class Solution:\n    def rev(self, h):\n        p = None\n        while h: h.next, p, h = p, h, h.next\n        return p';
    expect(statuses(await verifyCode(py(rev), ll, { pythonPrelude: 'leetcode' }))).toEqual(['passed']);
  });
});
