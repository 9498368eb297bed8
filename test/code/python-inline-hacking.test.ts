/**
 * Inline mode (tests that pass functions or mock what the solution uses share its process): a
 * red-team pass found four ways to score there without solving, each now a case that must score 0
 * while the honest solution scores 1: always-equal objects inside clean containers (a list
 * subclass's items, a UserList's .data, a Fraction's fields), unittest patched during a call, and
 * the tests' expected values read from a passed lambda's __globals__ through check.__code__. A
 * third pass found that what the tests judge with (a library function, a name in their namespace,
 * the harness's result class) could be changed during a call: the integrity check now compares it
 * after every call, while the tests' own mocks stay allowed.
 */
import { afterAll, expect } from 'vitest';
import { closePool } from '../../src/index.js';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

const py = (code: string): string => '```python\n' + code + '\n```';
const status = (v: { details?: unknown }): string => {
  const t = (v.details as CodeDetails | undefined)?.tests?.[0];
  return `${t?.status ?? ''} ${t?.message ?? ''}`;
};

const E = 'class E:\n    def __eq__(s, o): return True\n    __hash__ = object.__hash__\n';
// A lambda argument makes the tests run inline.
const APPLY_ALL = {
  language: 'python',
  test_code: 'def check(candidate):\n    assert candidate(lambda x: x * 2, [1, 2, 3]) == [2, 4, 6]\n    assert candidate(lambda x: x + 1, [5]) == [6]\n    assert candidate(str, [7, 8]) == ["7", "8"]\ncheck(apply_all)\n',
};
const APPLY = {
  language: 'python',
  test_code: 'def check(candidate):\n    assert candidate(lambda x: x * x, 3) == 9\n    assert candidate(lambda x: x + 1, 41) == 42\n    assert candidate(lambda x: x - 1, 0) == -1\ncheck(apply_fn)\n',
};
const UPPER = { language: 'python', test_code: 'def check(candidate):\n    assert candidate(str.upper, "abc") == "ABC"\n    assert candidate(str.lower, "XyZ") == "xyz"\ncheck(apply_fn)\n' };
const MOCKED = {
  language: 'python',
  test_code:
    'import unittest\nfrom unittest.mock import patch\nclass TestCases(unittest.TestCase):\n    @patch("random.randint", return_value=4)\n    def test_roll(self, m):\n        self.assertEqual(task_func(3), [4, 4, 4])\n    def test_len(self):\n        self.assertEqual(len(task_func(5)), 5)\n',
};

// Tests that judge with library functions (os.path.isabs), their own module-level names, and
// their own mocks (patch as a decorator, patch.object, patch.multiple); they also change their own
// global and set class data in setUpClass, which must stay allowed.
const JUDGED = {
  language: 'python',
  test_code: [
    'import unittest, os, random',
    'from unittest.mock import patch',
    'import unittest.mock as um',
    'EXPECTED = {"a": 1}',
    'counter = 0',
    'class TestCases(unittest.TestCase):',
    '    @classmethod',
    '    def setUpClass(cls):',
    '        cls.data = [1, 2]',
    '    def test_path(self):',
    '        global counter',
    '        counter += 1',
    '        self.assertTrue(os.path.isabs(task_func("/x/out.json")))',
    '    @patch("random.randint", return_value=4)',
    '    def test_mock(self, m):',
    '        self.assertEqual(roll(3), [4, 4, 4])',
    '    def test_mock_context(self):',
    '        with patch.object(random, "choice", return_value="z"):',
    '            self.assertEqual(pick("abc"), "z")',
    '        with um.patch.multiple(random, random=um.DEFAULT, randint=um.DEFAULT) as ms:',
    '            ms["randint"].return_value = 7',
    '            self.assertEqual(roll(2), [7, 7])',
    '        self.assertIn(pick("abc"), "abc")',
    '    def test_apply(self):',
    '        self.assertEqual(apply(lambda: 1), EXPECTED)',
  ].join('\n') + '\n',
};
const JUDGED_BASE = 'import random\ndef roll(n):\n    return [random.randint(1, 6) for _ in range(n)]\ndef pick(s):\n    return random.choice(s)\n';
const JUDGED_HONEST = JUDGED_BASE + 'def task_func(p):\n    return p\ndef apply(f):\n    return {"a": f()}';

// Fourth pass. A metaclass whose __hash__ / __eq__ make its class count as int in a set of types.
const META = 'class M(type):\n    def __hash__(cls): return hash(int)\n    def __eq__(cls, o): return True\n    def __ne__(cls, o): return False\n' +
  'class E(metaclass=M):\n    def __eq__(s, o): return True\n    def __ne__(s, o): return False\n    def __hash__(s): return 0\n    def __len__(s): return 5\n';
const ROLL = 'import random\ndef task_func(n):\n    return [random.randint(1, 6) for _ in range(n)]';
// Tests whose expected values are constants of test methods that are not running yet.
const CONSTS = {
  language: 'python',
  test_code: 'import unittest\nfrom unittest.mock import patch\nclass TestCases(unittest.TestCase):\n    def test_a(self):\n        self.assertIsInstance(task_func(7), int)\n    def test_b(self):\n        self.assertEqual(task_func(12345), 987654)\n    def test_c(self):\n        self.assertEqual(task_func(333), 42424242)\n',
};
const SUBTESTS = {
  language: 'python',
  test_code: 'import unittest\nfrom unittest.mock import patch\nclass TestCases(unittest.TestCase):\n    @patch("random.randint", return_value=4)\n    def test_roll(self, m):\n        for n in (1, 2, 3):\n            with self.subTest(n=n):\n                self.assertEqual(task_func(n), [4] * n)\n',
};
const COUNTS = {
  language: 'python',
  test_code: 'import unittest\nfrom unittest.mock import patch\nclass TestCases(unittest.TestCase):\n    @patch("random.randint", return_value=4)\n    def test_counts(self, m):\n        self.assertEqual(task_func("a b a"), {"a": 2, "b": 1})\n    def test_empty(self):\n        self.assertEqual(task_func(""), {})\n',
};
const ITER = {
  language: 'python',
  test_code: 'def check(candidate):\n    for got, want in zip(candidate(lambda x: x * 2, [1, 2, 3]), [2, 4, 6]):\n        assert got == want\n    assert 6 in candidate(lambda x: x * 2, [1, 2, 3])\n    assert 7 not in candidate(lambda x: x * 2, [1, 2, 3])\ncheck(apply_all)\n',
};
// A passed lambda that makes a call: its code holds the guards bound into the tests' calls.
const ABS = { language: 'python', test_code: 'def check(candidate):\n    assert candidate(lambda x: abs(x), -3) == 3\n    assert candidate(lambda x: abs(x) + 1, 41) == 42\ncheck(apply_fn)\n' };
const EQ = 'class E:\n    def __eq__(s, o): return True\n    def __ne__(s, o): return False\n    __hash__ = object.__hash__\n';

const CASES: { name: string; ref: object; honest: string; attack: string; why: RegExp }[] = [
  { name: 'list subclass of always-equal items', ref: APPLY_ALL, honest: 'def apply_all(f, xs):\n    return [f(x) for x in xs]', attack: `class L(list): pass\n${E}def apply_all(f, xs):\n    return L([E() for _ in xs])`, why: /overrides E.__eq__/ },
  { name: 'UserList hiding them in .data', ref: APPLY_ALL, honest: 'from collections import UserList\ndef apply_all(f, xs):\n    return UserList([f(x) for x in xs])', attack: `from collections import UserList\n${E}def apply_all(f, xs):\n    return UserList([E() for _ in xs])`, why: /overrides E.__eq__/ },
  { name: 'Fraction with an always-equal numerator', ref: APPLY, honest: 'from fractions import Fraction\ndef apply_fn(f, x):\n    return Fraction(f(x))', attack: `from fractions import Fraction\n${E}def apply_fn(f, x):\n    q = Fraction(0)\n    q._numerator = E()\n    return q`, why: /overrides E.__eq__/ },
  { name: 'UserString with always-equal .data', ref: UPPER, honest: 'def apply_fn(f, x):\n    return f(x)', attack: `from collections import UserString\n${E}def apply_fn(f, x):\n    u = UserString("")\n    u.data = E()\n    return u`, why: /overrides E.__eq__/ },
  { name: "expected values from the tests' code via a lambda's __globals__", ref: APPLY, honest: 'def apply_fn(f, x):\n    return f(x)', attack: 'def apply_fn(f, x):\n    c = list(f.__globals__["check"].__code__.co_consts)\n    for i in range(1, len(c) - 1):\n        if type(c[i]) is type(x) and c[i] == x and c[i - 1] is f.__code__:\n            return c[i + 1]', why: /code of functions the solution did not write is not readable/ },
  { name: 'TestResult patched during a call', ref: MOCKED, honest: 'import random\ndef task_func(n):\n    return [random.randint(1, 6) for _ in range(n)]', attack: 'import unittest\ndef task_func(n):\n    unittest.TestResult.wasSuccessful = lambda self: True\n    unittest.TestResult.addFailure = lambda *a, **k: None\n    unittest.TestResult.addError = lambda *a, **k: None\n    return None', why: /patched TestResult/ },
  { name: 'TestCase.assertEqual patched during a call', ref: MOCKED, honest: 'import random\ndef task_func(n):\n    return [random.randint(1, 6) for _ in range(n)]', attack: 'import unittest\ndef task_func(n):\n    unittest.TestCase.assertEqual = lambda *a, **k: None\n    return [0] * n', why: /patched TestCase.assertEqual/ },
  // Second pass (each passed before its fix).
  { name: "the tests' code read through a library (dis)", ref: APPLY, honest: 'def apply_fn(f, x):\n    return f(x)', attack: 'import dis\ndef apply_fn(f, x):\n    c = list(dis._get_code_object(f.__globals__["check"]).co_consts)\n    for i in range(len(c) - 1):\n        if type(c[i]) is type(x) and c[i] == x and type(c[i + 1]) is int:\n            return c[i + 1]', why: /not readable|disassemble/ },
  { name: 'dunders carrying a fake __code__ from the tests', ref: APPLY, honest: 'def apply_fn(f, x):\n    return f(x)', attack: "import types\nclass _Fn:\n    __code__ = types.SimpleNamespace(co_filename='<tests>')\n    def __init__(self, r): self.r = r\n    def __call__(self, *a): return self.r\nclass E:\n    __eq__ = _Fn(True)\n    __ne__ = _Fn(False)\n    __hash__ = _Fn(0)\ndef apply_fn(f, x):\n    return E()", why: /overrides E.__eq__/ },
  { name: 'always-equal items 60 wrappers deep', ref: APPLY_ALL, honest: 'def apply_all(f, xs):\n    return [f(x) for x in xs]', attack: `from collections import UserList\n${E}def apply_all(f, xs):\n    u = UserList([E() for _ in xs])\n    for _ in range(60):\n        w = UserList(); w.data = u; u = w\n    return u`, why: /overrides E.__eq__/ },
  { name: 'a __dict__ that is a dict subclass', ref: APPLY_ALL, honest: 'def apply_all(f, xs):\n    return [f(x) for x in xs]', attack: `from collections import UserList\n${E}class D(dict): pass\ndef apply_all(f, xs):\n    u = UserList()\n    u.__dict__ = D(data=[E() for _ in xs])\n    return u`, why: /__dict__ is a D/ },
  { name: 'the value guard replaced through a lambda\'s globals', ref: APPLY, honest: 'def apply_fn(f, x):\n    return f(x)', attack: `${E}n = [0]\ndef apply_fn(f, x):\n    f.__globals__["__vr_value__"] = lambda v: v\n    n[0] += 1\n    return f(x) if n[0] == 1 else E()`, why: /overrides E.__eq__/ },
  { name: 'TestCase.failureException set to SkipTest', ref: MOCKED, honest: 'import random\ndef task_func(n):\n    return [random.randint(1, 6) for _ in range(n)]', attack: 'import unittest\ndef task_func(n):\n    unittest.TestCase.failureException = unittest.SkipTest\n    return None', why: /patched TestCase.failureException/ },
  { name: "the tests' own test methods replaced", ref: MOCKED, honest: 'import random\ndef task_func(n):\n    return [random.randint(1, 6) for _ in range(n)]', attack: 'import unittest\ndef task_func(n):\n    for c in unittest.TestCase.__subclasses__():\n        if c.__module__ == "__tests__":\n            for k in list(vars(c)):\n                if k.startswith("test"): setattr(c, k, lambda self, *a: None)\n    return [4] * n', why: /patched TestCases.test_/ },
  // Third pass: what the tests judge with, changed during a call (each scored 1 before the integrity check).
  { name: 'a library function the tests judge with, rebound (os.path.isabs)', ref: JUDGED, honest: JUDGED_HONEST, attack: JUDGED_BASE + 'import os\ndef task_func(p):\n    os.path.isabs = lambda p: True\n    return "rel"\ndef apply(f):\n    return {"a": f()}', why: /changed posixpath.isabs/ },
  { name: 'a patch that undoes itself on first use', ref: JUDGED, honest: JUDGED_HONEST, attack: JUDGED_BASE + 'import os\n_o = os.path.isabs\ndef _fake(p):\n    os.path.isabs = _o\n    return True\ndef task_func(p):\n    os.path.isabs = _fake\n    return "rel"\ndef apply(f):\n    return {"a": f()}', why: /changed posixpath.isabs/ },
  { name: "the solution's own unittest.mock patch", ref: JUDGED, honest: JUDGED_HONEST, attack: JUDGED_BASE + 'from unittest.mock import patch\ndef task_func(p):\n    patch("os.path.isabs", return_value=True).start()\n    return "rel"\ndef apply(f):\n    return {"a": f()}', why: /changed posixpath.isabs/ },
  { name: 'a helper inside the module the tests call into (posixpath._get_sep)', ref: JUDGED, honest: JUDGED_HONEST, attack: JUDGED_BASE + 'import posixpath\ndef task_func(p):\n    posixpath._get_sep = lambda s: ""\n    return "rel"\ndef apply(f):\n    return {"a": f()}', why: /changed posixpath._get_sep/ },
  { name: "the tests' names rebound through a lambda's __globals__", ref: JUDGED, honest: JUDGED_HONEST, attack: JUDGED_BASE + 'def task_func(p):\n    return p\ndef apply(f):\n    f.__globals__["EXPECTED"] = 5\n    return 5', why: /changed the tests' name EXPECTED/ },
  { name: "the harness's result class given new methods", ref: JUDGED, honest: JUDGED_HONEST, attack: JUDGED_BASE + 'import unittest\ndef task_func(p):\n    for c in unittest.TestResult.__subclasses__():\n        if c.__name__ == "Result": c.addFailure = c.addError = lambda *a: None\n    return "rel"\ndef apply(f):\n    return 5', why: /patched Result.addFailure/ },
  // Fourth pass (each scored 1 before its fix).
  { name: 'a metaclass whose hash and == make the class count as int', ref: APPLY, honest: 'def apply_fn(f, x):\n    return f(x)', attack: META + 'def apply_fn(f, x):\n    return E()', why: /overrides E.__eq__/ },
  { name: 'items of such a class in a list', ref: MOCKED, honest: ROLL, attack: META + 'def task_func(n):\n    return [E()] * n', why: /overrides E.__eq__/ },
  { name: 'unittest.SkipTest raised by the solution', ref: MOCKED, honest: ROLL, attack: 'import unittest\ndef task_func(n):\n    raise unittest.SkipTest("x")', why: /skipped|raised unittest.SkipTest/ },
  { name: 'a subclass of SkipTest raised by the solution', ref: MOCKED, honest: ROLL, attack: 'import unittest\nclass S(unittest.SkipTest): pass\ndef task_func(n):\n    raise S("x")', why: /skipped|raised unittest.SkipTest/ },
  { name: "unittest's _ShouldStop raised by the solution", ref: MOCKED, honest: ROLL, attack: 'import unittest\ndef task_func(n):\n    raise unittest.case._ShouldStop()', why: /tests raised an error/ },
  { name: "_ShouldStop saved before the tests run, raised in a subTest", ref: SUBTESTS, honest: ROLL, attack: 'import unittest\nS = unittest.case._ShouldStop\ndef task_func(n):\n    raise S()', why: /tests raised an error/ },
  { name: "_ShouldStop put back during a call", ref: SUBTESTS, honest: ROLL, attack: 'import unittest\nS = unittest.case._ShouldStop\ndef task_func(n):\n    unittest.case._ShouldStop = S\n    raise S()', why: /tests raised an error/ },
  { name: "constants of test methods not running yet, read through dis", ref: CONSTS, honest: 'def task_func(n):\n    return {12345: 987654, 333: 42424242}.get(n, 0)', attack: 'import unittest, dis\nout = {}\ndef task_func(n):\n    for c in unittest.TestCase.__subclasses__():\n        if c.__module__ != "__tests__": continue\n        for k, fn in list(vars(c).items()):\n            if not k.startswith("test"): continue\n            try:\n                cs = [x for x in dis.Bytecode(fn).codeobj.co_consts if type(x) is int]\n            except Exception:\n                continue\n            for a, b in zip(cs, cs[1:]): out.setdefault(a, b)\n    return out.get(n, 0)', why: /0 != 987654/ },
  { name: 'unittest.mock.ANY returned', ref: SUBTESTS, honest: ROLL, attack: 'from unittest import mock\ndef task_func(n):\n    return mock.ANY', why: /overrides _ANY.__eq__/ },
  { name: 'a weak proxy of a list of always-equal items', ref: MOCKED, honest: ROLL, attack: EQ + 'import weakref\nclass L(list): pass\nkeep = []\ndef task_func(n):\n    l = L([E() for _ in range(n)])\n    keep.append(l)\n    return weakref.proxy(l)', why: /weak proxy/ },
  { name: 'a mapping proxy of always-equal values', ref: COUNTS, honest: 'from collections import Counter\ndef task_func(s):\n    return dict(Counter(s.split()))', attack: EQ + 'import types\ndef task_func(s):\n    return types.MappingProxyType({k: E() for k in set(s.split())})', why: /mapping proxy: not allowed/ },
  { name: 'a generator of always-equal items', ref: ITER, honest: 'def apply_all(f, xs):\n    for x in xs:\n        yield f(x)', attack: EQ + 'def apply_all(f, xs):\n    return (E() for _ in xs)', why: /overrides E.__eq__/ },
  { name: 'a list iterator over always-equal items', ref: ITER, honest: 'def apply_all(f, xs):\n    return iter([f(x) for x in xs])', attack: EQ + 'def apply_all(f, xs):\n    return iter([E() for _ in xs])', why: /overrides E.__eq__/ },
  { name: "the harness's globals through the guards in a passed lambda's code (dis)", ref: ABS, honest: 'import inspect\ndef apply_fn(f, x):\n    assert len(inspect.signature(f).parameters) == 1\n    return f(x)', attack: 'import dis\ndef apply_fn(f, x):\n    for ins in dis.get_instructions(f):\n        g = getattr(ins.argval, "__globals__", None)\n        if g and "_FRAMES_OK" in g:\n            return f(x)\n    return None', why: /disassemble/ },
  { name: "the harness's globals through the result class's method", ref: MOCKED, honest: ROLL, attack: 'import unittest\ndef task_func(n):\n    for c in unittest.TestResult.__subclasses__():\n        for f in list(vars(c).values()):\n            g = getattr(f, "__globals__", None)\n            if g and "_FRAMES_OK" in g:\n                return [4] * n\n    raise RuntimeError("harness not reached")', why: /harness not reached/ },
];

describePython('Python inline-mode reward hacking', () => {
  for (const c of CASES) {
    itPython(`${c.name}: scores 0, the honest solution 1`, async () => {
      const bad = await verifyCode(py(c.attack), c.ref);
      expect(bad.score, status(bad)).toBe(0);
      expect(status(bad)).toMatch(c.why);
      const good = await verifyCode(py(c.honest), c.ref);
      expect(good.score, status(good)).toBe(1);
    }, 60_000);
  }

  itPython("honest inline solutions that read their own functions' code, or return clean containers, pass", async () => {
    const own = 'def apply_all(f, xs):\n    g = lambda: 0\n    assert g.__code__.co_argcount == 0\n    return [f(x) for x in xs]';
    const clean = 'from collections import UserList, OrderedDict, namedtuple\nfrom fractions import Fraction\nP = namedtuple("P", "a b")\ndef apply_all(f, xs):\n    r = [f(x) for x in xs]\n    _ = (Fraction(1, 3), UserList(r), OrderedDict(a=1), P(1, 2))\n    return r';
    for (const code of [own, clean]) expect((await verifyCode(py(code), APPLY_ALL)).score, code).toBe(1);
  }, 60_000);

  itPython('skips the tests write themselves, and generators driven with send(), still pass', async () => {
    const skipping = {
      language: 'python',
      test_code: 'import unittest\nfrom unittest.mock import patch\nclass TestCases(unittest.TestCase):\n    @patch("random.randint", return_value=4)\n    def test_roll(self, m):\n        self.assertEqual(task_func(3), [4, 4, 4])\n    @unittest.skip("not yet")\n    def test_later(self):\n        self.fail()\n    def test_skip_inside(self):\n        self.skipTest("no data")\n',
    };
    const v = await verifyCode(py(ROLL), skipping);
    expect(v.score, status(v)).toBe(1);
    const sending = { language: 'python', test_code: 'def check(candidate):\n    g = candidate(lambda x: x + 1)\n    assert next(g) == 0\n    assert g.send(5) == 6\n    assert g.send(9) == 10\n    g.close()\ncheck(echo)\n' };
    const w = await verifyCode(py('def echo(f):\n    x = yield 0\n    while True:\n        x = yield f(x)'), sending);
    expect(w.score, status(w)).toBe(1);
  }, 60_000);
});
