/**
 * Python source of the sandbox zygote, part integrity: in inline mode (tests that share the
 * solution's process), what the tests judge with must stay as the tests left it.
 *
 * A call into the solution could rebind what the tests use next to judge its result:
 * `os.path.exists = lambda p: True` before `assertTrue(os.path.exists(path))`, a numpy testing
 * function, or a name in the tests' own namespace reached through a passed lambda's `__globals__`
 * (CPython 3.11 raises no audit event for that read). After every call the tests make, the value
 * guard runs `check()`, which compares with the state the tests' module left:
 * - the tests' namespace and its built-ins, binding by binding (names the tests declare `global`
 *   may change);
 * - every attribute path the tests name (`os.path.exists`: os's `path`, then posixpath's
 *   `exists`), looked up statically (no descriptor or `__getattr__` runs);
 * - the functions and classes in the namespaces of the modules that define what those paths and
 *   the tests' bindings reach (numpy.testing's `assert_array_equal` calls `assert_array_compare`
 *   from its own module), and the functions in those classes' own dicts.
 * A change made by a patch the tests themselves created (`unittest.mock.patch`, `.object`,
 * `.multiple`; seen at creation through the callee guard) is the tests' and is accepted while that
 * patch is active. Data (counters, caches such as `tempfile.tempdir`) may change.
 * What stays trusted: modules deeper than these, and solution code that runs outside any call of
 * the tests (a thread, a finalizer) and undoes its patch before the next check.
 */
export const INTEGRITY_SOURCE = String.raw`# ---- inline mode: what the tests judge with stays as the tests left it ----
import operator

# What counts as code in a namespace (a module bound in one may change: matplotlib rebinds its
# backend module lazily; the paths the tests name are compared strictly, modules included).
_CODE_TYPES = (types.FunctionType, types.BuiltinFunctionType, type, staticmethod, classmethod, property,
               types.MethodType)


def _attr_paths(tree):
    # Dotted paths the tests load, as tuples of names: np.testing.assert_array_equal.
    paths = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            parts = []
            n = node
            while isinstance(n, ast.Attribute):
                parts.append(n.attr)
                n = n.value
            if isinstance(n, ast.Name):
                parts.append(n.id)
                paths.add(tuple(reversed(parts)))
    return sorted(paths)


def _declared_global(tree):
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            out.update(node.names)
    return out


_MRO = type.__dict__['__mro__'].__get__
_TYPE_DICT = type.__dict__['__dict__'].__get__


def _static_get(obj, name):
    # (container, value) without running any code of obj's: a module's namespace, or the first class
    # of a class's MRO that defines the name; None for anything else.
    if isinstance(obj, types.ModuleType):
        d = object.__getattribute__(obj, '__dict__')
        v = d.get(name, _MISSING)
        return None if v is _MISSING else (obj, v)
    if isinstance(obj, type):
        for c in _MRO(obj):
            d = _TYPE_DICT(c)
            if name in d:
                return (c, d[name])
    return None


def _home_space(v):
    # The namespace where a function or class looks up the names it calls.
    if type(v) is types.FunctionType:
        return v.__globals__
    if isinstance(v, (type, types.BuiltinFunctionType)):
        m = sys.modules.get(getattr(v, '__module__', None) or '')
        return vars(m) if isinstance(m, types.ModuleType) else None
    if isinstance(v, types.ModuleType):
        return object.__getattribute__(v, '__dict__')
    return None


def _is_code(k, v):
    # A module bound under a public name counts as code too (posixpath.os swapped for a fake made
    # os.path.isabs say yes); under a private one it may change (matplotlib's _backend_mod).
    return isinstance(v, _CODE_TYPES) or (type(k) is str and not k.startswith('_') and isinstance(v, types.ModuleType))


def _code_entries(owner, d):
    # [owner, namespace, its keys and values in order, the keys holding code, the module's type,
    # every key seen]: compared in order on the fast path (one pass over the values, no lookups).
    keys = list(d.keys())
    vals = [d[k] for k in keys]
    code = {k: v for k, v in zip(keys, vals) if _is_code(k, v)}
    return [owner, d, keys, vals, code, type(owner) if isinstance(owner, types.ModuleType) else None, set(keys)]


def _space_owner(d):
    # The module whose namespace d is (a patch names its target module), else None.
    m = sys.modules.get(d.get('__name__', '') if type(d) is dict else '')
    return m if isinstance(m, types.ModuleType) and object.__getattribute__(m, '__dict__') is d else None


# Names whose rebinding is a library's own business, not a judge's: logging.captureWarnings(True)
# rebinds warnings.showwarning, logging.setLoggerClass the logger class.
_REBOUND_OK = frozenset((('warnings', 'showwarning'), ('warnings', '_showwarnmsg_impl'), ('warnings', '_showwarnmsg'),
                         ('logging', '_loggerClass'), ('logging', '_logRecordFactory')))


def _make_integrity(tree, tests_objects, hooks):
    # (see, callee, baseline, check). see(v): every value a call of the tests returns; callee(f): every
    # function the tests call, before the call; baseline(tg): once the tests' module has run;
    # check(): after each call of the tests, and at the end. tests_objects: id -> object the tests
    # made (their own mocks, which the value guard then lets through).
    is_ = operator.is_
    missing = _MISSING
    code_types = _CODE_TYPES
    mock = sys.modules.get('unittest.mock')
    factories = ()
    patch_type = None
    mock_makers = ()
    mock_base = None
    if mock is not None:
        patch_type = mock._patch
        factories = (mock.patch, mock.patch.object, mock.patch.multiple)
        mock_makers = tuple(getattr(mock, n) for n in ('Mock', 'MagicMock', 'NonCallableMock', 'NonCallableMagicMock', 'AsyncMock',
                                                        'PropertyMock', 'mock_open', 'create_autospec') if hasattr(mock, n))
        mock_base = mock.NonCallableMock
    patches = []  # (patch, attribute, getter) of the patches the tests created
    paths = _attr_paths(tree)
    declared = _declared_global(tree)
    builtin_names = frozenset(vars(builtins))
    rebound_ok = _REBOUND_OK
    # Classes that exist before the solution runs (this is called then), kept alive by the list.
    classes_kept = _all_classes()
    classes_before = frozenset(map(id, classes_kept))
    state = {}

    def register(p):
        if type(p) is patch_type:
            for q in [p] + list(getattr(p, 'additional_patchers', ())):
                if type(q) is patch_type:
                    patches.append((q, q.attribute, q.getter))
        return p

    def is_mock(v):
        return mock_base is not None and mock_base in type.__dict__['__mro__'].__get__(type(v))

    def patched_in(v):
        # Whether v is what an active patch of the tests put in place (the mock @patch passes).
        for p, attribute, getter in patches:
            d = p.__dict__
            if 'temp_original' in d and p.attribute == attribute and p.getter is getter:
                target = d.get('target')
                got = _static_get(target, attribute) if target is not None else None
                if got is not None and got[1] is v:
                    return True
        return False

    def tests_mock(v):
        # A mock the tests made or an active patch of theirs put in place, or one made by such a
        # mock (a child, a return value: what smtplib.SMTP(...) returns under @patch).
        for _ in range(100):
            if not is_mock(v):
                return False
            if tests_objects.get(id(v)) is v or patched_in(v):
                return True
            d = object.__getattribute__(v, '__dict__')
            v = d.get('_mock_new_parent') or d.get('_mock_parent')
            if v is None:
                return False
        return False

    def own(r):
        if mock is not None and str(getattr(type(r), '__module__', '')) == 'unittest.mock':
            tests_objects[id(r)] = r
        return r

    def machinery(f):
        # What the tests call that makes mock objects for them: mock.call and its attributes
        # (call(1), call.connect()), a patch's start(), their own mocks.
        if mock is None:
            return False
        if f is mock.call or type(f) is mock._Call:
            return True
        owner = getattr(f, '__self__', None) if type(f) is types.MethodType else None
        if owner is not None and type(owner) is patch_type and any(owner is p for p, _, _ in patches):
            return True
        return is_mock(f) and tests_mock(f)

    def callee(f):
        # A patch factory the tests call: its patch is registered as the tests' own. A mock the tests
        # make (MagicMock(), mock_open()), or one their mocks return, is theirs too.
        for g in factories:
            if f is g:
                return lambda *a, **k: register(f(*a, **k))
        for g in mock_makers:
            if f is g:
                return lambda *a, **k: own(f(*a, **k))
        if machinery(f):
            return lambda *a, **k: own(f(*a, **k))
        # The solution's own function: what it raises is checked like what it returns (an
        # always-equal object in e.args, or a SkipTest, passed the tests' except clauses).
        fn = f.__func__ if type(f) is types.MethodType else f
        if type(fn) is types.FunctionType and fn.__code__.co_filename == '<solution>':
            def solution_call(*a, **k):
                try:
                    return f(*a, **k)
                except BaseException as e:
                    check = hooks.get('raised')
                    if check is not None:
                        check(e)
                    raise
            return solution_call
        return f

    def by_tests(container, name):
        for p, attribute, getter in patches:
            d = p.__dict__
            if ('temp_original' in d and d.get('target') is container and p.attribute == attribute == name
                    and p.getter is getter):
                return True
        return False

    def resolve(tg):
        steps = []
        for path in paths:
            obj = tg.get(path[0], missing)
            for name in path[1:]:
                if not isinstance(obj, (types.ModuleType, type)):
                    break
                got = _static_get(obj, name)
                if got is None:
                    break
                steps.append((obj, name, got[0], got[1]))
                obj = got[1]
        return steps

    def baseline(tg, solution):
        # solution: the solution's globals (its own namespace and classes are its to change).
        steps = resolve(tg)
        spaces = {id(tg): None, id(solution): None}
        sol_name = solution.get('__name__')

        def add(owner, d):
            if d is not None and id(d) not in spaces:
                spaces[id(d)] = _code_entries(owner, d)

        def own_class(c):
            return c.__flags__ & (1 << 9) and getattr(c, '__module__', None) not in ('__tests__', sol_name)

        # The class decorator @patch(...) copies its patch for each test method: the copies (in each
        # method's patchings) are the tests' as well.
        for c in list(tg.values()):
            if isinstance(c, type) and c.__module__ == '__tests__':
                for f in list(vars(c).values()):
                    for p in list(getattr(f, 'patchings', None) or ()) if type(f) is types.FunctionType else ():
                        register(p)
        # What unittest itself judges with: the real built-ins (assertAlmostEqual calls round) and
        # the modules unittest.case and unittest.util call into (collections, difflib, pprint, re).
        extra = [builtins]
        for name in ('unittest.case', 'unittest.util'):
            m = sys.modules.get(name)
            if isinstance(m, types.ModuleType):
                extra.append(m)
                extra.extend(x for x in list(vars(m).values()) if isinstance(x, types.ModuleType))
        for v in list(tg.values()) + [s[3] for s in steps] + [s[2] for s in steps] + extra:
            if type(v) is types.FunctionType and v.__code__.co_filename in ('<solution>', '<tests>'):
                continue
            d = _home_space(v)
            if d is not None and id(d) not in spaces:
                add(_space_owner(d), d)
                if type(d) is dict:
                    for c in list(d.values()):
                        if isinstance(c, type) and own_class(c):
                            add(c, _TYPE_DICT(c))
            if isinstance(v, type) and own_class(v):
                add(v, _TYPE_DICT(v))
        state['tg'] = tg
        state['names'] = dict(tg)
        b = tg['__builtins__']
        state['builtins'] = (b, list(b.keys()), list(b.values()))
        state['steps'] = [st for st in steps if not isinstance(st[0], types.ModuleType)]
        state['module_steps'] = [(object.__getattribute__(st[0], '__dict__'), st[1], st[3], st[0]) for st in steps if isinstance(st[0], types.ModuleType)]
        state['spaces'] = [e for e in spaces.values() if e is not None]

    def changed(what):
        raise _FakeValue('the solution changed ' + what + ', which the tests use: not allowed in tests')

    def check():
        if not state:
            return
        tg = state['tg']
        names = state['names']
        if len(tg) != len(names) or not all(map(is_, tg.values(), names.values())):
            for k in set(tg) | set(names):
                if k not in declared and tg.get(k, missing) is not names.get(k, missing):
                    changed("the tests' name " + str(k))
            state['names'] = dict(tg)
        b, bkeys, bvals = state['builtins']
        if len(b) != len(bkeys) or not all(map(is_, b.values(), bvals)):
            changed("the tests' built-ins")
        for d, name, v, owner in state['module_steps']:
            if d.get(name, missing) is not v and not by_tests(owner, name):
                changed(str(getattr(owner, '__name__', '?')) + '.' + str(name))
        for owner, name, container, v in state['steps']:
            got = _static_get(owner, name)
            if got is None or got[1] is not v:
                if got is None or not by_tests(got[0], name):
                    changed(str(getattr(owner, '__name__', '?')) + '.' + str(name))
        for e in state['spaces']:
            owner, d, keys, vals, code, kind, known = e
            if kind is not None and type(owner) is not kind:
                # a module's class swapped for one whose properties answer before its namespace
                changed(str(getattr(owner, '__name__', '?')) + "'s module type")
            if len(d) == len(vals) and all(map(is_, d.values(), vals)):
                continue
            label = str(getattr(owner, '__name__', None) or d.get('__name__', '?'))
            mod = label if isinstance(owner, types.ModuleType) else ''
            for k, v in zip(keys, vals):
                nv = d.get(k, missing)
                if nv is v or by_tests(owner, k):
                    continue
                if k in code:
                    # against the code as the tests left it (a patch of theirs, once undone, is that again)
                    if nv is not code[k] and (mod, k) not in rebound_ok:
                        changed(label + '.' + str(k))
                elif nv is not missing and id(type(nv)) not in classes_before:
                    # Data may change (caches, counters, tempfile.tempdir), but not into an object of a
                    # class that did not exist before the solution ran (re._cache swapped for a dict
                    # whose misses answer 'match').
                    changed(label + '.' + str(k))
            # A new binding that shadows a built-in the module's functions call (anything callable:
            # an instance with __call__ served as round()).
            for k in list(d.keys()):
                if k not in known:
                    if k in builtin_names and callable(d.get(k)) and not by_tests(owner, k):
                        changed(label + '.' + str(k))
                    known.add(k)
            for k in list(d.keys()):
                if k not in code and _is_code(k, d[k]) and k not in keys:
                    code[k] = d[k]  # code that appeared since (a lazy import): watched from now on
            e[2] = list(d.keys())
            e[3] = [code[k] if k in code else d[k] for k in e[2]]

    return register, callee, baseline, check, tests_mock, by_tests

`;
