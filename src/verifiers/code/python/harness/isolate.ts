/**
 * Python source of the sandbox zygote, part isolate: the long-lived zygote's job loop.
 *
 * The zygote runs no solution code. For each job it forks J, which (trusted, before any seccomp
 * filter) calls unshare(CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWIPC), drops every capability and
 * forks K: pid 1 of a fresh PID namespace, in a session of its own and with fresh SysV IPC. K runs
 * the job exactly as a single-use zygote would (zygote.ts: one forked child per test, each under
 * the rlimits and the seccomp filter, which refuses unshare/setns/clone with namespace flags) and
 * reports on fd 1. When K ends, the kernel kills everything left in its PID namespace: nothing of a
 * submission survives it. J waits for K and exits; K dies with J (PR_SET_PDEATHSIG), so a job is
 * cancelled by killing J. A submission cannot name the zygote or another submission's processes
 * (they are outside its PID namespace), shares no process group with them, holds none of the
 * zygote's pipes, and cannot ptrace (seccomp). Where unshare is refused (no nested user
 * namespaces), the zygote says `reuse: false` and serves one job in its own process, as before.
 */
export const ISOLATE_SOURCE = String.raw`# ---- the long-lived zygote: one job at a time, each in fresh namespaces ----
import ctypes as _ctypes
_LIBC = _ctypes.CDLL(None, use_errno=True)
_get_errno = _ctypes.get_errno
_CAP_HEADER = (_ctypes.c_uint32 * 2)(0x20080522, 0)
_CAP_DATA = (_ctypes.c_uint32 * 6)()
for _m in [m for m in sys.modules if m == 'ctypes' or m.startswith('ctypes.') or m == '_ctypes']:
    del sys.modules[_m]  # a solution's 'import ctypes' meets the audit hook, as before
del _ctypes, _m
_NS_FLAGS = 0x10000000 | 0x20000000 | 0x08000000  # CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWIPC


def _enter_namespaces():
    # J, trusted: new user, PID (for its children) and IPC namespaces, then no capabilities at all.
    if _LIBC.unshare(_NS_FLAGS) != 0:
        raise OSError(_get_errno(), 'unshare')
    if _LIBC.capset(_CAP_HEADER, _CAP_DATA) != 0:
        raise OSError(_get_errno(), 'capset')


def _can_isolate():
    pid = os.fork()
    if pid == 0:
        try:
            _enter_namespaces()
            os._exit(0)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def _job_init(job):
    # K: pid 1 of the job's PID namespace. Dies with J; its own session, so no process group is
    # shared with the zygote; then runs the job as a single-use zygote did.
    _LIBC.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    os.setsid()
    _GC_FREEZE()
    _run_job(job)


def _fork_job(job):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            null = os.open('/dev/null', os.O_RDONLY)
            os.dup2(null, 0)  # the host's job pipe stays the zygote's alone
            os.close(null)
            _enter_namespaces()
            k = os.fork()
            if k == 0:
                try:
                    _job_init(job)
                    code = 0
                except BaseException as e:
                    os.write(2, ('the job failed: %r\n' % (e,)).encode('utf-8', 'replace')[:2000])
                finally:
                    os._exit(code)
            _, status = os.waitpid(k, 0)
            code = 0 if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else 71
        except BaseException as e:
            os.write(2, ('the job could not start: %r\n' % (e,)).encode('utf-8', 'replace')[:2000])
        finally:
            os._exit(code)
    return pid


def _await_job(pid):
    # Wait for J; any line from the host meanwhile cancels the job (the host sends the next job only
    # after this one's 'done'). EOF: the host is gone. Returns (J's wait status, CPU ms, host gone).
    pfd = os.pidfd_open(pid)
    gone = False
    while True:
        ready = select.select([pfd] if gone else [0, pfd], [], [])[0]
        if pfd in ready:
            break
        if not os.read(0, 1 << 16):
            gone = True
        os.kill(pid, signal.SIGKILL)
    os.close(pfd)
    _, status, ru = os.wait4(pid, 0)
    return status, (ru.ru_utime + ru.ru_stime) * 1000.0, gone


def _serve():
    import gc
    global _GC_FREEZE
    _GC_FREEZE = gc.freeze
    del sys.modules['gc']  # so that a solution's 'import gc' still meets the audit hook
    _seccomp_filter()  # built once (libseccomp is slow to build one); loaded by each child
    reuse = _can_isolate()
    # Objects that exist now are never collected: forked processes then do not touch their pages.
    _GC_FREEZE()
    _send(1, {'ready': True, 'reuse': reuse})
    pending = []
    while True:
        line = _read_line(0, 1 << 40, pending)
        if line is None:
            os._exit(0)
        try:
            job = json.loads(line)
        except ValueError:
            continue
        if type(job) is not dict or 'kind' not in job:
            continue  # a cancel that arrived after its job had ended
        if not reuse:
            _run_job(job)
            me = resource.getrusage(resource.RUSAGE_SELF)
            kids = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime) * 1000.0
            _send(1, {'done': True, 'seq': job.get('seq'), 'cpuMs': cpu})
            os._exit(0)
        status, cpu, gone = _await_job(_fork_job(job))
        if gone:
            os._exit(0)
        # A newline first: a line K was writing when it was killed ends there (and is skipped).
        os.write(1, b'\n')
        _send(1, {'done': True, 'seq': job.get('seq'), 'cpuMs': cpu, 'failed': status != 0})


_serve()
`;
