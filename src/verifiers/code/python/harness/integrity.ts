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


def _code_entries(owner, d):
    keys = [k for k, v in list(d.items()) if isinstance(v, _CODE_TYPES)]
    return [owner, d, keys, [d[k] for k in keys], len(d)]


def _space_owner(d):
    # The module whose namespace d is (a patch names its target module), else None.
    m = sys.modules.get(d.get('__name__', '') if type(d) is dict else '')
    return m if isinstance(m, types.ModuleType) and object.__getattribute__(m, '__dict__') is d else None


def _make_integrity(tree):
    # (see, callee, baseline, check). see(v): every value a call of the tests returns; callee(f): every
    # function the tests call, before the call; baseline(tg): once the tests' module has run;
    # check(): after each call of the tests, and at the end.
    is_ = operator.is_
    missing = _MISSING
    code_types = _CODE_TYPES
    mock = sys.modules.get('unittest.mock')
    factories = ()
    patch_type = None
    if mock is not None:
        patch_type = mock._patch
        factories = (mock.patch, mock.patch.object, mock.patch.multiple)
    patches = []  # (patch, attribute, getter) of the patches the tests created
    paths = _attr_paths(tree)
    declared = _declared_global(tree)
    builtin_names = frozenset(vars(builtins))
    state = {}

    def register(p):
        if type(p) is patch_type:
            for q in [p] + list(getattr(p, 'additional_patchers', ())):
                if type(q) is patch_type:
                    patches.append((q, q.attribute, q.getter))
        return p

    def callee(f):
        # A patch factory the tests call: its patch is registered as the tests' own.
        for g in factories:
            if f is g:
                return lambda *a, **k: register(f(*a, **k))
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

        for v in list(tg.values()) + [s[3] for s in steps] + [s[2] for s in steps]:
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
        state['steps'] = steps
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
        for owner, name, container, v in state['steps']:
            got = _static_get(owner, name)
            if got is None or got[1] is not v:
                if got is None or not by_tests(got[0], name):
                    changed(str(getattr(owner, '__name__', '?')) + '.' + str(name))
        for e in state['spaces']:
            owner, d, ks, vs, size = e
            if len(d) == size and all(map(is_, map(d.get, ks), vs)):
                continue
            label = str(getattr(owner, '__name__', None) or d.get('__name__', '?'))
            for k, v in zip(ks, vs):
                if d.get(k, missing) is not v and not by_tests(owner, k):
                    changed(label + '.' + str(k))
            # A new binding that shadows a built-in the module's functions call.
            for k in list(d.keys()):
                if k in builtin_names and k not in ks and isinstance(d.get(k), code_types) and not by_tests(owner, k):
                    changed(label + '.' + str(k))
            e[4] = len(d)

    return register, callee, baseline, check

`;
