/**
 * Python source of the sandbox zygote, part isolate: the long-lived zygote's job loop.
 *
 * The zygote runs no solution code. For each job it clones K with CLONE_NEWUSER | CLONE_NEWPID |
 * CLONE_NEWIPC (a raw clone: Python 3.11 has no os.unshare, and unshare would move the zygote
 * itself into the new user namespace): K is pid 1 of a fresh PID namespace, in fresh user and
 * SysV IPC namespaces; it drops every capability, leaves the zygote's session and job pipe, and
 * runs the job as a single-use zygote did (zygote.ts: one forked child per test, each under the
 * rlimits and the seccomp filter, which refuses unshare/setns/clone with namespace flags and
 * ptrace). When K ends, the kernel kills everything left in its PID namespace: nothing of a
 * submission survives it. A submission cannot name the zygote or another submission's processes
 * (they are outside its PID namespace), shares no process group with them, holds none of the
 * zygote's pipes, and cannot ptrace. Where the namespaces are refused (no nested user namespaces)
 * or the architecture is unknown, the zygote says `reuse: false` and serves one job in its own
 * process, as before.
 */
export const ISOLATE_SOURCE = String.raw`# ---- the long-lived zygote: one job at a time, each in fresh namespaces ----
_SYS_CLONE = {'x86_64': 56, 'aarch64': 220}.get(os.uname().machine)
_NS_FLAGS = 0x10000000 | 0x20000000 | 0x08000000  # CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWIPC
_CAP_HEADER = (_ctypes.c_uint32 * 2)(0x20080522, 0)
_CAP_DATA = (_ctypes.c_uint32 * 6)()


def _clone_isolated():
    # fork() into new namespaces: 0 in the child, its pid in the zygote. The zygote is
    # single-threaded and holds no lock here (ctypes released the GIL), as fork needs.
    sys.stdout.flush()
    pid = _LIBC.syscall(_SYS_CLONE, _NS_FLAGS | signal.SIGCHLD, 0, 0, 0, 0)
    if pid < 0:
        raise OSError(_get_errno(), 'clone')
    return pid


def _can_isolate():
    if _SYS_CLONE is None:
        return False
    try:
        pid = _clone_isolated()
    except OSError:
        return False
    if pid == 0:
        os._exit(0 if os.getpid() == 1 and _LIBC.capset(_CAP_HEADER, _CAP_DATA) == 0 else 1)
    _, status = os.waitpid(pid, 0)
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def _job_init(job):
    # K: pid 1 of the job's PID namespace. No capabilities (it had all, in its new user namespace),
    # dies with the zygote, no access to the host's job pipe, a session of its own (so no process
    # group is shared with the zygote); then runs the job as a single-use zygote did.
    if _LIBC.capset(_CAP_HEADER, _CAP_DATA) != 0:
        raise OSError(_get_errno(), 'capset')
    _LIBC.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    null = os.open('/dev/null', os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.setsid()
    _GC_FREEZE()
    _run_job(job)


def _fork_job(job):
    pid = _clone_isolated()
    if pid == 0:
        code = 70
        try:
            _job_init(job)
            code = 0
        except BaseException as e:
            os.write(2, ('the job failed: %r\n' % (e,)).encode('utf-8', 'replace')[:2000])
        finally:
            os._exit(code)
    return pid


def _await_job(pid):
    # Wait for K; any line from the host meanwhile cancels the job (the host sends the next job only
    # after this one's 'done'). EOF: the host is gone. Returns (K's wait status, CPU ms of the whole
    # job, host gone).
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
    _compile_seccomp()  # built once (libseccomp is slow to build one); installed by each child
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
