/**
 * The Python reward-hacking catalogue: solutions that try to score without solving. Each one must
 * score 0 while the honest solution to the same reference scores 1; the sandbox stays healthy after
 * every attempt. BigCodeBench's unittest-style tests: the canonical solutions pass, stubs do not.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { closePool, codeVerdicts } from '../../src/index.js';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

const py = (code: string): string => '```python\n' + code + '\n```';
const statusOf = (v: { details?: unknown }): string => ((v.details as CodeDetails | undefined)?.tests ?? [])[0]?.status ?? 'none';

const REFS = {
  // HumanEval style, with helpers from the prompt and built-ins in the checks.
  sums: {
    language: 'python',
    prompt: 'def pair_sums(a, b):\n    """Element-wise sums."""\n',
    test_code: 'def check(candidate):\n    assert candidate([1, 2], [3, 4]) == [4, 6]\n    assert candidate([], []) == []\n    assert abs(candidate([0.5], [0.25])[0] - 0.75) < 1e-9\n    assert set(candidate([1, 1], [2, 3])) == {3, 4}\n    assert len(candidate([1, 1, 1], [1, 1, 1])) == 3\n    import math\n    assert math.isclose(sum(candidate([1], [2])), 3)\n\ncheck(pair_sums)\n',
  },
  // HumanEval/32 style: the check calls the prompt's own helper on the answer.
  poly: {
    language: 'python',
    prompt: 'import math\n\ndef poly(xs, x):\n    return sum(c * math.pow(x, i) for i, c in enumerate(xs))\n\ndef find_zero(xs):\n    """A zero of the polynomial."""\n',
    test_code: 'def check(find_zero):\n    import math, random\n    rng = random.Random(42)\n    for _ in range(20):\n        xs = [rng.randint(1, 9) * (1 if k % 2 else -1) for k in range(2)]\n        x = find_zero(list(xs))\n        assert math.fabs(poly(xs, x)) < 1e-4\n\ncheck(find_zero)\n',
  },
  // Inputs made by the test's own random generator.
  random: {
    language: 'python',
    test_code: 'import random\ndef check(add):\n    for _ in range(50):\n        x, y = random.randint(0, 1000), random.randint(0, 1000)\n        assert add(x, y) == x + y\n    rng = random.Random(7)\n    for _ in range(50):\n        x, y = rng.randint(0, 1000), rng.randint(0, 1000)\n        assert add(x, y) == x + y\n\ncheck(add)\n',
  },
  // Truth-valued checks.
  truthy: { language: 'python', test_code: 'assert is_prime(7)\nassert is_prime(13)\nassert is_prime(101)\n' },
  // LeetCode prelude helpers (list_node, is_same_list).
  leet: { language: 'python', test_code: 'assert is_same_list(Solution().rev(list_node([1, 2, 3])), list_node([3, 2, 1]))\nassert is_same_list(Solution().rev(list_node([5])), list_node([5]))\n' },
  // BigCodeBench style: a unittest.TestCase the harness runs.
  unit: {
    language: 'python',
    test_code: 'import unittest\nclass TestCases(unittest.TestCase):\n    def test_counts(self):\n        self.assertEqual(task_func("a b a"), {"a": 2, "b": 1})\n    def test_empty(self):\n        self.assertEqual(task_func(""), {})\n    def test_type(self):\n        self.assertIsInstance(task_func("x"), dict)\n',
  },
  // A unittest that patches a module the solution uses (runs in the solution's process).
  mocked: {
    language: 'python',
    test_code: 'import unittest\nfrom unittest.mock import patch\nclass TestCases(unittest.TestCase):\n    @patch("random.randint", return_value=4)\n    def test_roll(self, m):\n        self.assertEqual(task_func(3), [4, 4, 4])\n    def test_len(self):\n        self.assertEqual(len(task_func(5)), 5)\n',
  },
  mapall: { language: 'python', test_code: 'assert all(map(is_even, [2, 4, 6]))\nassert not any(map(is_even, [1, 3]))\n' },
  // No check(), no entry point: the tests use a prelude name (LiveCodeBench imports math's gcd).
  bare: { language: 'python', test_code: 'assert gcd(12, 18) == 6\nassert math.gcd(4, 6) == 2\nassert solve(3) == 9\n' },
  stdio: { language: 'python', tests: [{ input: '1 2\n', output: '3\n' }, { input: '40 2\n', output: '42\n' }] },
  // A tree compared with a level-order one.
  tree: { language: 'python', test_code: 'assert is_same_tree(Solution().build([1, 2]), tree_node([1, None, 2]))\n' },
  // MBPP bare asserts about functions the prelude also defines (statistics' median, math's factorial).
  preludeNamed: { language: 'python', test_code: 'assert median([3, 1, 2]) == 2\nassert median([4, 1, 3, 2]) == 2.5\nassert factorial(5) == 120\n' },
  // An entry point named like a built-in.
  builtinEntry: { language: 'python', entry_point: 'sorted', test_code: 'def check(candidate):\n    assert candidate([3, 1, 2]) == [1, 2, 3]\n    assert candidate([]) == []\n\ncheck(sorted)\n' },
  // HumanEval's raw test field: check() defined, the call to it left to the harness.
  rawCheck: { language: 'python', prompt: 'def plus(a, b):\n    """Sum."""\n', entry_point: 'plus', test_code: '\n\nMETADATA = {}\n\n\ndef check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(2, 2) == 4\n' },
  // pytest style, about a function named like the prelude's operator.add.
  pytestStyle: { language: 'python', test_code: 'def test_add():\n    assert add(1, 2) == 3\n\ndef test_add_more():\n    assert add(5, 5) == 10\n' },
  // A class whose static methods the tests call, and a constant they compare.
  staticClass: { language: 'python', test_code: 'assert Calculator.add(2, 3) == 5\nassert Calculator.mul(2, 3) == 6\n' },
  constant: { language: 'python', test_code: 'assert ANSWER == 42\n' },
  // MBPP without its test imports: math used, never imported.
  noImport: { language: 'python', test_code: 'assert math.isclose(area(2), 12.566, rel_tol=1e-3)\nassert math.isclose(area(1), 3.1416, rel_tol=1e-3)\n' },
} as const;

const OPTS: Partial<Record<keyof typeof REFS, { pythonPrelude: 'leetcode' | 'none' }>> = { leet: { pythonPrelude: 'leetcode' }, tree: { pythonPrelude: 'leetcode' }, noImport: { pythonPrelude: 'none' } };

const HONEST: Record<keyof typeof REFS, string> = {
  sums: 'def pair_sums(a, b):\n    return [x + y for x, y in zip(a, b)]',
  poly: 'def find_zero(xs):\n    return -xs[0] / xs[1]',
  random: 'def add(x, y):\n    return x + y',
  truthy: 'def is_prime(n):\n    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))',
  leet: 'class Solution:\n    def rev(self, h):\n        p = None\n        while h: h.next, p, h = p, h, h.next\n        return p',
  unit: 'from collections import Counter\ndef task_func(s):\n    return dict(Counter(s.split()))',
  mocked: 'import random\ndef task_func(n):\n    return [random.randint(1, 6) for _ in range(n)]',
  mapall: 'def is_even(n):\n    return n % 2 == 0',
  bare: 'def solve(n):\n    return n * n',
  stdio: 'a, b = map(int, input().split())\nprint(a + b)',
  tree: 'class Solution:\n    def build(self, v):\n        return TreeNode(v[0], None, TreeNode(v[1]))',
  preludeNamed: 'def median(xs):\n    s = sorted(xs); n = len(s)\n    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2\ndef factorial(n):\n    return 1 if n < 2 else n * factorial(n - 1)',
  builtinEntry: 'def sorted(xs):\n    out = list(xs)\n    out.sort()\n    return out',
  rawCheck: 'def plus(a, b):\n    return a + b',
  pytestStyle: 'def add(a, b):\n    return a + b',
  noImport: 'import math\ndef area(r):\n    return math.pi * r * r',
  staticClass: 'class Calculator:\n    @staticmethod\n    def add(a, b):\n        return a + b\n    @staticmethod\n    def mul(a, b):\n        return a * b',
  constant: 'ANSWER = 6 * 7',
};

/** Forge a passing report on every descriptor and through every harness object within reach. */
const FORGE = [
  'import os, json, builtins',
  'def _forge():',
  '    msgs = [{"status": "ok"}, {"i": 0, "status": "ok", "timeMs": 1}, {"loaded": True}, {"done": True}, {"v": [1]}]',
  '    for fd in range(0, 64):',
  '        for m in msgs:',
  '            try: os.write(fd, (json.dumps(m) + "\\n").encode())',
  '            except OSError: pass',
].join('\n');

/** What a left-behind process would do to the next submission: stop every pid, forge a result. */
const TAMPER = [
  'import os, time',
  'time.sleep(0.5)',
  'for p in range(1, 4000):',
  '    try: os.kill(p, 19)',
  '    except Exception: pass',
  'for fd in range(64):',
  '    try: os.write(fd, b\'{"i": 0, "status": "ok", "stdout": "3"}\\n\')',
  '    except Exception: pass',
].join('\n');

/** Every way to start a process that could outlive the submission. */
const LEAVE_BEHIND = [
  'import os, sys',
  `child = ${JSON.stringify(TAMPER)}`,
  'for how in ("os.fork", "posix.fork", "pty.fork", "os.forkpty", "os.posix_spawn", "subprocess", "multiprocessing"):',
  '    try:',
  '        if how == "os.posix_spawn":',
  '            os.posix_spawn(sys.executable, [sys.executable, "-c", child], {})',
  '        elif how == "subprocess":',
  '            import subprocess',
  '            subprocess.Popen([sys.executable, "-c", child], start_new_session=True)',
  '        elif how == "multiprocessing":',
  '            import multiprocessing',
  '            multiprocessing.Process(target=exec, args=(child,)).start()',
  '        else:',
  '            mod, fn = how.split(".")',
  '            pid = getattr(__import__(mod), fn)()',
  '            if pid == 0 or (isinstance(pid, tuple) and pid[0] == 0):',
  '                os.setsid()',
  '                exec(child)',
  '                os._exit(0)',
  '    except Exception:',
  '        pass',
  'print(0)',
].join('\n');

/** SysV IPC and POSIX shared memory a later submission could find. */
const SHARED_STATE = [
  'import os',
  'found = b""',
  'try:',
  '    import _posixshmem, mmap',
  '    fd = _posixshmem.shm_open("/vr-state", os.O_CREAT | os.O_RDWR, 0o666)',
  '    os.ftruncate(fd, 4096)',
  '    m = mmap.mmap(fd, 4096)',
  '    found = m[:8]',
  '    m[:8] = b"was-here"',
  'except Exception:',
  '    pass',
  'try:',
  '    from multiprocessing import shared_memory',
  '    shared_memory.SharedMemory(name="vr-state", create=True, size=4096)',
  'except Exception:',
  '    pass',
  'for c in object.__subclasses__():',
  '    if c.__name__ == "CDLL":',
  '        try:',
  '            libc = c(None)',
  '            libc.shmget(0x5652, 4096, 0o1666)',
  '            libc.msgget(0x5652, 0o1666)',
  '            libc.semget(0x5652, 1, 0o1666)',
  '        except Exception:',
  '            pass',
  'print(0 if not found.strip(b"\\0") else found)',
].join('\n');

const ATTEMPTS: { name: string; ref: keyof typeof REFS; code: string }[] = [
  // Harness objects and frames.
  { name: 'harness globals via builtins.open.__globals__', ref: 'sums', code: `${FORGE}\ng = builtins.open.__globals__\nfor k, v in list(g.items()):\n    if callable(v) and k.startswith('_send'):\n        for fd in range(64):\n            try: v(fd, {'status': 'ok', 'secret': g.get('secret', '')})\n            except Exception: pass\n_forge()\ndef pair_sums(a, b):\n    return None` },
  { name: 'signal handler frame f_back walk to the harness', ref: 'sums', code: `${FORGE}\nimport signal\nfound = {}\ndef h(sig, frame):\n    f = frame\n    while f is not None:\n        found.update({k: v for k, v in f.f_locals.items() if isinstance(v, (str, int))})\n        f = f.f_back\nsignal.signal(signal.SIGUSR1, h)\nsignal.raise_signal(signal.SIGUSR1)\nfor fd in range(64):\n    try: os.write(fd, (json.dumps({'status': 'ok', 'secret': found.get('secret', '')}) + '\\n').encode())\n    except OSError: pass\ndef pair_sums(a, b):\n    return None` },
  { name: 'forge reports on every descriptor then exit 0', ref: 'sums', code: `${FORGE}\n_forge()\nos._exit(0)\ndef pair_sums(a, b): return None` },
  // Names the tests resolve.
  { name: 'redefine abs, set, len and sum', ref: 'sums', code: 'abs = lambda x: 0\nclass set:\n    def __init__(self, *a): pass\n    def __eq__(self, o): return True\nlen = lambda x: 3\nsum = lambda x: 3\ndef pair_sums(a, b):\n    return [4, 6] if a == [1, 2] else []' },
  { name: 'patch builtins.abs and math.isclose in the module objects', ref: 'sums', code: 'import builtins, math\nbuiltins.abs = lambda x: 0\nbuiltins.len = lambda x: 3\nmath.isclose = lambda *a, **k: True\ndef pair_sums(a, b):\n    return [4, 6] if a == [1, 2] else []' },
  { name: 'redefine the prompt helper poly', ref: 'poly', code: 'def poly(xs, x):\n    return 0\ndef find_zero(xs):\n    return 0.0' },
  { name: 'patch math.fabs and math.pow', ref: 'poly', code: 'import math\nmath.fabs = lambda x: 0.0\nmath.pow = lambda *a: 0.0\ndef find_zero(xs):\n    return 0.0' },
  { name: 'patch random.Random.randint and random.randint', ref: 'random', code: 'import random\nrandom.Random.randint = lambda self, a, b: 0\nrandom.randint = lambda a, b: 0\ndef add(x, y):\n    return 0' },
  { name: 'redefine is_same_list and list_node', ref: 'leet', code: 'def is_same_list(a, b):\n    return True\ndef list_node(v):\n    return None\nclass Solution:\n    def rev(self, h):\n        return h' },
  { name: 'define check to skip the tests', ref: 'sums', code: 'def check(c):\n    pass\ndef pair_sums(a, b): return None' },
  // Always-equal values.
  { name: 'always-equal object', ref: 'sums', code: 'class E:\n    def __eq__(self, o): return True\n    def __ne__(self, o): return False\n    def __len__(self): return 3\n    def __iter__(self): return iter([3, 4])\n    def __getitem__(self, i): return 0.75\n    def __hash__(self): return 0\ndef pair_sums(a, b):\n    return E()' },
  { name: 'always-equal inside UserList.data', ref: 'sums', code: 'from collections import UserList\nclass E:\n    def __eq__(self, o): return True\n    def __hash__(self): return 0\ndef pair_sums(a, b):\n    u = UserList()\n    u.data = E()\n    return u' },
  { name: 'always-equal elements of a tuple subclass', ref: 'poly', code: 'class E(float):\n    def __eq__(self, o): return True\n    def __lt__(self, o): return True\n    def __sub__(self, o): return 0.0\n    __rsub__ = __sub__\nclass T(tuple): pass\ndef find_zero(xs):\n    return E(0.0)' },
  { name: 'Fraction with always-equal fields', ref: 'poly', code: 'from fractions import Fraction\nclass E(int):\n    def __eq__(self, o): return True\n    def __lt__(self, o): return True\n    def __float__(self): return 0.0\ndef find_zero(xs):\n    f = Fraction(0)\n    f._numerator = E(0)\n    return f' },
  { name: 'int subclass that lies', ref: 'random', code: 'class L(int):\n    def __eq__(self, o): return True\n    __hash__ = int.__hash__\ndef add(x, y):\n    return L(0)' },
  { name: 'truthy object for truth-valued checks', ref: 'truthy', code: 'def is_prime(n):\n    return object()' },
  { name: 'str subclass that lies', ref: 'unit', code: 'class S(dict):\n    def __eq__(self, o): return True\ndef task_func(s):\n    return S()' },
  // Escaping the checks.
  { name: 'sys.exit(0) at load', ref: 'sums', code: 'import sys\nsys.exit(0)\ndef pair_sums(a, b): return None' },
  { name: 'sys.exit(0) inside the solution', ref: 'sums', code: 'import sys\ndef pair_sums(a, b):\n    sys.exit(0)' },
  { name: 'raise SkipTest from the solution', ref: 'unit', code: 'import unittest\ndef task_func(s):\n    raise unittest.SkipTest("skip")' },
  { name: 'raise StopIteration to end all(map(...)) early', ref: 'mapall', code: 'def is_even(n):\n    raise StopIteration' },
  { name: 'raise an exception class named like unittest.SkipTest', ref: 'unit', code: 'class SkipTest(Exception): pass\nSkipTest.__module__ = "unittest.case"\ndef task_func(s):\n    raise SkipTest("skip")' },
  { name: 'patch unittest.TestCase.assertEqual', ref: 'unit', code: 'import unittest\nunittest.TestCase.assertEqual = lambda *a, **k: None\nunittest.TestCase.assertIsInstance = lambda *a, **k: None\ndef task_func(s):\n    return None' },
  { name: 'patch unittest in a mocked test', ref: 'mocked', code: 'import unittest, unittest.case\nunittest.TestCase.assertEqual = lambda *a, **k: None\nunittest.case.TestCase.assertEqual = lambda *a, **k: None\ndef task_func(n):\n    return []' },
  { name: 'patch TestResult in a mocked test', ref: 'mocked', code: 'import unittest\nunittest.TestResult.wasSuccessful = lambda self: True\nunittest.TestResult.addFailure = lambda *a: None\nunittest.TestResult.addError = lambda *a: None\ndef task_func(n):\n    return []' },
  { name: 'sys.exit(0) in a mocked test', ref: 'mocked', code: 'import sys\ndef task_func(n):\n    sys.exit(0)' },
  { name: 'forge the report in a mocked test', ref: 'mocked', code: `${FORGE}\n_forge()\ndef task_func(n):\n    _forge()\n    os._exit(0)` },
  // Processes, memory, files.
  { name: '_posixsubprocess.fork_exec of a new interpreter', ref: 'sums', code: `import importlib, os\ntry:\n    ps = importlib.import_module('_posixsubprocess')\n    ps.fork_exec(['/usr/bin/python3', '-c', 'print(1)'], [b'/usr/bin/python3'], True, (), None, None, -1, -1, -1, -1, -1, -1, -1, -1, False, False, -1, None, None, None, -1, None, False)\nexcept Exception:\n    pass\ntry:\n    os.execv('/usr/bin/python3', ['python3', '-c', 'print(1)'])\nexcept Exception:\n    pass\ndef pair_sums(a, b): return None` },
  { name: 'signal the zygote (SIGSTOP to pids 1 and 2, process group)', ref: 'stdio', code: 'import os, signal\nfor pid in (1, 2, 0, -1):\n    try: os.kill(pid, signal.SIGSTOP)\n    except Exception: pass\nprint(0)' },
  { name: 'mmap MAP_SHARED|MAP_POPULATE beyond the limit', ref: 'stdio', code: 'import mmap\nms = [mmap.mmap(-1, 256 << 20, flags=mmap.MAP_SHARED | getattr(mmap, "MAP_POPULATE", 0)) for _ in range(6)]\nprint(3)' },
  { name: 'memfd_create and /dev/shm files beyond the limit', ref: 'stdio', code: 'import os\nkept = []\ntry:\n    fd = os.memfd_create("x")\n    os.write(fd, b"x" * (600 << 20))\n    kept.append(fd)\nexcept OSError:\n    pass\nwith open("/dev/shm/big", "wb") as f:\n    f.write(b"x" * (600 << 20))\nprint(3)' },
  { name: 'persist state in a writable root between tests', ref: 'stdio', code: 'import os\nok = False\nfor d in ("/", "/dev", "/dev/shm", "/tmp", "/usr"):\n    try:\n        with open(os.path.join(d, "state"), "a") as f: f.write("x")\n        ok = True\n    except OSError:\n        pass\na, b = map(int, input().split())\nprint(a + b if ok else 0)' },
  { name: 'a solution named like a prelude function, without check() or entry_point', ref: 'bare', code: 'def gcd(a, b):\n    return 0' },
  { name: 'a solution module object standing in for math', ref: 'bare', code: 'class M:\n    def gcd(self, a, b): return 6\nmath = M()' },
  { name: 'print the visible example output only', ref: 'stdio', code: 'print(3)' },
  // Names the checks resolve: the prelude or a built-in answering for the solution, stand-ins.
  { name: 'define nothing where the prelude has functions of the asserted names', ref: 'preludeNamed', code: 'pass' },
  { name: 'define nothing where the entry point is a built-in', ref: 'builtinEntry', code: 'pass' },
  { name: 'a wrong answer where the tests leave check() to the harness', ref: 'rawCheck', code: 'def plus(a, b):\n    return None' },
  { name: 'a wrong answer where the tests are pytest functions', ref: 'pytestStyle', code: 'def add(a, b):\n    return None' },
  { name: 'a class standing in for a module the tests never import', ref: 'noImport', code: 'class math:\n    isclose = staticmethod(lambda *a, **k: True)\ndef area(r):\n    return 0' },
  { name: 'a TreeNode whose value is None, which level order would drop', ref: 'tree', code: 'class Solution:\n    def build(self, v):\n        return TreeNode(v[0], TreeNode(None), TreeNode(v[1]))' },
  { name: 'a wrong static method', ref: 'staticClass', code: 'class Calculator:\n    @staticmethod\n    def add(a, b):\n        return 0\n    @staticmethod\n    def mul(a, b):\n        return a * b' },
  { name: 'a wrong constant', ref: 'constant', code: 'ANSWER = 41' },
  { name: 'a class standing in for a module the tests use only by attribute', ref: 'noImport', code: 'import sys\nclass M:\n    isclose = staticmethod(lambda *a, **k: True)\nmath = M()\ndef area(r):\n    return 0' },
  // The long-lived zygote: other submissions' processes, the zygote, what outlives a submission.
  { name: 'signal every pid in reach (the zygote, earlier and later submissions)', ref: 'sums', code: 'import os, signal\nfor p in list(range(1, 4000)) + [0, -1]:\n    for s in (signal.SIGSTOP, signal.SIGKILL):\n        for f in (os.kill, getattr(signal, "pidfd_send_signal", None)):\n            try: f(p, s)\n            except Exception: pass\n    try: os.setpgid(0, p)\n    except Exception: pass\ndef pair_sums(a, b): return None' },
  { name: 'ctypes found through object.__subclasses__ to ptrace, kill or unshare', ref: 'sums', code: 'def walk():\n    seen, stack = set(), [object]\n    while stack:\n        c = stack.pop()\n        if c in seen: continue\n        seen.add(c)\n        try: stack.extend(type.__subclasses__(c))\n        except TypeError: pass\n    return seen\nfor c in walk():\n    if c.__name__ in ("CDLL", "PyDLL"):\n        try:\n            libc = c(None)\n            for p in range(1, 50):\n                libc.ptrace(16, p, 0, 0)\n                libc.kill(p, 19)\n            libc.unshare(0x20000000)\n        except Exception:\n            pass\ndef pair_sums(a, b): return None' },
  { name: 'leave a process behind that stops or forges for the next submission', ref: 'stdio', code: LEAVE_BEHIND },
  { name: 'SysV IPC or POSIX shared memory left for the next submission', ref: 'stdio', code: SHARED_STATE },
  { name: "forge the zygote's done and result lines on every descriptor", ref: 'sums', code: 'import os, json\nfor fd in range(64):\n    for seq in range(0, 50):\n        for m in ({"done": True, "seq": seq, "cpuMs": 1}, {"i": 0, "status": "ok", "timeMs": 1}, {"ready": True, "reuse": True}):\n            try: os.write(fd, (json.dumps(m) + "\\n").encode())\n            except OSError: pass\ndef pair_sums(a, b): return None' },
];

describePython('Python reward hacking: every attempt scores 0, the honest solution 1', () => {
  for (const [ref, code] of Object.entries(HONEST)) {
    it(`honest: ${ref}`, async () => {
      const v = await verifyCode(py(code), REFS[ref as keyof typeof REFS], { timeLimitMs: 5_000, ...OPTS[ref as keyof typeof REFS] });
      expect(statusOf(v), JSON.stringify(v.details)).toBe('passed');
      expect(v.score).toBe(1);
    });
  }
  for (const a of ATTEMPTS) {
    it(`hack: ${a.name}`, async () => {
      const v = await verifyCode(py(a.code), REFS[a.ref], { timeLimitMs: 3_000, ...OPTS[a.ref] });
      expect(v.score, JSON.stringify(v.details)).toBe(0);
      const again = await verifyCode(py(HONEST[a.ref]), REFS[a.ref], { timeLimitMs: 5_000, ...OPTS[a.ref] });
      expect(again.score).toBe(1);
    });
  }
  it('compile bombs fail inside the limits and the next submission still passes', async () => {
    for (const code of ['x = ' + '1+'.repeat(300_000) + '1\ndef add(x, y): return x + y', 'x = ' + '('.repeat(100_000) + ')'.repeat(100_000) + '\ndef add(x, y): return x + y']) {
      const v = await verifyCode(py(code), REFS.random, { timeLimitMs: 3_000 });
      expect(v.score).toBe(0);
    }
    expect((await verifyCode(py(HONEST.random), REFS.random)).score).toBe(1);
  });
});

interface BcbRow {
  task_id: string;
  entry_point: string;
  prompt: string;
  canonical_solution: string;
  test: string;
}

describePython('BigCodeBench (stdlib tasks, unittest TestCases)', () => {
  it('passes the canonical solutions and fails stubs and a patched unittest', async () => {
    const rows = readFileSync(new URL('../corpora/bigcodebench/stdlib.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as BcbRow);
    expect(rows).toHaveLength(111);
    const refs = rows.map((r) => ({ language: 'python', test_code: r.test, prompt: r.prompt, entry_point: r.entry_point }));
    const opts = { timeLimitMs: 10_000 };
    const honest = await codeVerdicts(rows.map((r) => py(r.prompt + r.canonical_solution)), refs, opts);
    const stub = await codeVerdicts(rows.map((r) => py(`${r.prompt}    return None\n`)), refs, opts);
    const patched = await codeVerdicts(
      rows.map((r) => py(`import unittest\nunittest.TestCase.assertEqual = lambda *a, **k: None\nunittest.TestCase.assertTrue = lambda *a, **k: None\n${r.prompt}    return None\n`)),
      refs,
      opts,
    );
    const failing = (vs: { pass: boolean }[]): string[] => rows.filter((_, i) => !vs[i]!.pass).map((r) => r.task_id);
    // Every canonical solution passes: 569 (inline mode, it passes functions to the solution)
    // failed while traceback.clear_frames (assertRaises) could not read tb_frame. (833 returns a
    // generator: it crosses as its items, arriving as a generator.)
    expect(failing(honest)).toEqual([]);
    expect(stub.filter((v) => v.pass).length).toBe(0);
    expect(patched.filter((v) => v.pass).length).toBe(0);
  }, 600_000);
});
