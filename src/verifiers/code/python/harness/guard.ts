/**
 * Python source of the sandbox zygote, part guard: in inline mode the tests share the solution's
 * process, so every call the tests make goes through two guards bound into the tests' compiled
 * code as constants: the callee guard (integrity part) and the value guard here, which refuses
 * values that fake comparisons (a dunder that is not the trusted class's own, an always-equal
 * object hidden in a container) and unittest's machinery patched by the solution.
 */
export const GUARD_SOURCE = String.raw`# ---- the test_code guard: values seen by the tests must not be objects that fake comparisons ----
import weakref as _weakref_mod
_DUNDERS = ('__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__', '__hash__', '__bool__', '__contains__',
            '__abs__', '__neg__', '__pos__', '__round__', '__trunc__', '__floor__', '__ceil__', '__add__', '__radd__',
            '__sub__', '__rsub__', '__mul__', '__rmul__', '__truediv__', '__rtruediv__', '__floordiv__',
            '__rfloordiv__', '__mod__', '__rmod__', '__pow__', '__rpow__', '__float__', '__int__', '__index__',
            '__complex__', '__class__', '__getattribute__', '__getattr__', '__instancecheck__', '__subclasscheck__',
            '__len__')
# Not __str__, __repr__, __format__: what they return is a real str, which the value guard sees
# wherever the tests call them, and faking one gains nothing over returning it (namedtuples,
# IntEnums and classes with a __repr__ were refused). A trusted class's __slots__ is watched too
# (deleting Fraction.__slots__ hid its fields from the walk).
_PATCH_WATCH = _DUNDERS + ('__slots__',)
_PLAIN = frozenset((int, float, str, bool, type(None), bytes, complex))
# Classes are looked up by id, never by hash or ==: a metaclass of the solution's may define
# __hash__ / __eq__ (hash(int), always equal) and so make its class count as int. _PLAIN and
# _TRUSTED keep the objects alive, so their ids stay theirs. Class attributes are read through
# type's own descriptors (a metaclass may define __mro__, __dict__ or __name__ to hide a dunder).
_PLAIN_IDS = frozenset(map(id, _PLAIN))
_TRUSTED_IDS = frozenset(map(id, _TRUSTED))
_T_MRO = type.__dict__['__mro__'].__get__
_T_DICT = type.__dict__['__dict__'].__get__
_T_NAME = type.__dict__['__name__'].__get__
# Lazy views the tests would read past the guard: a weak proxy (its referent is not reachable
# without running it) is refused; a mapping proxy's items are checked like a dict's.
_PROXIES = (id(_weakref_mod.ProxyType), id(_weakref_mod.CallableProxyType))
_MAPPING_PROXY = types.MappingProxyType
# Iterators over a list or tuple: their __reduce__ hands over the sequence without running it.
_SEQ_ITERS = (id(type(iter([]))), id(type(iter(()))))
_GENERATOR_TYPE = types.GeneratorType


def _guarded_items(gen, item):
    # A generator returned to the tests yields through this one, which checks each item first:
    # PEP 380's expansion of 'yield from gen' (send, throw and close reach gen as they would).
    try:
        y = next(gen)
    except StopIteration as e:
        return e.value
    while True:
        item(y)
        try:
            sent = yield y
        except GeneratorExit:
            gen.close()
            raise
        except BaseException as e:
            try:
                y = gen.throw(e)
            except StopIteration as stop:
                return stop.value
        else:
            try:
                y = gen.send(sent)
            except StopIteration as stop:
                return stop.value


_GUARDED_CODE = _guarded_items.__code__


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
            snap[id(c)] = tuple(d.get(n, _MISSING) for n in _PATCH_WATCH)
    return snap


_MISSING = object()
_DUNDER_SNAPSHOT = _dunder_snapshot()


def _make_checker(environment, tests_objects, tests_mock=lambda v: False, by_tests=lambda c, k: False, hooks=None):
    # environment: the integrity check (integrity part), run after each call of the tests as well.
    # tests_objects: id -> object the tests made themselves (their mocks: integrity part).
    # Called after the tests' modules are imported and before the solution runs: every class that
    # exists now is the standard library's or a library's the tests import (pathlib.Path,
    # uuid.UUID, ipaddress were refused as unknown), and its dunders are snapshotted now. Not
    # unittest.mock's: mock.ANY equals everything.
    later = [c for c in _all_classes() if id(c) not in _TRUSTED_IDS and not str(getattr(c, '__module__', '')).startswith('unittest.mock')]
    trusted = _TRUSTED_IDS | frozenset(map(id, later))
    plain = _PLAIN_IDS
    mro_of, dict_of, name_of = _T_MRO, _T_DICT, _T_NAME
    proxies, mapping_proxy, seq_iters = _PROXIES, _MAPPING_PROXY, _SEQ_ITERS
    views = frozenset(map(id, (__import__('collections').deque, type({}.keys()), type({}.values()), type({}.items()))))
    generator, guarded, guarded_code = _GENERATOR_TYPE, _guarded_items, _GUARDED_CODE
    dunders = _DUNDERS
    watched_names = _PATCH_WATCH
    budget = [0]

    snapshot = dict(_DUNDER_SNAPSHOT)
    missing = _MISSING
    for c in later:
        if c.__flags__ & (1 << 9):
            d = _T_DICT(c)
            snapshot[id(c)] = tuple(d.get(n, missing) for n in _PATCH_WATCH)
    keep_alive = later
    # The classes of unittest.mock's objects (a mock the tests own passes; see tests_mock).
    mock_mod = sys.modules.get('unittest.mock')
    cmp_names = ('__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__', '__hash__', '__bool__')
    cmp_defaults = {}
    if mock_mod is not None:
        ref = mock_mod.MagicMock()
        for n in cmp_names:
            child = getattr(ref, n)
            cd = object.__getattribute__(child, '__dict__')
            cmp_defaults[n] = (cd.get('_mock_return_value'), cd.get('_mock_side_effect') is None)
        proxy_type = getattr(mock_mod, 'MagicProxy', None)
    mock_base = getattr(mock_mod, 'NonCallableMock', None) if mock_mod is not None else None
    # A mock's record of a call and lists of them are read as the tuple and list they are (their
    # classes are unittest.mock's, whose __eq__ the guard does not vouch for). mock.ANY is refused
    # wherever it is found: the tests' own ANY is never checked (guard-operands part).
    records_types = frozenset(id(c) for c in (getattr(mock_mod, '_Call', None), getattr(mock_mod, '_CallList', None)) if c is not None) if mock_mod is not None else frozenset()

    def mock_cmp_configured(v):
        if mock_mod is None:
            return None
        td = dict_of(type(v))
        for n in cmp_names:
            x = td.get(n, missing)
            if x is not missing and type(x) is not proxy_type and x is not getattr(object, n, None):
                return n
        try:
            children = object.__getattribute__(v, '__dict__').get('_mock_children') or {}
        except (AttributeError, TypeError):
            return None
        for n in cmp_names:
            child = children.get(n) if type(children) is dict else None
            if child is None or n not in cmp_defaults:
                continue
            cd = object.__getattribute__(child, '__dict__')
            if (cd.get('_mock_return_value'), cd.get('_mock_side_effect') is None) != cmp_defaults[n]:
                return n
        return None
    tests_classes = set()  # ids of the tests' own classes (watched: their code cannot change)
    member = type(_Slotted.__dict__['a'])  # the slot descriptor type
    # Modules, classes and functions are not data: their namespaces are not walked.
    opaque = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType)
    walk_cache = {}  # id(class) -> (class, whether its insides are read)
    seen = {}  # id -> object, of the objects the current check has visited
    weak_ref = _weakref_mod.ref

    def has_base(t, b):
        # By identity: 'b in mro' would ask the classes' ==, which a metaclass of the solution's defines.
        for c in mro_of(t):
            if c is b:
                return True
        return False

    def reset():
        # A fresh check: its work budget and its record of visited objects.
        budget[0] = 0
        seen.clear()
    judged = []
    # unittest swallows its _ShouldStop (the failfast signal) wherever a test raises it: raised by
    # the solution, it would end a test, or a subTest block, as a pass. Here nothing stops a run
    # early, so the name becomes () (an except clause that catches nothing) and must stay so.
    case = sys.modules.get('unittest.case')
    case_dict = vars(case) if isinstance(case, types.ModuleType) else {}
    if '_ShouldStop' in case_dict:
        case_dict['_ShouldStop'] = ()
    stop = case_dict.get('_ShouldStop', missing)
    for name, mod in list(sys.modules.items()):
        if name == 'unittest' or name.startswith('unittest.'):
            for c in list(vars(mod).values()):
                if isinstance(c, type) and c.__module__.startswith('unittest'):
                    judged.append((c, {k: f for k, f in c.__dict__.items() if k not in _UNITTEST_SETTINGS}))
    # Their functions' defaults too: assertAlmostEqual.__defaults__ = (-400, None, None) made
    # round(diff, -400) == 0 pass any two numbers (the function itself stayed the same object).
    defaults = [(f, f.__defaults__, f.__kwdefaults__) for _, saved in judged for f in saved.values() if type(f) is types.FunctionType]

    code_ok = _CODE_OK
    ident = _thread_ident

    def filename_of(f):
        # The guard's own read of a function's code (the audit hook refuses reads of the tests' code
        # while solution code is on the stack: a tests' callback the solution calls runs the guard).
        code_ok[0] = ident()
        try:
            return f.__code__.co_filename
        finally:
            code_ok[0] = 0

    # unittest.case's own classes (TestCase, _SubTest): their dunders are unittest's, and
    # untouched() keeps them so before every check (self.subTest() returns a context manager that
    # holds the TestCase). Not unittest.mock's: mock.ANY equals everything.
    library = frozenset(id(c) for c, _ in judged if c.__dict__.get('__module__') == 'unittest.case')

    def patched(c):
        old = snapshot.get(id(c))
        if old is None:
            return None
        d = dict_of(c)
        for i, name in enumerate(watched_names):
            if d.get(name, missing) is not old[i]:
                return name_of(c) + '.' + name
        return None

    def suspicious(cls):
        for c in mro_of(cls):
            if id(c) in trusted:
                bad = patched(c)
                if bad is not None:
                    return bad
                continue
            if id(c) in library:
                continue
            if id(c) in tests_classes:
                continue  # the tests' own class (Point with __eq__, a dataclass, total_ordering)
            d = dict_of(c)
            own = d.get('__module__') == '__tests__'
            for name in dunders:
                if name in d:
                    f = d[name]
                    # A dunder the tests wrote in a class of their own (a real function; any object can
                    # carry a __code__ attribute). A tests' lambda set on the solution's class is not
                    # theirs to vouch for (lambda a, b: a + b as __eq__ made E(1) equal 6).
                    if own and type(f) is types.FunctionType and filename_of(f) == '<tests>':
                        continue
                    return name_of(c) + '.' + name
        meta = type(cls)
        if id(meta) not in trusted:
            return suspicious(meta) if meta is not cls else None
        return None

    def check(v, depth):
        t = type(v)
        if id(t) in plain:
            return
        if tests_objects.get(id(v)) is v or (mock_mod is not None and tests_mock(v)):
            # A mock of the tests' passes, unless its comparisons were configured (a child the
            # solution made of a tests' mock, with __eq__ returning True, would equal everything).
            # Other objects the tests made (mock.call(...)) pass as they are.
            if mock_base is None or not has_base(t, mock_base):
                return
            bad = mock_cmp_configured(v)
            if bad is not None:
                raise _FakeValue('the solution produced a mock whose ' + bad + ' was configured: not allowed in tests')
            return
        if id(t) in records_types:
            for x in (tuple.__iter__(v) if isinstance(v, tuple) else list.__iter__(v)):
                check(x, depth + 1)
            return
        # Each object once per check: a tree with parent pointers or a Logger (manager, loggerDict)
        # is a graph with cycles, which ran into the depth limit.
        if id(v) in seen:
            return
        seen[id(v)] = v
        budget[0] += 1
        if budget[0] > 2000000 or depth > 200:
            # Fail closed: what cannot be checked is not compared (a deeper wrapper or a longer list
            # could otherwise hide an always-equal object past the limit).
            raise _FakeValue('the solution produced a value too deep or too large to check in these tests')
        if t is list or t is tuple or t is set or t is frozenset:
            for x in v:
                if id(type(x)) not in plain:
                    check(x, depth + 1)
            return
        if t is dict:
            for k, x in v.items():
                check(k, depth + 1)
                check(x, depth + 1)
            return
        if id(t) in proxies:
            raise _FakeValue('the solution produced a weak proxy (' + name_of(t) + '): not allowed in tests')
        if has_base(t, weak_ref):
            # What a weak reference points to (a WeakValueDictionary's values): reading it runs no code.
            check(weak_ref.__call__(v), depth + 1)
        if t is slice:
            check(v.start, depth + 1)
            check(v.stop, depth + 1)
            check(v.step, depth + 1)
            return
        if id(t) in seq_iters:
            state = t.__reduce__(v)
            if type(state) is tuple and len(state) >= 2 and type(state[1]) is tuple and state[1]:
                check(state[1][0], depth + 1)
            return
        if t is mapping_proxy:
            # Its items() runs the underlying mapping's code (solution code, inside the guard, after
            # the integrity check: it could patch what the tests use next, or compare equal to all).
            raise _FakeValue('the solution produced a mapping proxy: not allowed in tests')
        if id(t) in views:
            # A deque or a dict view of a built-in dict is read natively.
            for x in list(v):
                check(x, depth + 1)
            return
        bad = suspicious(t)
        if bad is not None:
            raise _FakeValue('the solution produced an object whose class overrides ' + bad + ': not allowed in tests')
        if walkable(t):
            inside(v, t, depth)

    def walkable(t):
        # Whose insides are read: every class's but modules', functions' and unittest.mock's
        # (mocks hold sentinels of classes the guard does not know; their equality is identity
        # unless configured, which is checked). A class of the solution's is read whatever
        # functions it borrows (class S(UserString): _h = json.dumps, with an always-equal .data,
        # once passed as a library's class), and so are namedtuples it makes.
        got = walk_cache.get(id(t))
        if got is not None and got[0] is t:
            return got[1]
        ok = not issubclass(t, opaque) and (mock_base is None or not has_base(t, mock_base))
        walk_cache[id(t)] = (t, ok)
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
        for c in mro_of(t):
            cd = dict_of(c)
            slots = cd.get('__slots__', ())
            for name in ((slots,) if type(slots) is str else slots if type(slots) is tuple or type(slots) is list else ()):
                desc = cd.get(name) if type(name) is str else None
                if type(desc) is member and name not in ('__dict__', '__weakref__'):
                    try:
                        check(desc.__get__(v, t), depth + 1)
                    except AttributeError:
                        pass

    def untouched():
        # The unittest machinery the outcome depends on, as the tests found it: a solution that
        # patches TestCase.assertEqual or TestResult.wasSuccessful during a call is caught at the
        # next call's value (patches made while loading are undone before the tests run).
        if case_dict.get('_ShouldStop', missing) is not stop:
            raise _FakeValue('the solution patched unittest.case._ShouldStop: not allowed in tests')
        for f, dflt, kw in defaults:
            if f.__defaults__ is not dflt or f.__kwdefaults__ is not kw:
                raise _FakeValue('the solution changed the defaults of unittest\'s ' + f.__qualname__ + ': not allowed in tests')
        for c, saved in judged:
            d = c.__dict__
            for k, f in saved.items():
                if d.get(k, missing) is not f and not by_tests(c, k):
                    raise _FakeValue('the solution patched ' + c.__name__ + '.' + k + ': not allowed in tests')
            if len(d) > len(saved):
                # A new method that shadows a base class's (Result.addFailure over TestResult's);
                # new data attributes (setUpClass's cls.data) are the tests' own.
                for k in list(d.keys()):
                    if k not in saved and callable(d[k]) and any(k in b.__dict__ for b in c.__mro__[1:]):
                        raise _FakeValue('the solution patched ' + c.__name__ + '.' + k + ': not allowed in tests')

    def watch(classes):
        # Their code only: data attributes are the tests' to reassign (setUpClass's cls.data).
        for c in classes:
            judged.append((c, {k: f for k, f in c.__dict__.items() if callable(f) or isinstance(f, (staticmethod, classmethod, property))}))
            if c.__dict__.get('__module__') == '__tests__':
                tests_classes.add(id(c))

    def value(v):
        untouched()
        environment()
        reset()
        check(v, 0)
        if type(v) is generator and v.gi_code is not guarded_code:
            return guarded(v, item)
        return v

    skip_type = getattr(case, 'SkipTest', None) if case is not None else None

    def raised(e):
        # An exception out of a call of the solution's: a skip is the solution's, not the tests'
        # (it passed where the tests skip something themselves); its arguments and attributes are
        # values the tests may compare.
        # (raised from None: a failure with the solution's exception as its context made
        # unittest's formatting walk that traceback's frames, which the audit hook refuses)
        try:
            untouched()
            environment()
            if skip_type is not None and isinstance(e, skip_type):
                raise _FakeValue('the solution raised unittest.SkipTest: not allowed in tests')
            reset()
            check(e.args, 0)
            check(e, 0)
        except _FakeValue as bad:
            raise _FakeValue(str(bad)) from None

    if hooks is not None:
        hooks['raised'] = raised

    def item(v):
        # A generator resumes solution code: what it changed is checked before its item is.
        untouched()
        environment()
        reset()
        check(v, 0)
    operand, records = _make_operand_guards(check, reset, mock_mod, mro_of)
    return value, untouched, watch, operand, records


`;
