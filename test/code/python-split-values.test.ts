/**
 * Honest results that must cross from the solution's process to the checker as data (split
 * test_code): lazy results (range, dict views, map, generators) arrive as the same kind of value,
 * a named tuple as the checker's own named tuple, an int enum member as its value, and a nested
 * list changed in place is changed in place for the tests' other references too. Wrong answers of
 * the same shapes still fail.
 */
import { afterAll, expect } from 'vitest';
import { closePool } from '../../src/index.js';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

const py = (code: string): string => '```python\n' + code + '\n```';
const T = (test_code: string) => ({ language: 'python', test_code });
const status = (v: { details?: unknown }): string => JSON.stringify((v.details as CodeDetails | undefined)?.tests?.[0]);

const HONEST: [string, string, string][] = [
  ['range', 'def f(n):\n    return range(n)', 'assert list(f(3)) == [0, 1, 2]\nassert f(3) == range(3)\nassert len(f(5)) == 5\n'],
  ['dict keys', 'def f(d):\n    return d.keys()', 'assert set(f({"a": 1, "b": 2})) == {"a", "b"}\nassert list(f({"b": 1, "a": 2})) == ["b", "a"]\nassert f({"a": 1}) == {"a"}\n'],
  ['dict values and items', 'def f(d):\n    return d.values(), d.items()', 'v, i = f({"a": 1})\nassert list(v) == [1]\nassert dict(i) == {"a": 1}\n'],
  ['map', 'def f(xs):\n    return map(lambda x: 2 * x, xs)', 'assert list(f([1, 2])) == [2, 4]\n'],
  ['generator', 'def f(n):\n    for i in range(n):\n        yield i * i', 'g = f(3)\nassert next(g) == 0\nassert list(g) == [1, 4]\n'],
  ['named tuple', 'from collections import namedtuple\nP = namedtuple("P", "a b")\ndef f(a, b):\n    return P(a, b)', 'assert f(1, 2) == (1, 2)\nassert f(1, 2).b == 2\nassert f(3, 4)._asdict() == {"a": 3, "b": 4}\n'],
  ['IntEnum member', 'from enum import IntEnum\nclass C(IntEnum):\n    A = 1\ndef f():\n    return C.A', 'assert f() == 1\nassert f() + 1 == 2\n'],
  ['an int over 4,300 digits', 'def pow2(n):\n    return 2 ** (n * 10 // 3) if n > 1 else 2', 'assert pow2(6000) == 2 ** 20000\nassert pow2(1) == 2\n'],
  ['nested list changed in place', 'def negate(m):\n    for r in m:\n        for i in range(len(r)):\n            r[i] = -r[i]', 'm = [[1, 2], [3]]\nrow = m[0]\nnegate(m)\nassert row == [-1, -2]\nassert m == [[-1, -2], [-3]]\n'],
];

describePython('Python split test_code: honest results that are not plain lists', () => {
  for (const [name, code, tests] of HONEST) {
    itPython(`${name} passes`, async () => {
      const v = await verifyCode(py(code), T(tests));
      expect(v.score, status(v)).toBe(1);
    }, 60_000);
  }

  itPython('an int too large to cross fails with a reason that says so', async () => {
    const v = await verifyCode(py('def f():\n    return 2 ** 4_000_000'), T('assert f() == 2 ** 4_000_000\n'));
    expect(v.score).toBe(0);
    expect(status(v)).toMatch(/an int of more than 400,000 bits/);
  }, 60_000);

  itPython('a value the solution sends that the checker could not send back fails, and never forces inline mode', async () => {
    // The solution's json.dumps turns a naive datetime into one with a time zone; re-encoding it
    // for the next call used to fail and rerun the tests in the solution's process.
    const meta = 'class M(type):\n    def __hash__(cls): return hash(int)\n    def __eq__(cls, o): return True\nclass E(metaclass=M):\n    def __eq__(s, o): return True\n    __hash__ = object.__hash__\n';
    const attack = meta + 'import datetime, json\n_d = json.dumps\njson.dumps = lambda o, *a, **k: _d(o, *a, **k).replace(\'2020-01-01T00:00:00"\', \'2020-01-01T00:00:00+00:00"\')\ndef encode(s):\n    return datetime.datetime(2020, 1, 1)\ndef decode(s):\n    return E()';
    const tests = T('s = encode("hello")\nassert decode(s) == "hello"\nassert decode(encode("abc")) == "abc"\n');
    const v = await verifyCode(py(attack), tests);
    expect(v.score, status(v)).toBe(0);
    expect(status(v)).toMatch(/time zone/);
    const honest = await verifyCode(py('import datetime\n_m = {}\ndef encode(s):\n    d = datetime.datetime(2020, 1, 1 + len(_m))\n    _m[d] = s\n    return d\ndef decode(d):\n    return _m[d]'), tests);
    expect(honest.score, status(honest)).toBe(1);
  }, 60_000);

  itPython('wrong answers of the same shapes fail', async () => {
    const wrong: [string, string][] = [
      ['def f(n):\n    return range(n + 1)', 'assert list(f(3)) == [0, 1, 2]\n'],
      ['def f(n):\n    yield from range(n)', 'assert list(f(3)) == [0, 1, 4]\n'],
      ['from collections import namedtuple\nP = namedtuple("P", "a b")\ndef f(a, b):\n    return P(b, a)', 'assert f(1, 2) == (1, 2)\n'],
    ];
    for (const [code, tests] of wrong) {
      const v = await verifyCode(py(code), T(tests));
      expect(v.score, code).toBe(0);
      expect(status(v)).toMatch(/wrong-answer/);
    }
  }, 60_000);
});
