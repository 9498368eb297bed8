/**
 * Python source of the sandbox zygote, part limits: the rlimits each child runs under (CPU, address
 * space measured without /proc, file size, processes), the seccomp filter built once in the zygote
 * and installed by each child, the harness's own libc handle, the sandbox's open() and small
 * helpers (fresh solution module, error descriptions, message sending, thread joining).
 */
export const LIMITS_SOURCE = String.raw`import mmap as _mmap  # loaded once here: each job's init measures with it (loading it per job cost ~1 ms)


def _address_space():
    # The process's current address-space size, found without /proc: the smallest RLIMIT_AS under
    # which one more page can still be mapped (binary search on the soft limit).
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    lo, hi = 1 << 20, 1 << 40
    while hi - lo > (1 << 20):
        mid = (lo + hi) // 2
        resource.setrlimit(resource.RLIMIT_AS, (mid, hard))
        try:
            m = _mmap.mmap(-1, 4096)
            m.close()
            hi = mid
        except OSError:
            lo = mid
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    return hi


_OUTPUT_LIMIT = 'runtime-error: output limit exceeded (a result larger than maxOutputBytes)'


def _cpu_seconds(job):
    # One test's CPU allowance (the kernel's backstop; the per-test wall-clock deadline is tighter).
    return max(1, int(math.ceil(job['timeLimitMs'] / 1000.0)) + 1)


def _cpu_hard(job):
    # A call-based child runs several tests ('_cpuTests'): its soft limit starts at one test's
    # allowance and the job process moves it on after each result (prlimit); the hard limit covers them all.
    return _cpu_seconds(job) * job.get('_cpuTests', 1) + 1


def _limits(job):
    resource.setrlimit(resource.RLIMIT_CPU, (_cpu_seconds(job), _cpu_hard(job)))
    # RLIMIT_AS counts every mapping: heap, MAP_SHARED / MAP_POPULATE anonymous memory, mapped files.
    space = job['_space'] + job['memoryMb'] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (space, space))
    resource.setrlimit(resource.RLIMIT_FSIZE, (job['maxOutput'], job['maxOutput']))
    resource.setrlimit(resource.RLIMIT_NPROC, (job['maxProcs'] + 3, job['maxProcs'] + 3))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))


try:
    import seccomp as _seccomp_mod
except ImportError:  # the host checks for python3-seccomp before it starts a sandbox
    _seccomp_mod = None

# libc for what os does not offer (prctl, unshare, capset, raw clone): the harness's own handle.
# ctypes leaves sys.modules, so a solution's 'import ctypes' still meets the audit hook (which
# refuses every ctypes.* event as well).
import ctypes as _ctypes
_LIBC = _ctypes.CDLL(None, use_errno=True)
_get_errno = _ctypes.get_errno
for _m in [m for m in sys.modules if m == 'ctypes' or m.startswith('ctypes.') or m == '_ctypes']:
    del sys.modules[_m]
del _m

# Refused outright (EPERM) after start-up: other processes' memory and tracing, new programs,
# namespaces and mounts, anonymous files, SysV / POSIX shared memory, kernel facilities a solution
# never needs. Sockets other than socketpair (asyncio's self-pipe) are refused too.
_DENIED_SYSCALLS = ('ptrace', 'process_vm_readv', 'process_vm_writev', 'process_madvise', 'pidfd_getfd',
                    'pidfd_open', 'pidfd_send_signal', 'kcmp', 'execve', 'execveat', 'memfd_create',
                    'mount', 'umount2', 'pivot_root', 'chroot', 'unshare', 'setns',
                    'move_mount', 'open_tree', 'fsopen', 'fsmount', 'fspick', 'mount_setattr', 'bpf',
                    'perf_event_open', 'userfaultfd', 'keyctl', 'add_key', 'request_key', 'io_uring_setup',
                    'io_uring_enter', 'io_uring_register', 'open_by_handle_at', 'name_to_handle_at',
                    'shmget', 'mq_open', 'socket', 'tkill', 'rt_sigqueueinfo', 'rt_tgsigqueueinfo',
                    'personality', 'setrlimit', 'msgget', 'semget')


_FILTER = []


def _seccomp_filter():
    """The kernel's filter for children that run solution code, built once in the zygote (libseccomp
    is slow to build one): the syscalls above fail with EPERM; clone3 with ENOSYS (glibc falls back
    to clone, whose flags can be inspected) and clone with any namespace flag with EPERM (only the
    trusted clone of a job's init, before any filter, creates namespaces); kill and tgkill may not
    target pids 0-2 (the job's init, or a single-use zygote and bubblewrap's init, or the process
    group) nor negative pids (every process)."""
    if _FILTER:
        return _FILTER[0]
    sc = _seccomp_mod
    f = sc.SyscallFilter(defaction=sc.ALLOW)
    eperm = sc.ERRNO(1)
    for name in _DENIED_SYSCALLS:
        try:
            f.add_rule(eperm, name)
        except (RuntimeError, ValueError, OSError):
            pass
    f.add_rule(sc.ERRNO(38), 'clone3')
    for bit in (0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000, 0x00000080):
        f.add_rule(eperm, 'clone', sc.Arg(0, sc.MASKED_EQ, bit, bit))
    f.add_rule(eperm, 'prlimit64', sc.Arg(2, sc.NE, 0))
    for call in ('kill', 'tgkill'):
        f.add_rule(eperm, call, sc.Arg(0, sc.LE, 2))
        f.add_rule(eperm, call, sc.Arg(0, sc.MASKED_EQ, 0x80000000, 0x80000000))
    _FILTER.append(f)
    return f


_BPF = []


def _compile_seccomp():
    # The filter as a BPF program, generated once in the zygote (libseccomp takes milliseconds to
    # generate one); each child then installs it with a single prctl.
    fd = os.memfd_create('bpf')
    with open(fd, 'w+b') as f:
        _seccomp_filter().export_bpf(f)
        f.seek(0)
        code = f.read()

    class _Prog(_ctypes.Structure):
        _fields_ = [('len', _ctypes.c_ushort), ('filter', _ctypes.c_void_p)]
    buf = _ctypes.create_string_buffer(code, len(code))
    prog = _Prog(len(code) // 8, _ctypes.addressof(buf))
    _BPF[:] = [buf, prog, _ctypes.byref(prog)]


def _install_seccomp():
    # PR_SET_NO_NEW_PRIVS, then PR_SET_SECCOMP with SECCOMP_MODE_FILTER: what libseccomp's load() does.
    if not _BPF:
        _compile_seccomp()
    if _LIBC.prctl(38, 1, 0, 0, 0) != 0 or _LIBC.prctl(22, 2, _BPF[2], 0, 0) != 0:
        raise OSError(_get_errno(), 'the seccomp filter could not be installed')


_OPEN_NS = {'__builtins__': {}, '_io_open': io.open, '_std': {'/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2,
             '/dev/fd/0': 0, '/dev/fd/1': 1, '/dev/fd/2': 2, '/proc/self/fd/0': 0, '/proc/self/fd/1': 1,
             '/proc/self/fd/2': 2}, 'isinstance': isinstance, 'str': str}
# The sandbox has no /proc, so the /dev/std* links dangle: open the descriptors themselves. Defined
# in a namespace of its own, so that its __globals__ lead nowhere near the harness.
exec(compile("""
def open(file, *args, **kwargs):
    if isinstance(file, str) and file in _std:
        kwargs['closefd'] = False
        return _io_open(_std[file], *args, **kwargs)
    return _io_open(file, *args, **kwargs)
""", '<sandbox-open>', 'exec'), _OPEN_NS)
_open = _OPEN_NS['open']
_open.__qualname__ = 'open'
del _OPEN_NS


def _fresh_module(job):
    mod = types.ModuleType('__main__')
    mod.__dict__.update(_BASES[job['prelude']])
    mod.__dict__['__builtins__'] = builtins
    sys.modules['__main__'] = mod
    builtins.open = _open
    if 'open' in mod.__dict__:
        mod.__dict__['open'] = _open
    return mod.__dict__


def _user_line(exc):
    """The line of the deepest frame of the solution or tests in exc's traceback (harness only: it
    lifts the frame-introspection ban while it looks)."""
    if isinstance(exc, SyntaxError) and exc.lineno:
        return exc.lineno
    line = None
    flag = _FRAMES_OK[0]
    _FRAMES_OK[0] = True
    try:
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename in ('<solution>', '<tests>'):
                line = tb.tb_lineno
            tb = tb.tb_next
    finally:
        _FRAMES_OK[0] = flag
    return line


def _describe(exc):
    text = type(exc).__name__
    try:
        msg = str(exc)
    except BaseException:
        msg = ''
    if msg:
        text += ': ' + msg
    line = None if isinstance(exc, SyntaxError) else _user_line(exc)
    if line is not None:
        text += ' (line %d)' % line
    return text[:500]


def _status_of(exc):
    if isinstance(exc, MemoryError):
        return 'memory-limit'
    if isinstance(exc, OSError) and exc.errno == 27:
        return 'runtime-error: output limit exceeded'
    if isinstance(exc, RecursionError):
        return 'runtime-error: ' + _describe(exc)
    if isinstance(exc, SystemExit):
        return 'exit'
    return 'runtime-error: ' + _describe(exc)


def _send(fd, obj):
    # A memoryview, so that a long message is not copied again after each partial write.
    view = memoryview((json.dumps(obj) + '\n').encode())
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _flush_std():
    for s in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            s.flush()
        except BaseException:
            pass


def _join_threads():
    th = sys.modules.get('threading')
    if th is None:
        return
    me = th.current_thread()
    for t in th.enumerate():
        if t is not me and not t.daemon:
            try:
                t.join()
            except BaseException:
                pass
`;
