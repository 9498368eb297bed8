/** Python source of the sandbox zygote, part children: What crosses to the host (JSON results), and the three kinds of child process. */
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


def _unittest_outcome(result, source=''):
    """(status, message) of a unittest run: ('ok', None), or its first failure (wrong-answer) or error.
    A run passes only if every test collected ran to its end: a skip (unittest.SkipTest raised by
    the solution, or a subclass of it), an expected failure or an unexpected success fails it,
    unless the tests' own source uses skips (skipTest, @skip, skipIf...) or expectedFailure; a run
    of fewer tests than were collected fails too."""
    if result is None:
        return 'ok', None
    if not result.wasSuccessful():
        status = 'wrong-answer' if result.failures and not result.errors else 'runtime-error: the tests raised an error'
        bad = (result.failures + result.errors)[0]
        return status, '%s: %s' % (bad[0].id().split('.')[-1], bad[1].strip().split('\n')[-1])
    if result.skipped and not _written(source, ('skip', 'skipIf', 'skipUnless', 'skipTest', 'SkipTest')):
        test, why = result.skipped[0]
        return 'runtime-error: a test was skipped', '%s: skipped (%s); the tests skip nothing themselves' % (
            _test_name(test), str(why)[:200])
    odd = list(result.expectedFailures) + [(t, '') for t in result.unexpectedSuccesses]
    if odd and not _written(source, ('expectedFailure',)):
        return 'runtime-error: a test was marked as expected to fail', '%s: not marked so by the tests' % _test_name(odd[0][0])
    expected = getattr(result, 'expected_tests', None)
    if expected is not None and result.testsRun != expected:
        return 'runtime-error: not every test ran', '%d of %d tests ran' % (result.testsRun, expected)
    return 'ok', None


def _written(source, names):
    # Whether the tests' code itself names one of names (in code: a comment or a string saying
    # 'skip' let a solution's SkipTest pass).
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    for node in ast.walk(tree):
        if (type(node) is ast.Name and node.id in names) or (type(node) is ast.Attribute and node.attr in names):
            return True
    return False


def _test_name(test):
    try:
        return str(test.id()).split('.')[-1]
    except BaseException:
        return '?'


def _compile_tests(source):
    tree = ast.parse(source, '<tests>')
    tree = _WrapCalls().visit(_WrapOperands().visit(tree))
    # After each top-level statement: the integrity check's baseline catches up with what the
    # tests' module has defined (a def, an import, CASES = ...), so that the module-level
    # check(candidate) already runs under it.
    body = []
    for stmt in tree.body:
        body.append(stmt)
        rebase = ast.Expr(value=ast.Call(func=ast.Constant(value=_REBASE_SLOT), args=[], keywords=[]))
        body.append(ast.copy_location(rebase, stmt))
    tree.body = body
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
            # from unittest import mock: the name may be a submodule (importing it later, under
            # the solution's guards, failed for want of asyncio's socket)
            names = [node.module] + [node.module + '.' + a.name for a in node.names if a.name != '*']
        for n in names:
            try:
                __import__(n)
            except BaseException:
                pass
    # A standard module the tests use without importing it (MBPP's math.isclose): imported here,
    # clean, so that the tests get it, not what the solution binds to the name or patches into it.
    for n in _free_names(tree):
        if n in sys.stdlib_module_names and n not in sys.modules:
            try:
                __import__(n)
            except BaseException:
                pass


def _child_test_code(job, tests_code, tests_tree, secret, msg_fd):
    # Inline mode (tests that patch what the solution uses): the tests share the solution's process.
    # Before the solution runs: the tests' modules are imported, the reference prompt is run in a
    # namespace of the prelude's, and every module and class is snapshotted; after it, they are
    # restored, and the tests run in a namespace of their own with clean built-ins, the prelude's
    # names and the prompt's helpers they use, and from the solution only its entry point and names
    # nothing trusted defines (as in split mode), under the value guard.
    null = os.open('/dev/null', os.O_RDWR)
    _enter_child(job, msg_fd, (null, null, null))
    code = _compile_solution(job, msg_fd)
    _import_tests_modules(tests_tree)
    # What the tests take from the solution, as split mode does: the entry point (entry_point, else
    # the prompt's last function, else the name in check(...)) and names nothing trusted defines.
    # The prelude's names and the prompt's helpers (HumanEval/32's poly) are the trusted ones,
    # made here before the solution runs (a solution's own math, isclose or poly stays its own).
    # What the prompt raised counts once the solution has run (as the tests' error).
    trusted, entry, entries, prompt_error = _trusted_namespace(job, tests_tree)
    base = _BASES[job['prelude']]
    names = _free_names(tests_tree)
    # The candidates, as split mode takes them (names.ts): the entry point, else the functions the
    # assertions are about; names used only before a dot must be modules.
    cands = _candidates(job, tests_tree, entries, names)
    spaces = _namespace_names(tests_tree)
    tests_objects = {}
    hooks = {}
    register, callee, baseline, environment, tests_mock, by_tests = _make_integrity(tests_tree, tests_objects, hooks)
    value, untouched, watch, operand, records = _make_checker(environment, tests_objects, tests_mock, by_tests, hooks)
    tg = {'__name__': '__tests__'}
    tests_code = _bind_value(tests_code, value, callee, lambda: baseline(tg, g, True), operand, records)
    write = os.write
    exit_now = os._exit
    dumps = json.dumps
    run_cases = _run_unittest_cases
    run_uncalled = _run_uncalled_tests
    snap = _snapshot_state()
    # No signal handlers (a handler is handed the interrupted frame): the module is gone for good.
    for m in ('signal', '_signal'):
        sys.modules.pop(m, None)
    _BLOCKED_IMPORTS_EXTRA.update(('signal', '_signal'))
    _install_guard()
    g = _fresh_module(job)
    # Built-ins reach the solution through the builtins module, as in plain Python: the prelude's
    # copies (from builtins import *) hid the tests' patch('builtins.open', mock_open(...)) and
    # patch('builtins.input') from it.
    real = vars(builtins)
    for k in [k for k, v in list(g.items()) if k in real and k != '__builtins__' and (v is real[k] or k == 'open')]:
        del g[k]
    status = None
    message = None
    try:
        exec(code, g)
    except BaseException as e:
        st = _status_of(e)
        status = 'runtime-error: SystemExit before the tests ran' if st == 'exit' else st
    if status is None:
        _restore_state(snap)
        tg['__builtins__'] = dict(_BUILTINS)
        try:
            if prompt_error is not None:
                raise prompt_error
            # How many names the tests take from the solution: none, and nothing the tests ran
            # judged it (the prelude's median answering MBPP-style asserts for a response of
            # 'pass', tests in functions no one calls), as split mode's 'never called'.
            taken = 0
            for n in names:
                own = n in g and g[n] is not base.get(n, _MISSING)
                if n in cands and own:
                    tg[n] = g[n]  # the solution's own candidate (def median), over the prelude's
                    taken += 1
                    continue
                if n in entries:
                    # Not the solution's own: the prelude's or a built-in would answer for it.
                    if n in g or n in _BUILTINS or n in trusted:
                        raise _undefined_entry(n)
                    continue
                if n in _BUILTINS:
                    continue
                if n in trusted:
                    tg[n] = trusted[n]
                elif n in sys.stdlib_module_names and n in sys.modules:
                    tg[n] = sys.modules[n]  # imported before the solution ran (see above)
                elif n in g:
                    if n in spaces and not isinstance(g[n], types.ModuleType):
                        raise _not_a_module(n)
                    if g[n] is Exception or g[n] is BaseException or g[n] is AssertionError:
                        # InvalidAgeError = Exception: the tests' except clause would catch their own failures.
                        raise NameError("the tests use '%s', which the solution binds to %s: it would catch the tests' own failures" % (n, g[n].__name__))
                    tg[n] = g[n]
                    taken += 1
            if entry and entry not in tg and entry in g and g[entry] is not base.get(entry, _MISSING):
                tg[entry] = g[entry]  # what an uncalled check(candidate) is handed (below)
            exec(tests_code, tg)
            # The tests' own TestCase classes are watched too (a solution reaching them through
            # TestCase.__subclasses__() could replace their test methods).
            watch([c for c in list(tg.values()) if isinstance(c, type) and c.__module__ == '__tests__'])
            baseline(tg, g)
            # check(candidate) and pytest-style test_* functions the tests define and never call
            # run too (under the integrity check, as the unittest cases).
            if run_uncalled(tg, tests_tree, entry):
                taken += 1
            result = run_cases(tg, watch)
            untouched()
            environment()
            status, message = _unittest_outcome(result, job['testCode'])
            if status == 'ok' and not taken:
                status = 'runtime-error: the tests never called the solution'
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
