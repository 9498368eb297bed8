/** Python source of the sandbox zygote, part children: What crosses to the host (JSON results), the test_code value guard, and the three kinds of child process. */
export const CHILDREN_SOURCE = String.raw`# ---- values crossing to the host (call-based results) ----
def _json_key(k):
    if type(k) is str:
        return k
    if k is None or isinstance(k, (bool, int, float)):
        return json.dumps(k)
    return str(k)


def _jsonable(v, depth=0):
    if depth > 100:
        raise ValueError('result nested too deeply')
    t = type(v)
    if v is None or t is bool or t is str or t is int:
        return v
    if t is float:
        return v if math.isfinite(v) else None
    if t is list or t is tuple:
        return [_jsonable(x, depth + 1) for x in v]
    if t is dict:
        return {_json_key(k): _jsonable(x, depth + 1) for k, x in v.items()}
    if t is set or t is frozenset:
        items = [_jsonable(x, depth + 1) for x in v]
        try:
            items.sort()
        except TypeError:
            pass
        return items
    if isinstance(v, bool):
        return bool(v)
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        f = float(v)
        return f if math.isfinite(f) else None
    if isinstance(v, str):
        return str(v)
    if isinstance(v, dict):
        return _jsonable(dict(v), depth)
    if isinstance(v, (list, tuple)) or type(v).__name__ == 'deque':
        return [_jsonable(x, depth + 1) for x in list(v)]
    raise TypeError('the result (type %s) cannot be compared: return numbers, strings, lists, dicts, booleans or None' % type(v).__name__)


# ---- the test_code guard: values seen by the tests must not be objects that fake comparisons ----
_DUNDERS = ('__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__', '__hash__', '__bool__', '__contains__',
            '__abs__', '__neg__', '__pos__', '__round__', '__trunc__', '__floor__', '__ceil__', '__add__', '__radd__',
            '__sub__', '__rsub__', '__mul__', '__rmul__', '__truediv__', '__rtruediv__', '__floordiv__',
            '__rfloordiv__', '__mod__', '__rmod__', '__pow__', '__rpow__', '__float__', '__int__', '__index__',
            '__complex__', '__str__', '__repr__', '__format__', '__class__', '__getattribute__', '__getattr__',
            '__instancecheck__', '__subclasscheck__', '__len__')
_PLAIN = frozenset((int, float, str, bool, type(None), bytes, complex))


class _FakeValue(AssertionError):
    pass


# unittest class attributes tests may set (TestCase.maxDiff = None) without touching the outcome.
_UNITTEST_SETTINGS = frozenset(('maxDiff', 'longMessage', '_classSetupFailed', '_class_cleanups'))


class _Slotted:
    __slots__ = ('a',)


def _dunder_snapshot():
    # The comparison/arithmetic dunders of every standard Python-level class as the zygote found
    # them: a solution may monkeypatch such a class (no audit event covers it); the value guard
    # then sees a dunder that differs from this snapshot.
    snap = {}
    for c in _TRUSTED:
        if c.__flags__ & (1 << 9):  # Py_TPFLAGS_HEAPTYPE: classes written in Python can be patched
            d = c.__dict__
            snap[c] = tuple(d.get(n, _MISSING) for n in _DUNDERS)
    return snap


_MISSING = object()
_DUNDER_SNAPSHOT = _dunder_snapshot()


def _make_checker():
    trusted = _TRUSTED
    plain = _PLAIN
    dunders = _DUNDERS
    budget = [0]

    snapshot = _DUNDER_SNAPSHOT
    missing = _MISSING
    member = type(_Slotted.__dict__['a'])  # the slot descriptor type
    # Modules, classes and functions are not data: their namespaces are not walked.
    opaque = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType)
    walk_cache = {}
    judged = []
    for name, mod in list(sys.modules.items()):
        if name == 'unittest' or name.startswith('unittest.'):
            for c in list(vars(mod).values()):
                if isinstance(c, type) and c.__module__.startswith('unittest'):
                    judged.append((c, {k: f for k, f in c.__dict__.items() if k not in _UNITTEST_SETTINGS}))

    def patched(c):
        old = snapshot.get(c)
        if old is None:
            return None
        d = c.__dict__
        for i, name in enumerate(dunders):
            if d.get(name, missing) is not old[i]:
                return c.__name__ + '.' + name
        return None

    def suspicious(cls):
        for c in cls.__mro__:
            if c in trusted:
                bad = patched(c)
                if bad is not None:
                    return bad
                continue
            d = c.__dict__
            for name in dunders:
                if name in d:
                    f = d[name]
                    # A dunder the tests wrote (a real function; any object can carry a __code__ attribute).
                    if type(f) is types.FunctionType and f.__code__.co_filename == '<tests>':
                        continue
                    return c.__name__ + '.' + name
        meta = type(cls)
        if meta not in trusted:
            return suspicious(meta) if meta is not cls else None
        return None

    def check(v, depth):
        t = type(v)
        if t in plain:
            return
        budget[0] += 1
        if budget[0] > 2000000 or depth > 200:
            # Fail closed: what cannot be checked is not compared (a deeper wrapper or a longer list
            # could otherwise hide an always-equal object past the limit).
            raise _FakeValue('the solution produced a value too deep or too large to check in these tests')
        if t is list or t is tuple or t is set or t is frozenset:
            for x in v:
                if type(x) not in plain:
                    check(x, depth + 1)
            return
        if t is dict:
            for k, x in v.items():
                check(k, depth + 1)
                check(x, depth + 1)
            return
        bad = suspicious(t)
        if bad is not None:
            raise _FakeValue('the solution produced an object whose class overrides ' + bad + ': not allowed in tests')
        if walkable(t):
            inside(v, t, depth)

    def walkable(t):
        # Whose insides are read: built-in data (a standard class, or a container subclass) and the
        # solution's own classes; not the classes of libraries the tests imported (unittest.mock's
        # objects hold sentinels of classes the guard does not know), nor modules and functions.
        ok = walk_cache.get(t)
        if ok is None:
            ok = not issubclass(t, opaque)
            for c in t.__mro__:
                if not ok or c in trusted:
                    continue
                for f in c.__dict__.values():
                    if type(f) is types.FunctionType and f.__code__.co_filename != '<solution>':
                        ok = False
                        break
            walk_cache[t] = ok
        return ok

    def inside(v, t, depth):
        # What an object of a clean class holds, read without running its class's code: the
        # elements of a built-in container subclass, its instance attributes and its slots (a
        # UserList's .data, a Fraction's _numerator, a list subclass's items could hide an
        # always-equal object that the class's own comparison then consults).
        for base in (list, tuple, set, frozenset):
            if issubclass(t, base):
                for x in base.__iter__(v):
                    check(x, depth + 1)
        if issubclass(t, dict):
            for k, x in dict.items(v):
                check(k, depth + 1)
                check(x, depth + 1)
        try:
            d = object.__getattribute__(v, '__dict__')
        except (AttributeError, TypeError):
            d = None
        if type(d) is dict:
            for x in dict.values(d):
                check(x, depth + 1)
        elif d is not None:
            raise _FakeValue('the solution produced an object whose __dict__ is a ' + type(d).__name__ + ': not allowed in tests')
        for c in t.__mro__:
            slots = c.__dict__.get('__slots__', ())
            for name in ((slots,) if type(slots) is str else slots if type(slots) in (tuple, list) else ()):
                desc = c.__dict__.get(name)
                if type(desc) is member and name not in ('__dict__', '__weakref__'):
                    try:
                        check(desc.__get__(v, t), depth + 1)
                    except AttributeError:
                        pass

    def untouched():
        # The unittest machinery the outcome depends on, as the tests found it: a solution that
        # patches TestCase.assertEqual or TestResult.wasSuccessful during a call is caught at the
        # next call's value (patches made while loading are undone before the tests run).
        for c, saved in judged:
            d = c.__dict__
            for k, f in saved.items():
                if d.get(k, missing) is not f:
                    raise _FakeValue('the solution patched ' + c.__name__ + '.' + k + ': not allowed in tests')

    def watch(classes):
        for c in classes:
            judged.append((c, dict(c.__dict__)))

    def value(v):
        untouched()
        budget[0] = 0
        check(v, 0)
        return v
    return value, untouched, watch


class _WrapCalls(ast.NodeTransformer):
    def visit_Call(self, node):
        self.generic_visit(node)
        return ast.copy_location(ast.Call(func=ast.Constant(value=_VALUE_SLOT), args=[node], keywords=[]), node)


# Where each call of the tests goes through the value guard: a constant of the compiled code, put
# in place by _bind_value (not a global name, which the tests' globals, reachable from a lambda
# the tests pass, would let a solution rebind to a no-op).
_VALUE_SLOT = '\x00value guard\x00'


def _bind_value(code, value):
    consts = tuple(value if (type(c) is str and c == _VALUE_SLOT) else _bind_value(c, value) if type(c) is types.CodeType else c
                   for c in code.co_consts)
    return code.replace(co_consts=consts)


def _compile_tests(source):
    tree = ast.parse(source, '<tests>')
    tree = _WrapCalls().visit(tree)
    ast.fix_missing_locations(tree)
    return compile(tree, '<tests>', 'exec')


def _restore_modules():
    for name, snap in _MODULE_SNAPSHOT.items():
        mod = sys.modules.get(name)
        if mod is None:
            continue
        d = vars(mod)
        for k, v in snap.items():
            if d.get(k, _MISSING) is not v:
                d[k] = v
    sys.modules.update({n: m for n, m in _MODULE_OBJECTS.items() if sys.modules.get(n) is not m})


_MODULE_OBJECTS = {m: sys.modules[m] for m in _MODULE_SNAPSHOT}


# ---- children ----
def _enter_child(job, msg_fd, stdio, keep=()):
    # stdin, stdout, stderr become the given fds; every other fd but msg_fd (and keep) is closed;
    # the rlimits and the seccomp filter apply from here on.
    for fd, src in enumerate(stdio):
        os.dup2(src, fd)
    last = 2
    for fd in sorted(set((msg_fd,) + tuple(keep))):
        os.closerange(last + 1, fd)
        last = fd
    os.closerange(last + 1, 4096)
    _limits(job)
    _install_seccomp()


def _compile_solution(job, msg_fd):
    # Compiled here, under the child's limits: a huge or deeply nested program costs only its child.
    try:
        return compile(job['code'], '<solution>', 'exec')
    except (SyntaxError, ValueError, MemoryError, RecursionError, OverflowError) as e:
        _send(msg_fd, {'compile': _describe(e)})
        os._exit(0)


def _load_solution(job, msg_fd, when):
    # Compile the solution (under the child's limits), install the audit guard and run it in a fresh
    # __main__. If it does not compile, or raises (SystemExit included) while loading, report that
    # on msg_fd ({'compile'} or {'load': status}) and exit. Returns the solution's globals.
    code = _compile_solution(job, msg_fd)
    _install_guard()
    g = _fresh_module(job)
    try:
        exec(code, g)
    except BaseException as e:
        st = _status_of(e)
        _send(msg_fd, {'load': 'runtime-error: SystemExit ' + when if st == 'exit' else st})
        os._exit(0)
    return g


def _child_stdio(job, stdin_fd, out_fd, err_fd, msg_fd):
    _enter_child(job, msg_fd, (stdin_fd, out_fd, err_fd))
    code = _compile_solution(job, msg_fd)
    _install_guard()
    g = _fresh_module(job)
    status = 'ok'
    exit_code = 0
    try:
        exec(code, g)
        _join_threads()
        sys.stdout.flush()
    except SystemExit as e:
        c = e.code
        exit_code = 0 if c is None else (c if isinstance(c, int) else 1)
        if exit_code != 0:
            status = 'runtime-error: exit code %d' % exit_code
    except BaseException as e:
        status = _status_of(e)
    _flush_std()
    _send(msg_fd, {'status': status})
    os._exit(0)


def _child_call(job, start, msg_fd):
    null = os.open('/dev/null', os.O_RDWR)
    _enter_child(job, msg_fd, (null, null, null))
    g = _load_solution(job, msg_fd, 'while loading the solution')
    fn = None
    err = None
    entry = job['entry'].split('.')
    try:
        if len(entry) == 2:
            obj = g[entry[0]]()
            fn = getattr(obj, entry[1])
        elif entry[0] in g and callable(g[entry[0]]):
            fn = g[entry[0]]
        elif 'Solution' in g and hasattr(g['Solution'], entry[0]):
            fn = getattr(g['Solution'](), entry[0])
        else:
            err = 'runtime-error: NameError: %s is not defined' % entry[0]
    except BaseException as e:
        err = _status_of(e)
    _send(msg_fd, {'load': err} if err else {'loaded': True})
    if err:
        os._exit(0)
    tests = job['tests']
    for i in range(start, len(tests)):
        try:
            result = fn(*tests[i])
            text = json.dumps(_jsonable(result), allow_nan=False)
            if len(text) > job['maxOutput']:
                _send(msg_fd, {'i': i, 'status': _OUTPUT_LIMIT})
            else:
                _send(msg_fd, {'i': i, 'status': 'ok', 'json': text})
        except BaseException as e:
            st = _status_of(e)
            _send(msg_fd, {'i': i, 'status': 'runtime-error: SystemExit' if st == 'exit' else st})
    os._exit(0)


def _snapshot_state():
    # Every loaded module's namespace and every Python-level class's attributes, before the solution
    # runs: what the solution patches is put back before the tests run.
    mods = {n: (m, dict(vars(m))) for n, m in list(sys.modules.items()) if isinstance(m, types.ModuleType)}
    classes = [(c, dict(c.__dict__)) for c in _all_classes() if c.__flags__ & (1 << 9)]
    return mods, classes


def _restore_state(snap):
    mods, classes = snap
    for name, (mod, saved) in mods.items():
        sys.modules[name] = mod
        d = vars(mod)
        for k in [k for k in d if k not in saved]:
            del d[k]
        for k, v in saved.items():
            if d.get(k, _MISSING) is not v:
                d[k] = v
    for c, saved in classes:
        d = c.__dict__
        for k in [k for k in d if k not in saved]:
            try:
                type.__delattr__(c, k)
            except (AttributeError, TypeError):
                pass
        for k, v in saved.items():
            if d.get(k, _MISSING) is not v:
                try:
                    type.__setattr__(c, k, v)
                except (AttributeError, TypeError):
                    pass


def _import_tests_modules(tree):
    # The modules the tests import, imported before the solution runs (so, clean, and trusted).
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        for n in names:
            try:
                __import__(n)
            except BaseException:
                pass


def _child_test_code(job, tests_code, tests_tree, secret, msg_fd):
    # Inline mode (tests that patch what the solution uses): the tests share the solution's process.
    # Before the solution runs: the tests' modules are imported and every module and class is
    # snapshotted; after it, they are restored, and the tests run in a namespace of their own with
    # clean built-ins and only the names they need from the solution, under the value guard.
    null = os.open('/dev/null', os.O_RDWR)
    _enter_child(job, msg_fd, (null, null, null))
    code = _compile_solution(job, msg_fd)
    _import_tests_modules(tests_tree)
    value, untouched, watch = _make_checker()
    tests_code = _bind_value(tests_code, value)
    write = os.write
    exit_now = os._exit
    dumps = json.dumps
    run_cases = _run_unittest_cases
    snap = _snapshot_state()
    names = _free_names(tests_tree)
    # No signal handlers (a handler is handed the interrupted frame): the module is gone for good.
    for m in ('signal', '_signal'):
        sys.modules.pop(m, None)
    _BLOCKED_IMPORTS_EXTRA.update(('signal', '_signal'))
    _install_guard()
    g = _fresh_module(job)
    status = None
    message = None
    try:
        exec(code, g)
    except BaseException as e:
        st = _status_of(e)
        status = 'runtime-error: SystemExit before the tests ran' if st == 'exit' else st
    if status is None:
        _restore_state(snap)
        tg = {'__name__': '__tests__', '__builtins__': dict(_BUILTINS)}
        for n in names:
            if n in g and n not in _BUILTINS:
                tg[n] = g[n]
        try:
            exec(tests_code, tg)
            # The tests' own TestCase classes are watched too (a solution reaching them through
            # TestCase.__subclasses__() could replace their test methods).
            watch([c for c in list(tg.values()) if isinstance(c, type) and c.__module__ == '__tests__'])
            result = run_cases(tg)
            untouched()
            status, message = _unittest_outcome(result)
        except AssertionError as e:
            status = 'wrong-answer'
            message = _describe(e)
        except BaseException as e:
            st = _status_of(e)
            status = 'runtime-error: SystemExit before the tests finished' if st == 'exit' else st
    out = {'status': status, 'secret': secret}
    if message:
        out['message'] = message[:500]
    write(msg_fd, (dumps(out) + '\n').encode())
    exit_now(0)


# ---- the zygote ----
`;
