/** Python source of the sandbox zygote, part job: runs one submission (as the job's init, see isolate.ts): watches each child under the time limit, reads its output, reports one JSON line per test. */
export const ZYGOTE_SOURCE = String.raw`import binascii as _binascii

_TOTAL_OUTPUT_LIMIT = 'runtime-error: output limit exceeded (the tests together printed more than the sandbox accepts)'


def _describe_wait(status, elapsed_ms, limit_ms):
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGXCPU or (sig == signal.SIGKILL and elapsed_ms >= limit_ms * 0.9):
            return 'timeout'
        if sig == signal.SIGXFSZ:
            return 'runtime-error: output limit exceeded'
        if sig == signal.SIGKILL:
            return 'memory-limit'
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = 'signal %d' % sig
        return 'runtime-error: killed by ' + name
    code = os.WEXITSTATUS(status)
    return 'runtime-error: exit code %d' % code if code != 0 else None


def _final_status(timed_out, reported, status, elapsed_ms, limit_ms, default):
    # A child's status: timeout, else the status it reported itself, else how it ended (or default).
    if timed_out:
        return 'timeout'
    if 'status' in reported:
        return reported['status']
    return _describe_wait(status, elapsed_ms, limit_ms) or default


def _sweep():
    # Kill whatever the child left behind. Only as the job's init (pid 1 of its own PID namespace)
    # or a single-use zygote (pid 2 in bubblewrap's; outside a namespace pids 1 and 2 are init and
    # a kernel thread, never us): there kill(-1) reaches that namespace's processes only.
    if os.getpid() not in (1, 2):
        return
    try:
        os.kill(-1, signal.SIGKILL)
    except OSError:
        pass


def _split_messages(buf, cap):
    # The JSON objects of the complete lines in buf (other lines are skipped), and the rest; None
    # for the objects if a complete line is longer than cap bytes.
    lines = buf.split(b'\n')
    msgs = []
    for line in lines[:-1]:
        if len(line) > cap:
            return None, b''
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        if isinstance(msg, dict):
            msgs.append(msg)
    return msgs, lines[-1]


# The longest message line a child may write where only control messages are expected (statuses,
# compile errors: each under a few KB even once escaped); longer ones end the child (see _watch).
_CONTROL_CAP = 64 * 1024
_MESSAGE_LIMIT = 'runtime-error: output limit exceeded (a message larger than the sandbox accepts)'


def _watch(pid, r, limit_ms, on_message, sweep=True, cap=_CONTROL_CAP, on_overflow=None):
    """Wait for child pid, passing each JSON line it writes on r to on_message (which returns True
    to restart the clock). Returns (wait status, timed_out, elapsed ms since the last restart).
    Chunks of an unfinished line are only collected, and joined once its end arrives: linear.
    A line longer than cap bytes is never collected: the child is killed there, nothing more is
    read, and on_overflow() is called (default: on_message({'status': _MESSAGE_LIMIT})). Solution
    code can write to r: unbounded, a line without an end grew this process by its whole size."""
    pfd = os.pidfd_open(pid)
    start = time.monotonic()
    deadline = start + limit_ms / 1000.0
    parts = []
    size = 0
    timed_out = False
    open_r = True
    exited = False
    overflow = False

    def take(chunk):
        # Returns (restart the clock, overflow).
        nonlocal parts, size
        nl = chunk.find(b'\n')
        if nl < 0:
            size += len(chunk)
            if size > cap:
                parts = []
                return False, True
            parts.append(chunk)
            return False, False
        if size + nl > cap:
            parts = []
            return False, True
        parts.append(chunk)
        msgs, rest = _split_messages(b''.join(parts), cap)
        parts = [rest] if rest else []
        size = len(rest)
        if msgs is None or size > cap:
            parts = []
            return False, True
        restart = False
        for msg in msgs:
            restart = on_message(msg) or restart
        return restart, False

    while not exited:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([r, pfd] if open_r else [pfd], [], [], remaining)
        if r in ready:
            chunk = os.read(r, 1 << 16)
            if not chunk:
                open_r = False
            else:
                restart, overflow = take(chunk)
                if overflow:
                    break
                if restart:
                    start = time.monotonic()
                    deadline = start + limit_ms / 1000.0
        if pfd in ready:
            exited = True
    elapsed = (time.monotonic() - start) * 1000.0
    if not exited:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(pfd)
    if open_r and not overflow:
        # What the child wrote before it ended; bounded like the rest (a process it left behind
        # may still be writing).
        try:
            os.set_blocking(r, False)
            while True:
                chunk = os.read(r, 1 << 16)
                if not chunk:
                    break
                _, overflow = take(chunk)
                if overflow:
                    break
        except OSError:
            pass
        if not overflow:
            take(b'\n')
    os.close(r)
    if sweep:
        _sweep()
    if overflow:
        if on_overflow is None:
            on_message({'status': _MESSAGE_LIMIT})
        else:
            on_overflow()
    return status, timed_out, elapsed


def _memfd(name, data=b''):
    fd = os.memfd_create(name)
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]
    os.lseek(fd, 0, 0)
    return fd


def _read_all(fd, limit):
    os.lseek(fd, 0, 0)
    chunks = []
    total = 0
    while total <= limit:
        b = os.read(fd, 1 << 20)
        if not b:
            break
        chunks.append(b)
        total += len(b)
    return b''.join(chunks)[:limit]


def _fork(target, *args):
    r, w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(r)
            target(*args, w)
        finally:
            os._exit(70)
    os.close(w)
    return pid, r


def _total_output(job):
    # The output bytes a whole submission may send (all its tests together): the host holds and
    # compares each; maxOutput on every one of many tests cost it seconds and gigabytes.
    total = job.get('maxTotalOutput')
    return total if isinstance(total, int) and total > 0 else 4 * job['maxOutput']


def _run_stdio(job):
    limit = job['timeLimitMs']
    budget = _total_output(job)
    for i, text in enumerate(job['tests']):
        in_fd = _memfd('stdin', text.encode('utf-8', 'surrogatepass'))
        out_fd = _memfd('stdout')
        err_fd = _memfd('stderr')
        reported = {}
        t0 = time.monotonic()
        pid, r = _fork(_child_stdio, job, in_fd, out_fd, err_fd)
        os.close(in_fd)
        status, timed_out, _ = _watch(pid, r, limit, lambda m: reported.update(m) and False)
        elapsed = (time.monotonic() - t0) * 1000.0
        if 'compile' in reported and not timed_out:
            os.close(out_fd)
            os.close(err_fd)
            return {'compile': str(reported['compile'])}
        st = _final_status(timed_out, reported, status, elapsed, limit, 'ok')
        out = _read_all(out_fd, job['maxOutput'])
        err = _read_all(err_fd, 2000)
        os.close(out_fd)
        os.close(err_fd)
        res = {'i': i, 'status': st, 'timeMs': elapsed}
        if len(out) > budget:
            res['status'] = st = _TOTAL_OUTPUT_LIMIT
        else:
            budget -= len(out)
            # The raw bytes, base64: the host decodes them as UTF-8 (invalid bytes replaced). As
            # JSON text each invalid byte became a 6-byte escape, and its line 6 times the output.
            res['stdout64'] = _binascii.b2a_base64(out, newline=False).decode('ascii')
        if st != 'ok' and err:
            res['message'] = err.decode('utf-8', 'replace')
        _send(1, res)


def _run_call(job):
    limit = job['timeLimitMs']
    n = len(job['tests'])
    nxt = 0
    budget = [_total_output(job)]
    # A result line: maxOutput characters of ASCII JSON text, each escaped to at most 2 bytes.
    cap = 2 * job['maxOutput'] + _CONTROL_CAP
    while nxt < n:
        state = {'next': nxt, 'load': None, 'loaded': False, 't': time.monotonic()}

        def on_message(m, state=state):
            if 'compile' in m:
                state['compile'] = str(m['compile'])
                return False
            if 'load' in m:
                state['load'] = m['load']
                return False
            # The child writes these lines, and solution code in it can write them too: 'loaded'
            # restarts the clock once (a forged one again would stretch every test's deadline),
            # a result only for the test that is due, and no result larger than maxOutput (the
            # host would hold every one of them: 100 MB results ran it out of memory).
            if m.get('loaded'):
                if state['loaded']:
                    return False
                state['loaded'] = True
                state['t'] = time.monotonic()
                return True
            i = m.get('i')
            if isinstance(i, int) and i == state['next']:
                now = time.monotonic()
                res = {'i': i, 'status': str(m.get('status'))[:2000], 'timeMs': (now - state['t']) * 1000.0}
                if res['status'] == 'ok':
                    got = m.get('json')
                    got = got if isinstance(got, str) else 'null'
                    if len(got) > job['maxOutput']:
                        res['status'] = _OUTPUT_LIMIT
                    elif len(got) > budget[0]:
                        res['status'] = _TOTAL_OUTPUT_LIMIT
                    else:
                        budget[0] -= len(got)
                        res['json'] = got
                _send(1, res)
                state['next'] = i + 1
                state['t'] = now
                # Each test gets its own CPU allowance: the child's soft RLIMIT_CPU moves on by one
                # test's worth (a limit set once for the whole child failed honest solutions
                # whose tests each took most of their time).
                try:
                    resource.prlimit(state['pid'], resource.RLIMIT_CPU, (_cpu_seconds(job) * (i + 2 - state['start']), _cpu_hard(job)))
                except (OSError, ValueError):
                    pass
                return True
            return False

        def on_overflow(state=state):
            state['overflow'] = True
            if not state['loaded'] and state['load'] is None:
                state['load'] = _MESSAGE_LIMIT

        state['start'] = nxt
        job['_cpuTests'] = n - nxt
        pid, r = _fork(_child_call, job, nxt)
        state['pid'] = pid
        status, timed_out, _ = _watch(pid, r, limit, on_message, cap=cap, on_overflow=on_overflow)
        if state.get('compile') is not None and not timed_out:
            return {'compile': state['compile']}
        if state['load'] is not None or (timed_out and not state['loaded']):
            st = 'timeout' if state['load'] is None else state['load']
            for i in range(state['next'], n):
                _send(1, {'i': i, 'status': st, 'timeMs': 0})
            return
        nxt = state['next']
        if nxt >= n:
            return
        elapsed = (time.monotonic() - state['t']) * 1000.0
        st = _MESSAGE_LIMIT if state.get('overflow') else _final_status(timed_out, {}, status, elapsed, limit, 'runtime-error: the process ended early')
        _send(1, {'i': nxt, 'status': st, 'timeMs': elapsed})
        nxt += 1


_LISTENING = frozenset(('assertLogs', 'assertNoLogs', 'assertWarns', 'assertWarnsRegex'))
_CAPTURING = frozenset(('redirect_stdout', 'redirect_stderr'))


def _inline_tests(source, tree):
    # Test code that must share the solution's process: it patches modules (unittest.mock) that the
    # solution uses, or listens to what the solution logs or warns (assertLogs, assertWarns: in a
    # checker of its own it heard nothing), so it cannot run in a checker of its own.
    if any(type(n) is ast.Attribute and n.attr in _LISTENING for n in ast.walk(tree)):
        return True
    # Output the tests capture (contextlib.redirect_stdout around a printing call): in a checker of
    # their own they heard nothing.
    if any((type(n) is ast.Attribute and n.attr in _CAPTURING) or (type(n) is ast.Name and n.id in _CAPTURING) for n in ast.walk(tree)):
        return True
    return 'mock' in source and any(
        isinstance(n, (ast.Import, ast.ImportFrom)) and 'mock' in ast.dump(n) for n in ast.walk(tree))


def _run_test_code(job):
    try:
        tree = ast.parse(job['testCode'], '<tests>')
        if not _inline_tests(job['testCode'], tree):
            res = _run_split(job, compile(tree, '<tests>', 'exec'), tree)
            if res != 'inline':
                return res
        tests_code = _compile_tests(job['testCode'])
    except (SyntaxError, ValueError, MemoryError, RecursionError) as e:
        return {'testCompile': _describe(e)}
    secret = os.urandom(16).hex()
    got = {}

    def on_message(m):
        if 'secret' in m and m['secret'] == secret:
            got['status'] = m.get('status')
            if 'message' in m:
                got['message'] = str(m['message'])[:500]
        elif 'compile' in m and 'compile' not in got:
            got['compile'] = str(m['compile'])
        return False

    t0 = time.monotonic()
    pid, r = _fork(_child_test_code, job, tests_code, tree, secret)
    status, timed_out, _ = _watch(pid, r, job['timeLimitMs'], on_message, on_overflow=lambda: got.setdefault('status', _MESSAGE_LIMIT))
    elapsed = (time.monotonic() - t0) * 1000.0
    if 'compile' in got and 'status' not in got and not timed_out:
        return {'compile': got['compile']}
    st = _final_status(timed_out, got, status, elapsed, job['timeLimitMs'], 'runtime-error: the program exited before the tests finished')
    res = {'i': 0, 'status': st, 'timeMs': elapsed}
    if st != 'ok' and 'message' in got:
        res['message'] = got['message']
    return res


def _run_job(job):
    # One submission: every test in forked children, one JSON line per test on fd 1.
    # The children's address-space limit: what this process maps now (as they start with), a
    # margin for the interpreter's own growth, and the job's memory allowance.
    job['_space'] = _address_space() + (64 << 20)
    # This process's own: what the children may map, and room for the output it handles (a test's
    # output, its copies and its reply line: a few times maxOutput). Lines the children write are
    # capped (_watch); this is the backstop should anything else grow. Never below the children's.
    own = job['_space'] + job['memoryMb'] * 1024 * 1024 + 8 * job['maxOutput'] + (256 << 20)
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or own < hard:
            resource.setrlimit(resource.RLIMIT_AS, (own, own))
    except (OSError, ValueError):
        pass
    kind = job['kind']
    if kind == 'stdio':
        final = _run_stdio(job)
    elif kind == 'call':
        final = _run_call(job)
    else:
        final = _run_test_code(job)
    if final is not None:
        _send(1, final)


`;
