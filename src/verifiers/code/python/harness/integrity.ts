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
 *   `exists`), looked up statically (no descriptor or `__getattr__` runs: integrity-paths.ts);
 * - the functions and classes in the namespaces of the modules that define what those paths and
 *   the tests' bindings reach (numpy.testing's `assert_array_equal` calls `assert_array_compare`
 *   from its own module), and the functions in those classes' own dicts.
 * A change made by a patch the tests themselves created (`unittest.mock.patch`, `.object`,
 * `.multiple`; seen at creation through the callee guard) is the tests' and is accepted while that
 * patch is active. Data (counters, caches such as `tempfile.tempdir`) may change.
 * - the tests' own mocks (integrity-mocks.ts: those they make, those their mocks return, those
 *   their patches put in place) and their children (check_mocks / mock_ok): the solution may call
 *   them, which is how they record calls, but not change their machinery: no unittest.mock method
 *   or record property set on the mock or on its per-instance class (assert_called_once_with =
 *   lambda ...), the counters consistent with the records (call_count == len(call_args_list),
 *   called, call_args), the records only growing (no reset_mock, no clear), no child, delegate,
 *   return value (once made) or wrapped object swapped. The tests' own calls of their mocks'
 *   mutators (reset_mock, configure_mock, a record's clear) and what they assign (m.return_value =
 *   ..., named in their code) are theirs; before each call of the solution the snapshot catches up
 *   with them.
 * - the tests' functions' defaults, keyword defaults and closure cells (integrity-watch.ts,
 *   watch_fn: a helper's tol=1e-9, check()'s k captured by a passed lambda), those of the reference
 *   prompt's helpers, and what a passed function captures; a cell whose variable the tests rebind
 *   themselves (a loop variable, one bound twice, nonlocal) may change.
 * - the instances of the tests' classes reached so (integrity-watch.ts, watch_obj): a TestCase's
 *   attributes change only by the tests' own assignments (self.expected = ..., seen before each of
 *   their calls), setattr, addTypeEqualityFunc or subTest; an object of another class of theirs
 *   may get data from the solution, not a method shadowed.
 * This part: `_make_integrity`, which wires those parts together (callee, the baseline, check()).
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
def _make_integrity(tree, tests_objects, hooks):
    # (register, callee, baseline, check, tests_mock, by_tests). register(p): a patch of the tests';
    # callee(f): every function the tests call, before the call; baseline(tg): once the tests' module
    # has run; check(): after each call of the tests, and at the end; tests_mock(v), by_tests(c, name):
    # see integrity-mocks. tests_objects: id -> object the tests made (their own mocks, which the
    # value guard then lets through).
    is_ = operator.is_
    missing = _MISSING
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
    setattr_, delattr_ = builtins.setattr, builtins.delattr

    def changed(what):
        raise _FakeValue('the solution changed ' + what + ', which the tests use: not allowed in tests')

    (mock, factories, mock_makers, call_list_type, mock_mutators, patches, mock_roots, resync,
     tests_lists, register, is_mock, tests_mock, own, machinery, by_tests, check_mocks,
     theirs_called) = _integrity_mocks(tests_objects, stored_attrs, changed)
    (fn_watch, obj_watch, watch_obj, watch_fn, note_args, check_fns, refresh_objs, check_objs,
     theirs_set, theirs_added) = _integrity_watch(state, rebindable, stored_attrs, is_mock, by_tests, changed)

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
