/**
 * Split mode, third review: what the checker rebuilds from the solution's side. An exception the
 * solution raises comes back with its own arguments (an honest `KeyError(5)` has `args[0] == 5`,
 * a `json.JSONDecodeError` is built from its three), and never as a class that ends the tests'
 * loops instead of failing them (a StopIteration subclass named by module and class, as sympy has).
 */
import { spawnSync } from 'node:child_process';
import { afterAll, expect } from 'vitest';
import { closePool } from '../../src/index.js';
import { verifyCode } from '../../src/verifiers/code/index.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

const py = (code: string): string => '```python\n' + code + '\n```';

const RAISES = {
  language: 'python',
  test_code:
    'import json, unittest\nclass T(unittest.TestCase):\n    def test_bad(self):\n        with self.assertRaises(json.JSONDecodeError) as cm:\n            task_func("{bad")\n        self.assertEqual(cm.exception.pos, 1)\n    def test_key(self):\n        with self.assertRaises(KeyError) as cm:\n            lookup({}, 5)\n        self.assertEqual(cm.exception.args[0], 5)\n',
};

const hasSympy = spawnSync('/usr/bin/python3', ['-c', 'from sympy.simplify.sqrtdenest import SqrtdenestStopIteration as S; assert issubclass(S, StopIteration)']).status === 0;

const MAP_ALL = {
  language: 'python',
  test_code: 'import sympy\ndef check(candidate):\n    assert all(map(candidate, [2, 3, 5, 7, 11]))\n    assert not any(map(candidate, [4, 6, 8, 9]))\n    assert list(filter(candidate, [1, 4, 6])) == []\n\ncheck(is_prime)\n',
};

describePython('split mode: exceptions rebuilt by the checker', () => {
  itPython('an honest exception keeps its arguments (KeyError(5), JSONDecodeError(msg, doc, pos))', async () => {
    const v = await verifyCode(py('import json\ndef task_func(s):\n    return json.loads(s)\ndef lookup(d, k):\n    return d[k]'), RAISES);
    expect(v.score, JSON.stringify(v.details)).toBe(1);
    const stub = await verifyCode(py('def task_func(s):\n    return None\ndef lookup(d, k):\n    raise KeyError("5")'), RAISES);
    expect(stub.score).toBe(0);
  });

  itPython.runIf(hasSympy)('a StopIteration subclass named by module and class fails the test instead of ending map() early', async () => {
    const honest = await verifyCode(py('def is_prime(n):\n    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))'), MAP_ALL, { timeLimitMs: 20_000 });
    expect(honest.score, JSON.stringify(honest.details)).toBe(1);
    const spoof = 'class SqrtdenestStopIteration(Exception): pass\nSqrtdenestStopIteration.__module__ = "sympy.simplify.sqrtdenest"\nSqrtdenestStopIteration.__qualname__ = "SqrtdenestStopIteration"\ndef is_prime(n):\n    raise SqrtdenestStopIteration()';
    const v = await verifyCode(py(spoof), MAP_ALL, { timeLimitMs: 20_000 });
    expect(v.score, JSON.stringify(v.details)).toBe(0);
  });
});
