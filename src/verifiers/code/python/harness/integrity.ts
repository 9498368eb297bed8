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
 * - the tests' own mocks (those they make, those their mocks return, those their patches put in
 *   place) and their children (check_mocks / mock_ok): the solution may call them, which is how
 *   they record calls, but not change their machinery: no unittest.mock method or record property
 *   set on the mock or on its per-instance class (assert_called_once_with = lambda ...), the
 *   counters consistent with the records (call_count == len(call_args_list), called, call_args),
 *   the records only growing (no reset_mock, no clear), no child, delegate, return value (once
 *   made) or wrapped object swapped. The tests' own calls of their mocks' mutators (reset_mock,
 *   configure_mock, a record's clear) and what they assign (m.return_value = ..., named in their
 *   code) are theirs; before each call of the solution the snapshot catches up with them.
 * - the tests' functions' defaults, keyword defaults and closure cells (watch_fn: a helper's
 *   tol=1e-9, check()'s k captured by a passed lambda), those of the reference prompt's helpers,
 *   and what a passed function captures; a cell whose variable the tests rebind themselves (a loop
 *   variable, one bound twice, nonlocal) may change.
 * - the instances of the tests' classes reached so (watch_obj): a TestCase's attributes change
 *   only by the tests' own assignments (self.expected = ..., seen before each of their calls),
 *   setattr, addTypeEqualityFunc or subTest; an object of another class of theirs may get data
 *   from the solution, not a method shadowed.
 * The baseline is taken again after each top-level statement of the tests (children part), so all
 * of this already holds while a module-level check(candidate) runs.
 * What stays trusted: modules deeper than these, and solution code that runs outside any call of
 * the tests (a thread, a finalizer) and undoes its patch before the next check; a change made by
 * solution code that a call of the tests ran without going through the solution's function (a
 * mock's side effect, a key function) and that raised is taken as the tests' at their next call.
 * Replacing a record's item other than its first goes unseen (the solution could as well have
 * made that call), and a child the solution makes of a tests' mock and resets within one call is
 * first seen after it (its machinery and counters are still checked).
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


def _tests_stores(tree):
    # (attribute names the tests assign or delete anywhere: self.expected = ..., m.return_value = ...;
    # variable names the tests may rebind after a closure captured them: bound twice, in a loop, by
    # a for / with / except target, augmented, or declared nonlocal). What the tests themselves change
    # between their calls; anything else a closure or TestCase instance of theirs holds is judged state.
    attrs, names, counts = set(), set(), {}
    loops = (ast.For, ast.AsyncFor, ast.While, ast.comprehension)

    stack = [(tree, False)]
    while stack:
        node, in_loop = stack.pop()
        if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load):
            attrs.add(node.attr)
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            counts[node.id] = counts.get(node.id, 0) + (2 if in_loop else 1)
        elif isinstance(node, ast.Nonlocal):
            names.update(node.names)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        inner = in_loop or isinstance(node, loops)
        stack.extend((c, inner) for c in ast.iter_child_nodes(node))
    names.update(n for n, c in counts.items() if c > 1)
    return frozenset(attrs), frozenset(names)


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
    loaded = frozenset(n.id for n in ast.walk(tree) if isinstance(n, ast.Name))
    strict_dunders = ('__builtins__', '__name__', '__package__', '__spec__', '__loader__', '__path__', '__file__')

    builtin_names = frozenset(vars(builtins))
    rebound_ok = _REBOUND_OK
    # Classes that exist before the solution runs (this is called then), kept alive by the list.
    classes_kept = _all_classes()
    classes_before = frozenset(map(id, classes_kept))
    state = {}
    stored_attrs, rebindable = _tests_stores(tree)
    code_ok = _CODE_OK
    ident = _thread_ident
    obj_dict = object.__getattribute__
    ut = sys.modules.get('unittest')
    testcase = getattr(ut, 'TestCase', None) if ut is not None else None
    subtest_type = getattr(sys.modules.get('unittest.case'), '_SubTest', None)
    # The tests' functions whose defaults, keyword defaults or closure cells hold what they judge
    # with (a helper's tol=1e-9, check()'s k captured by a lambda the tests pass, self captured by
    # one): id -> [function, defaults, kwdefaults, their items, cells, their contents].
    fn_watch = {}
    # Instances of the tests' classes (a TestCase whose assertEqual a solution shadowed on the
    # instance): id -> [object, its __dict__, keys, values, whether a TestCase, _type_equality_funcs
    # items].
    obj_watch = {}
    # unittest.mock's machinery: what a mock's instance dict, or its own per-instance class, must
    # not gain (assert_* methods, the call records' properties, __call__).
    machinery_names = frozenset()
    magics = frozenset()
    call_list_type = None
    default = None
    if mock is not None:
        names = set()
        mixins = [getattr(mock, n, None) for n in ('CallableMixin', 'MagicMixin', 'AsyncMockMixin', 'AsyncMagicMixin')]
        for c in list(vars(mock).values()):
            # (by identity: mock.ANY equals everything)
            if isinstance(c, type) and (mock_base in _MRO(c) or any(c is x for x in mixins)):
                names.update(k for k in _TYPE_DICT(c) if not k.startswith('__'))
        names.difference_update(('_mock_return_value', '_mock_side_effect', '_lock'))
        names.update(('__call__', '__getattr__', '__getattribute__', '__setattr__', '__delattr__', '__class__', '__dir__'))
        machinery_names = frozenset(names)
        magics = frozenset(getattr(mock, '_all_magics', ()))
        call_list_type = getattr(mock, '_CallList', None)
        default = getattr(mock, 'DEFAULT', None)
    setattr_, delattr_ = builtins.setattr, builtins.delattr
    mock_roots = {}   # id -> a mock of the tests' (made by them, or put in place by a patch of theirs)
    mock_state = {}   # id -> what check() compares a mock of the tests' with (see mock_snapshot)
    resync = [False]  # the tests called a method of a mock of theirs (reset_mock): their records are new
    mock_mutators = frozenset(('reset_mock', 'configure_mock', 'attach_mock', 'mock_add_spec', '_mock_add_spec'))
    tests_lists = {}  # id -> a call record the tests edited themselves
    deleted = getattr(mock, '_deleted', None) if mock is not None else None

    def watch_obj(s):
        # An instance of a class the tests wrote (a TestCase's self, reached through a lambda's cell).
        if id(s) in obj_watch:
            return
        t = type(s)
        if _TYPE_DICT(t).get('__module__') != '__tests__' and not any(_TYPE_DICT(c).get('__module__') == '__tests__' for c in _MRO(t)):
            return
        try:
            d = obj_dict(s, '__dict__')
        except (AttributeError, TypeError):
            return
        if type(d) is not dict:
            return
        is_case = testcase is not None and testcase in _MRO(t)
        tef = d.get('_type_equality_funcs')
        obj_watch[id(s)] = [s, d, list(d.keys()), list(d.values()), is_case, tef, list(tef.values()) if type(tef) is dict else None]

    def watch_fn(f, depth=0):
        if depth > 20:
            return
        if type(f) is types.MethodType:
            watch_obj(f.__self__)
            f = f.__func__
        tg = state.get('tg')
        if type(f) is not types.FunctionType or id(f) in fn_watch or tg is None or (
                f.__globals__ is not tg and id(f.__globals__) not in state.get('prompt_spaces', ())):
            return
        cells = f.__closure__ or ()
        defaults = f.__defaults__
        kw = f.__kwdefaults__
        if not cells and defaults is None and kw is None:
            return
        code_ok[0] = ident()
        try:
            free = f.__code__.co_freevars
        finally:
            code_ok[0] = 0
        strict = [c for c, n in zip(cells, free) if n not in rebindable]
        contents = [cell_value(c) for c in strict]
        fn_watch[id(f)] = [f, defaults, kw, list(kw.items()) if type(kw) is dict else None, strict, contents]
        for v in contents + list(defaults or ()):
            if type(v) is types.FunctionType or type(v) is types.MethodType:
                watch_fn(v, depth + 1)
            elif v is not missing and not isinstance(v, (int, float, str, bytes, tuple, list, dict, type(None))):
                watch_obj(v)

    def cell_value(c):
        try:
            return c.cell_contents
        except ValueError:
            return missing

    def note_args(args, kw):
        # What the tests hand the solution: their functions (and what those capture) are watched
        # from now on.
        for a in list(args) + list(kw.values()):
            t = type(a)
            if t is types.FunctionType or t is types.MethodType:
                watch_fn(a)
            elif t is list or t is tuple:
                for x in a[:50]:
                    if type(x) is types.FunctionType or type(x) is types.MethodType:
                        watch_fn(x)
            elif t is dict:
                for x in list(a.values())[:50]:
                    if type(x) is types.FunctionType or type(x) is types.MethodType:
                        watch_fn(x)
            elif t is not int and t is not str and t is not float and not is_mock(a):
                watch_obj(a)

    def check_fns():
        for e in fn_watch.values():
            f, defaults, kw, kw_items, strict, contents = e
            if f.__defaults__ is not defaults:
                changed('the defaults of the tests\' function ' + str(f.__name__))
            k = f.__kwdefaults__
            if k is not kw or (kw_items is not None and (len(k) != len(kw_items) or not all(k.get(n, missing) is v for n, v in kw_items))):
                changed('the keyword defaults of the tests\' function ' + str(f.__name__))
            for i, c in enumerate(strict):
                v = cell_value(c)
                if v is not contents[i]:
                    if contents[i] is missing:
                        contents[i] = v  # assigned after the closure was made (a function defined later)
                    else:
                        changed('a variable the tests\' function ' + str(f.__name__) + ' captured')

    def refresh_objs():
        # Before each call of the tests: what they assigned themselves since (self.expected = ...) is theirs.
        for e in obj_watch.values():
            d = e[1]
            e[2] = list(d.keys())
            e[3] = list(d.values())

    def check_objs():
        done = []
        for key, e in obj_watch.items():
            s, d, keys, vals, is_case, tef, tef_items = e
            if is_case and d.get('_outcome', 0) is None:
                done.append(key)  # its test has ended
                continue
            if len(d) != len(keys) or not all(map(is_, d.values(), vals)):
                old = dict(zip(keys, vals))
                for k in list(d.keys()):
                    v = d[k]
                    if old.get(k, missing) is v or by_tests(s, k):
                        continue
                    if is_case:
                        if k == '_subtest' and (v is None or type(v) is subtest_type):
                            continue
                        changed("the tests' TestCase attribute " + str(k))
                    else:
                        # an object of a class of theirs: its data is the solution's to set, not what
                        # shadows the class's methods
                        got = _static_get(type(s), k)
                        if got is not None and (callable(got[1]) or isinstance(got[1], (property, staticmethod, classmethod))):
                            changed("a method of the tests' object: " + str(k))
                if is_case:
                    for k in keys:
                        if k not in d and k not in stored_attrs:
                            changed("the tests' TestCase attribute " + str(k))
                e[2] = list(d.keys())
                e[3] = list(d.values())
            if tef_items is not None:
                cur = d.get('_type_equality_funcs')
                if cur is not tef or len(cur) != len(tef_items) or not all(map(is_, cur.values(), tef_items)):
                    changed("the tests' TestCase type-equality functions")
        for key in done:
            del obj_watch[key]

    def record_of(lst):
        # (the list, its length, its first item): a call record may only grow, the same list.
        if type(lst) is call_list_type:
            return lst, len(lst), lst[0] if lst else None
        return lst, 0, None

    def mock_snapshot(m, d):
        t = type(m)
        ch = d.get('_mock_children')
        return (m, t, len(_TYPE_DICT(t)), len(d), list(d.values()),
                record_of(d.get('_mock_call_args_list')), record_of(d.get('_mock_mock_calls')), record_of(d.get('method_calls')),
                ch, list(ch.values()) if type(ch) is dict else None,
                d.get('_mock_delegate'), d.get('_mock_return_value'), d.get('_mock_wraps'))

    def grew(old, new_list):
        lst, n, first = old
        if new_list is not lst:
            return False
        return type(lst) is not call_list_type or (len(lst) >= n and (n == 0 or lst[0] is first))

    def mock_ok(m, d, old, sync):
        # None, or what the solution changed in a mock of the tests': the mock machinery (assert_*
        # methods, the call records) changes only through real calls.
        t = type(m)
        td = _TYPE_DICT(t)
        if old is not None:
            if t is not old[1]:
                return 'its class'
            if (len(d) == old[3] and len(td) == old[2] and all(map(is_, d.values(), old[4]))
                    and len(d.get('_mock_call_args_list') or ()) == old[5][1] and len(d.get('_mock_mock_calls') or ()) == old[6][1]
                    and len(d.get('method_calls') or ()) == old[7][1]
                    and (old[9] is None or (len(old[8]) == len(old[9]) and all(map(is_, old[8].values(), old[9]))))):
                return False  # nothing was called or set since
        if not machinery_names.isdisjoint(d):
            return 'a method of unittest.mock set on the mock'
        if old is None or len(td) != old[2]:
            # its own class (one per mock) holds the magic methods the tests configure, nothing else
            for k in td:
                if k in machinery_names or not (type(k) is str and k.startswith('__') and k.endswith('__')):
                    return 'its class attribute ' + str(k)
        if d.get('_mock_delegate') is None:
            cl = d.get('_mock_call_args_list')
            if type(cl) is call_list_type and tests_lists.get(id(cl)) is not cl:
                n = d.get('_mock_call_count')
                if 'call_count' not in stored_attrs and (type(n) is not int or n != len(cl)):
                    return 'its call_count'
                if 'called' not in stored_attrs and d.get('_mock_called') is not (len(cl) > 0):
                    return 'its called'
                if 'call_args' not in stored_attrs and d.get('_mock_call_args') is not (cl[-1] if cl else None):
                    return 'its call_args'
        if old is None or sync:
            return None
        if not grew(old[5], d.get('_mock_call_args_list')) and 'call_args_list' not in stored_attrs:
            return 'its call_args_list'
        if not grew(old[6], d.get('_mock_mock_calls')) and 'mock_calls' not in stored_attrs:
            return 'its mock_calls'
        if not grew(old[7], d.get('method_calls')) and 'method_calls' not in stored_attrs:
            return 'its method_calls'
        ch = d.get('_mock_children')
        kids = old[9]
        if ch is not old[8] or (kids is not None and (len(ch) < len(kids) or not all(map(is_, list(ch.values())[:len(kids)], kids)))):
            return 'its children'
        if d.get('_mock_delegate') is not old[10]:
            return 'its delegate'
        if d.get('_mock_return_value') is not old[11] and old[11] is not default and 'return_value' not in stored_attrs:
            return 'its return_value'
        if d.get('_mock_wraps') is not old[12]:
            return 'what it wraps'
        return None

    def check_mocks():
        sync = resync[0]
        resync[0] = False
        for p, attribute, getter in patches:
            pd = p.__dict__
            if 'temp_original' in pd:
                target = pd.get('target')
                got = _static_get(target, attribute) if target is not None else None
                if got is not None and is_mock(got[1]):
                    mock_roots[id(got[1])] = got[1]
        if not mock_roots:
            return
        seen = set()
        stack = list(mock_roots.values())
        budget = 5000
        while stack and budget > 0:
            m = stack.pop()
            if id(m) in seen:
                continue
            seen.add(id(m))
            budget -= 1
            old = mock_state.get(id(m))
            if old is not None and old[0] is not m:
                old = None
            d = obj_dict(m, '__dict__')
            bad = mock_ok(m, d, old, sync)
            if bad is not False:
                if bad is not None:
                    changed("a mock of the tests' (" + bad + ')')
                mock_state[id(m)] = mock_snapshot(m, d)
            ch = d.get('_mock_children')
            if type(ch) is dict:
                for c in ch.values():
                    if c is not deleted and is_mock(c):
                        stack.append(c)
            rv = d.get('_mock_return_value')
            if rv is not default and is_mock(rv):
                stack.append(rv)

    def theirs_set(f):
        def call(*a, **k):
            try:
                return f(*a, **k)
            finally:
                refresh_objs()
        return call

    def theirs_added(f, e):
        # The tests' own addTypeEqualityFunc: the TestCase's new type-equality functions are theirs.
        def call(*a, **k):
            try:
                return f(*a, **k)
            finally:
                tef = e[1].get('_type_equality_funcs')
                e[5] = tef
                e[6] = list(tef.values()) if type(tef) is dict else None
        return call

    def theirs_called(f):
        # A method of a mock of the tests' that they call themselves (reset_mock, configure_mock):
        # what it changes in their records is theirs.
        def call(*a, **k):
            try:
                return f(*a, **k)
            finally:
                resync[0] = True
        return call

    def register(p):
        if type(p) is patch_type:
            for q in [p] + list(getattr(p, 'additional_patchers', ())):
                if type(q) is patch_type and not any(q is x for x, _, _ in patches):
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
            if is_mock(r):
                mock_roots[id(r)] = r
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
        if obj_watch:
            refresh_objs()
            if f is setattr_ or f is delattr_ or (type(f) is types.BuiltinMethodType and type(f.__self__) is dict
                                                 and any(f.__self__ is e[1] for e in obj_watch.values())):
                # the tests set attributes of their own objects (setattr(self, k, v) in setUp)
                return theirs_set(f)
        if type(f) is types.MethodType:
            owner = f.__self__
            if id(owner) not in obj_watch:
                watch_obj(owner)
            if is_mock(owner) and f.__name__ in mock_mutators:
                return theirs_called(f)
            if id(owner) in obj_watch and f.__name__ == 'addTypeEqualityFunc':
                return theirs_added(f, obj_watch[id(owner)])
        elif mock is not None and type(f) is types.BuiltinMethodType and type(getattr(f, '__self__', None)) is call_list_type:
            # the tests edit a call record themselves: its mock's counters no longer follow it
            tests_lists[id(f.__self__)] = f.__self__
            return theirs_called(f)
        # The solution's own function: what it raises is checked like what it returns (an
        # always-equal object in e.args, or a SkipTest, passed the tests' except clauses).
        fn = f.__func__ if type(f) is types.MethodType else f
        if type(fn) is types.FunctionType and fn.__code__.co_filename == '<solution>':
            def solution_call(*a, **k):
                note_args(a, k)
                if mock_roots:
                    # what the tests did to their mocks since (a child made, a record cleared) is theirs
                    resync[0] = True
                    check_mocks()
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

    def baseline(tg, solution, rebase=False):
        # solution: the solution's globals (its own namespace and classes are its to change).
        # rebase: after a top-level statement of the tests (what it bound is theirs); the whole
        # baseline is taken again only when the statement bound a new name.
        if rebase and state and state.get('keys') == list(tg.keys()):
            state['names'] = dict(tg)
            for v in list(tg.values()):
                if type(v) is types.FunctionType and id(v) not in fn_watch:
                    watch_fn(v)
            return
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
        state['keys'] = list(tg.keys())
        # the namespace of the reference prompt's helpers (children part): theirs are watched too
        code_ok[0] = ident()
        try:
            state['prompt_spaces'] = frozenset(id(v.__globals__) for v in list(tg.values())
                                               if type(v) is types.FunctionType and v.__code__.co_filename == '<prompt>')
        finally:
            code_ok[0] = 0
        # The tests' own functions and methods whose defaults or cells hold what they judge with
        # (a helper's tol=1e-9 reached through a passed function, or through __globals__).
        for v in list(tg.values()):
            if type(v) is types.FunctionType:
                watch_fn(v)
            elif isinstance(v, type) and _TYPE_DICT(v).get('__module__') == '__tests__':
                for f in list(_TYPE_DICT(v).values()):
                    if isinstance(f, (staticmethod, classmethod)):
                        f = f.__func__
                    for _ in range(5):
                        if type(f) is not types.FunctionType:
                            break
                        watch_fn(f)
                        f = getattr(f, '__wrapped__', None)
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
        if fn_watch:
            check_fns()
        if obj_watch:
            check_objs()
        if mock_roots or patches:
            check_mocks()
        tg = state['tg']
        names = state['names']
        if len(tg) != len(names) or not all(map(is_, tg.values(), names.values())):
            for k in set(tg) | set(names):
                # (a name the tests never load is not one they judge with; __name__ (the module of
                # the classes they define) or __builtins__ is, whatever they load)
                if k not in declared and tg.get(k, missing) is not names.get(k, missing) and (
                        k in loaded or k in strict_dunders or type(k) is not str):
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
