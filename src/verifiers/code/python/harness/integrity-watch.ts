/**
 * Python source of the sandbox zygote, part integrity-watch: the tests' functions and objects in
 * inline mode (integrity.ts). `_integrity_watch` makes, once per run of the tests, the functions that
 * watch the defaults, keyword defaults and closure cells of the tests' functions (watch_fn, check_fns:
 * a helper's tol=1e-9, check()'s k captured by a passed lambda) and the instances of the tests'
 * classes (watch_obj, check_objs: a TestCase's attributes, a method shadowed on an object of theirs),
 * and the wrappers that take what the tests change themselves (setattr, addTypeEqualityFunc) as
 * theirs. A factory with its state in closures, not a dict: these run after every call the tests make.
 */
export const INTEGRITY_WATCH_SOURCE = String.raw`# ---- inline mode: the tests' functions and objects ----
def _integrity_watch(state, rebindable, stored_attrs, is_mock, by_tests, changed):
    # The tests' functions and objects, for _make_integrity (one set per run of the tests).
    # state: _make_integrity's baseline ('tg', 'prompt_spaces'); rebindable, stored_attrs: the
    # variable and attribute names the tests rebind themselves (_tests_stores); is_mock, by_tests:
    # from _integrity_mocks; changed(what): raises. Returns
    # (fn_watch, obj_watch, watch_obj, watch_fn, note_args, check_fns, refresh_objs, check_objs,
    #  theirs_set, theirs_added).
    is_ = operator.is_
    missing = _MISSING
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

    return (fn_watch, obj_watch, watch_obj, watch_fn, note_args, check_fns, refresh_objs, check_objs,
            theirs_set, theirs_added)


`;
