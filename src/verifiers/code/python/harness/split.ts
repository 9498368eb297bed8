/**
 * Python source of the sandbox zygote, part split: test_code judged outside the solution's process.
 *
 * Two children are forked from the clean zygote: the solution process S (the solution's code, under
 * every limit and the seccomp filter) and the checker C (the reference's test code, which runs no
 * solution code). C executes the test code in a namespace made of the prelude, the reference
 * prompt's helpers and the built-ins of a process the solution never touched; each name the tests
 * use and do not define is asked from S once. S answers with plain data (codec.ts) or an opaque
 * handle; calling a handle, reading its attribute or applying an operation to it (split-ops.ts) is
 * a request to S. So the solution's return values reach the tests only as exact built-in values;
 * its own definitions of `abs`, `set`, the prompt's helpers or the prelude's never do; what it
 * patches in its own process stays there.
 * Only C reports the outcome to the zygote (on a pipe S does not have).
 */
export const SPLIT_SOURCE = String.raw`# ---- split test_code: the checker C ----
class _SolutionGone(BaseException):
    pass


class _RemoteError(Exception):
    pass


class _NeedsInline(BaseException):
    pass


# Exceptions of the solution are re-raised in the checker as the same standard class, but never as
# one that changes control flow rather than failing: StopIteration ends map()/all() early, and
# unittest's own (SkipTest) would skip the test.
_NOT_RAISED = (StopIteration, StopAsyncIteration, _RemoteError)


def _merge_back(orig, val, depth):
    # An argument the solution changed in place, changed in place here too: nested lists and dicts
    # of the same shape are updated rather than replaced, so the tests' other references to them
    # (row = m[0]; candidate(m); row == ...) see the change as they would in one process. Not told
    # apart: a nested list the solution replaced by one of the same length is updated in place too
    # (the one difference from one process; tests that check a stale alias are not known).
    t = type(orig)
    if t is list and type(val) is list:
        if len(orig) == len(val) and depth < 100:
            for i in range(len(val)):
                a, b = orig[i], val[i]
                if type(a) in (list, dict) and type(b) is type(a):
                    _merge_back(a, b, depth + 1)
                elif not (type(a) is type(b) and a == b):
                    orig[i] = b
        else:
            orig[:] = val
    elif t is dict and type(val) is dict:
        for k in [k for k in orig if k not in val]:
            del orig[k]
        for k, b in val.items():
            a = orig.get(k, _NO_VALUE)
            if type(a) in (list, dict) and type(b) is type(a) and depth < 100:
                _merge_back(a, b, depth + 1)
            else:
                orig[k] = b
    elif (t is set and type(val) is set) or (t is bytearray and type(val) is bytearray):
        if t is set:
            orig.clear()
            orig.update(val)
        else:
            orig[:] = val


_NO_VALUE = object()


_MT_WORDS = 624
# How many 32-bit draws one call of the solution may make for its returned state to be checked
# (4M: a Python loop needs about a second for them); past that the state is refused.
_MAX_DRAWS = 1 << 22


def _random_reachable(rnd, start, got, seeded):
    # Whether the global generator's state the solution returned is what drawing numbers does:
    # 'start' (the state sent with the call, or the state of random.seed(*seeded) when the solution
    # reseeded) moved on by some number of 32-bit draws. Copying a chosen state back (an all-zero
    # one makes every randint its lower bound) would otherwise turn seeded random tests trivial.
    # gauss_next (a float that gauss() caches) is checked by the caller.
    try:
        version, words, gauss = got
        if version != start[0] or type(words) is not tuple or len(words) != _MT_WORDS + 1:
            return False
        if gauss is not None and type(gauss) is not float:
            return False
        q = words[-1]
        if type(q) is not int or not 1 <= q <= _MT_WORDS:
            return False
    except (TypeError, ValueError):
        return False
    origins = [start]
    if seeded is not None:
        try:
            r = rnd.Random()
            r.seed(*seeded)
            origins.append(r.getstate())
        except BaseException:
            return False
    for origin in origins:
        r = rnd.Random()
        r.setstate(origin)
        p = origin[1][-1]
        # Jump straight to the draws after which the position index equals the returned one, then
        # a whole generator's worth (624 words) at a time.
        step = q - p if q >= p else _MT_WORDS - p + q
        done = 0
        while done + step <= _MAX_DRAWS:
            if step:
                r.getrandbits(32 * step)
            done += step
            if r.getstate()[1] == words:
                return True
            step = _MT_WORDS
    return False

def _raisable_module(mod):
    return mod not in ('__main__', '__tests__', '<prompt>') and mod.split('.')[0] != 'unittest' and not mod.startswith('_pytest')


_EXC_NS = {'__builtins__': {}, '_only': __import__('traceback').format_exception_only}
exec(compile("def _exc_info_to_string(self, err, test):\n    return ''.join(_only(err[0], err[1])).strip()\n",
             '<harness-result>', 'exec'), _EXC_NS)
_EXC_ONLY = _EXC_NS['_exc_info_to_string']
del _EXC_NS


def _run_unittest_cases(ns, watch=None):
    # BigCodeBench-style test code defines TestCase classes and leaves running them to the harness.
    # watch (inline mode): the result class is watched like unittest's own (a solution reaching it
    # through TestResult.__subclasses__() could override addFailure).
    ut = sys.modules.get('unittest')
    if ut is None:
        return None
    cases = [v for v in list(ns.values()) if isinstance(v, type) and issubclass(v, ut.TestCase)
             and getattr(v, '__module__', None) == '__tests__']
    if not cases:
        return None
    suite = ut.TestSuite()
    loader = ut.TestLoader()
    for c in cases:
        suite.addTests(loader.loadTestsFromTestCase(c))

    class Result(ut.TestResult):
        # Only the exception's own line: formatting the whole traceback reads frames, which the
        # audit hook refuses where the tests share the solution's process (a failing test read as
        # 'frame introspection is disabled', a runtime-error instead of a wrong answer). Defined in
        # a namespace of its own: the solution reaches this class (TestResult.__subclasses__()),
        # and a method's __globals__ must not lead to the harness's.
        _exc_info_to_string = _EXC_ONLY
    if watch is not None:
        watch([Result])
    result = Result()
    # How many tests were collected: a run of fewer fails (_unittest_outcome).
    result.expected_tests = suite.countTestCases()
    suite.run(result)
    return result


def _child_checker(job, tests_code, tests_tree, req_fd, resp_fd, msg_fd):
    # C: the reference's tests against answers from S. Runs no solution code.
    null = os.open('/dev/null', os.O_RDWR)
    _enter_child(job, msg_fd, (null, null, null), keep=(req_fd, resp_fd))
    cap = max(1 << 20, job['maxOutput'])
    pending = []
    first = _read_line(resp_fd, cap, pending)
    if first is None:
        _send(msg_fd, {'gone': True})
        os._exit(0)
    hello = json.loads(first)
    if 'compile' in hello:
        _send(msg_fd, {'compile': str(hello['compile'])[:2000]})
        os._exit(0)
    if 'load' in hello or not hello.get('loaded'):
        _send(msg_fd, {'status': str(hello.get('load'))[:500]})
        os._exit(0)
    leet = _BASES['leetcode']
    needs_inline = []
    used = [0]  # calls and attribute reads the tests made into the solution
    # Tests that seed the global random generator expect the solution to draw from it: its state
    # travels with each call and back (the solution could set it in a shared process just as well).
    sync_random = '.seed(' in job['testCode']
    import random as rnd

    def ask(req):
        _send(req_fd, req)
        line = _read_line(resp_fd, cap, pending)
        if line is None:
            raise _SolutionGone()
        reply = json.loads(line)
        if type(reply) is not dict:
            raise _CodecError('bad reply')
        if 'e' in reply:
            name, msg, mod, qual, args, attrs, own, text = (list(reply['e']) + ['', '', None, None, None, None])[:8]
            try:
                # The exception's own arguments where they are data (KeyError(5).args[0] == 5).
                args = tuple(dec(args)) if type(args) is list else (str(msg),)
                attrs = dec(attrs) if attrs is not None else {}
            except Exception:
                args, attrs = (str(msg),), {}
            # A standard exception class the checker has itself loaded (binascii.Error), else the
            # first built-in one of its MRO. Never a class of the solution.
            cls = getattr(sys.modules.get(str(mod)), str(qual), None) if _raisable_module(str(mod)) else None
            if isinstance(cls, type) and issubclass(cls, Exception) and not issubclass(cls, _NOT_RAISED):
                exc = _rebuilt(cls, args, attrs, msg)
                if exc is not None:
                    raise exc
            if own is not None:
                # A class of the solution's own: its stand-in (split-ops.ts), where it has one.
                try:
                    cls = dec(own)
                except Exception:
                    cls = None
                _raise_stand_in(cls, args, attrs, msg, text, stand_in_handles)
            cls = _BUILTINS.get(str(name))
            if isinstance(cls, type) and issubclass(cls, Exception) and not issubclass(cls, _NOT_RAISED):
                raise _rebuilt(cls, args, attrs, msg) or cls(str(msg))
            raise _RemoteError('%s: %s' % (name, msg))
        return reply

    def exchange(req):
        # A request that runs the solution's code: the random generator's state travels with it.
        if sync_random:
            req_state = rnd.getstate()
            req['rs'] = enc(req_state)
        reply = ask(req)
        if sync_random:
            got = dec(reply['rs'])
            seeded = dec(reply['seed']) if 'seed' in reply else None
            if not _random_reachable(rnd, req_state, got, seeded):
                raise _RemoteError('sandbox: the solution set the random generator to a state that drawing numbers does not reach')
            # gauss() caches its second value; one the solution set could choose the tests' next
            # draw, so a changed one is dropped (the tests draw afresh).
            if got[2] is not None and got[2] != req_state[2]:
                got = (got[0], got[1], None)
            rnd.setstate(got)
        return reply

    def encoded(args):
        try:
            return [enc(x) for x in args]
        except _CodecError:
            # The tests pass something that is not data (a function, an enum): they need the
            # solution's process. Decided by the tests' own arguments, never by the solution:
            # what the solution returned decodes only to values that encode again (handles
            # included), unless the tests themselves nest it 50 levels deeper (dec below).
            needs_inline.append(True)
            raise _NeedsInline()

    def remote_call(p, args, kw):
        used[0] += 1
        a = encoded(args)
        names = [str(n) for n in kw]
        k = dict(zip(names, encoded(list(kw.values()))))
        reply = exchange({'op': 'call', 'h': object.__getattribute__(p, '_h'), 'a': a, 'k': k})
        back = reply.get('back') or []
        for orig, new in zip(args, back):
            if new is None:
                continue
            _merge_back(orig, dec(new), 0)
        return dec(reply['v'])

    def remote_attr(p, name):
        used[0] += 1
        return dec(ask({'op': 'attr', 'h': object.__getattribute__(p, '_h'), 'n': name})['v'])

    def remote_op(p, name, args):
        # A dunder of the solution's value (split-ops.ts), run in its process like a method call.
        used[0] += 1
        reply = exchange({'op': 'op', 'h': object.__getattribute__(p, '_h'), 'n': name, 'a': encoded(args)})
        if name == 'next' and reply.get('stop') is True:
            raise StopIteration
        return dec(reply['v'])

    Remote = _remote_class(remote_call, remote_attr, remote_op)
    # The stand-ins for the solution's exception classes: handle -> class and back.
    stand_ins = {}
    stand_in_handles = {}

    def handle(h, t, info=None):
        if info is not None:
            cls = _exc_stand_in(h, info, stand_ins, stand_in_handles)
            if cls is not None:
                return cls
        # A fresh stand-in each time a value crosses: with one per handle, a solution returning one
        # shared object everywhere made [Point(1, 2)] == [parse_point(s)] true (list equality and
        # 'in' try identity before ==).
        return Remote(h, t)

    def handle_of(obj):
        if type(obj) is Remote:
            return object.__getattribute__(obj, '_h')
        if type(obj) is type:
            return stand_in_handles.get(obj)
        return None

    enc = _make_encoder(handle_of, (leet['ListNode'], leet['TreeNode']))
    dec = _make_decoder(handle, leet['list_node'], leet['tree_node'], _CODEC_DEPTH - 50)
    ns, entry, entries, prompt_error = _trusted_namespace(job, tests_tree)
    status = None
    message = None
    try:
        if prompt_error is not None:
            raise prompt_error  # what reading or running the prompt raised ends the check, as any error here
        own = _free_names(tests_tree)
        # The candidates: the entry point, else the functions the assertions are about (MBPP's
        # bare asserts). The solution's definition of a candidate wins over the prelude's (def
        # median); an entry point must be the solution's own (the built-in sorted never answers
        # for it), and tests that never reach the solution fail (a response of 'pass' where the
        # prelude's median, factorial and comb would answer every assert). No other name of the
        # prelude, the prompt or the built-ins ever comes from the solution.
        cands = _candidates(job, tests_tree, entries, own)
        # A standard-library module the tests use without importing it is the checker's own import,
        # never the solution's stand-in (a class named math whose isclose says True).
        for n in sorted(own):
            if n not in cands and n not in ns and n not in builtins.__dict__ and n in sys.stdlib_module_names:
                try:
                    ns[n] = __import__(n)
                except ImportError:
                    pass
        spaces = _namespace_names(tests_tree)
        ask_names = sorted(n for n in own | cands if n in cands or (n not in ns and n not in builtins.__dict__))
        if ask_names:
            reply = ask({'op': 'names', 'names': ask_names})
            vals, mods = reply['v'], reply.get('m') or {}
            if type(vals) is not dict or type(mods) is not dict:
                raise _CodecError('bad reply')
            for n in ask_names:
                if n in mods and n not in cands:
                    # A module the solution imported under this name (np): the checker imports the
                    # real one by its name, never the solution's object.
                    try:
                        ns[n] = __import__(str(mods[n]), fromlist=['_'])
                    except ImportError:
                        raise NameError("the tests use '%s', the solution's module %s, which the checker cannot import" % (n, str(mods[n])[:100]))
                elif n in vals and n not in cands and n in spaces:
                    # Used only as a namespace (np.allclose): a module's place, never a class of the
                    # solution's whose allclose says True.
                    raise _not_a_module(n)
                elif n in vals:
                    ns[n] = dec(vals[n])
                    if n not in cands:
                        used[0] += 1  # the tests judge a value of the solution's (assert ANSWER == 42)
                elif n in entries and (n in ns or n in builtins.__dict__):
                    raise _undefined_entry(n)
        exec(tests_code, ns)
        _run_uncalled_tests(ns, tests_tree, entry)
        result = _run_unittest_cases(ns)
        if needs_inline:
            raise _NeedsInline()
        status, message = _unittest_outcome(result, job['testCode'])
        if status == 'ok' and not used[0]:
            # Nothing judged the solution (a check() never called, tests in functions no one runs).
            status = 'runtime-error: the tests never called the solution'
    except _SolutionGone:
        _send(msg_fd, {'gone': True})
        os._exit(0)
    except _NeedsInline:
        _send(msg_fd, {'inline': True})
        os._exit(0)
    except AssertionError as e:
        status = 'wrong-answer'
        message = _describe(e)
    except BaseException as e:
        st = _status_of(e)
        status = 'runtime-error: SystemExit before the tests finished' if st == 'exit' else st
    out = {'status': status}
    if message:
        out['message'] = message[:500]
    _send(msg_fd, out)
    os._exit(0)


def _reap(pid, grace):
    # The wait status of pid if it ends within grace seconds (else it is killed: None).
    end = time.monotonic() + grace
    while True:
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return None
        if done:
            return status
        if time.monotonic() >= end:
            break
        time.sleep(0.002)
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
    return None


def _run_split(job, tests_code, tests_tree):
    limit = job['timeLimitMs']
    req_r, req_w = os.pipe()
    resp_r, resp_w = os.pipe()
    t0 = time.monotonic()
    s_pid = os.fork()
    if s_pid == 0:
        try:
            os.close(req_w)
            os.close(resp_r)
            _child_solution_server(job, req_r, resp_w)
        finally:
            os._exit(70)
    os.close(req_r)
    os.close(resp_w)
    got = {}

    def on_message(m):
        for k in ('status', 'message', 'compile', 'gone', 'inline'):
            if k in m and k not in got:
                got[k] = m[k]
        return False

    c_pid, r = _fork(_child_checker, job, tests_code, tests_tree, req_w, resp_r)
    os.close(req_w)
    os.close(resp_r)
    status, timed_out, _ = _watch(c_pid, r, limit, on_message, sweep=False)
    elapsed = (time.monotonic() - t0) * 1000.0
    # S has answered everything it will: end it, and learn how it ended.
    s_status = _reap(s_pid, 0.2 if 'gone' in got else 0.0)
    _sweep()
    if 'compile' in got and not timed_out:
        return {'compile': str(got['compile'])}
    if 'inline' in got and not timed_out:
        return 'inline'
    if 'gone' in got and not timed_out:
        st = (_describe_wait(s_status, elapsed, limit) if s_status is not None else None) or 'runtime-error: the program exited before the tests finished'
    else:
        st = _final_status(timed_out, got, status, elapsed, limit, 'runtime-error: the checker ended without a verdict')
    res = {'i': 0, 'status': st, 'timeMs': elapsed}
    if st != 'ok' and 'message' in got:
        res['message'] = str(got['message'])
    return res


`;
