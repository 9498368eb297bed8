/** Python source of the sandbox zygote, part setup: The prelude namespaces, the trusted-class snapshot, the audit-hook guard, rlimits and small helpers. */
export const SETUP_SOURCE = String.raw`# The Python sandbox's zygote: runs inside bubblewrap as an unprivileged user with no network and a
# read-only file system. It imports the prelude once, says "ready", then reads jobs (JSON lines)
# on fd 0, one at a time; each job runs in a process cloned into fresh user, PID and IPC
# namespaces (isolate part), which runs every test of that one submission in forked children (each
# under CPU / address-space / file size / process rlimits, a seccomp filter and an audit hook) and
# reports one JSON line per test on fd 1. The zygote never runs solution code.
# The expected outputs of stdin/stdout and call-based tests never enter the sandbox: the host
# compares. Only test_code runs assertions here; it passes only if the child reaches the end of the
# tests and reports a secret the solution cannot read.
import ast, builtins, io, json, math, os, resource, select, signal, sys, time, types

_PRELUDE_LCB = (
    "from string import *\nfrom re import *\nfrom datetime import *\nfrom collections import *\n"
    "from heapq import *\nfrom bisect import *\nfrom copy import *\nfrom math import *\n"
    "from random import *\nfrom statistics import *\nfrom itertools import *\nfrom functools import *\n"
    "from operator import *\nfrom io import *\nfrom sys import *\nfrom json import *\n"
    "from builtins import *\nfrom typing import *\nimport string\nimport re\nimport datetime\n"
    "import collections\nimport heapq\nimport bisect\nimport copy\nimport math\nimport random\n"
    "import statistics\nimport itertools\nimport functools\nimport operator\nimport io\nimport sys\n"
    "import json\nsys.setrecursionlimit(50000)\n"
)
_PRELUDE_LEETCODE = _PRELUDE_LCB + '''
class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

def list_node(values):
    dummy = ListNode(0)
    cur = dummy
    for v in values:
        cur.next = ListNode(v)
        cur = cur.next
    return dummy.next

def is_same_list(a, b):
    while a and b:
        if a.val != b.val:
            return False
        a, b = a.next, b.next
    return a is None and b is None

def tree_node(values):
    if not values:
        return None
    root = TreeNode(values[0])
    queue = deque([root])
    i = 1
    while queue and i < len(values):
        node = queue.popleft()
        if i < len(values) and values[i] is not None:
            node.left = TreeNode(values[i])
            queue.append(node.left)
        i += 1
        if i < len(values) and values[i] is not None:
            node.right = TreeNode(values[i])
            queue.append(node.right)
        i += 1
    return root

def is_same_tree(p, q):
    if not p and not q:
        return True
    if not p or not q or p.val != q.val:
        return False
    return is_same_tree(p.left, q.left) and is_same_tree(p.right, q.right)
'''

_BASES = {}
for _name, _src in (('none', ''), ('lcb', _PRELUDE_LCB), ('leetcode', _PRELUDE_LEETCODE)):
    _ns = {'__name__': '__main__', '__builtins__': builtins}
    exec(compile(_src, '<prelude>', 'exec'), _ns)
    _BASES[_name] = _ns
del _name, _src, _ns

_BUILTINS = dict(builtins.__dict__)


def _all_classes():
    seen = set()
    stack = [object]
    while stack:
        c = stack.pop()
        if c in seen:
            continue
        seen.add(c)
        try:
            stack.extend(type.__subclasses__(c))
        except TypeError:
            pass
    return frozenset(seen)


_TRUSTED = _all_classes()
_CORE_MODULES = ('math', 'cmath', 'operator', 'functools', 'itertools', 'collections', 'heapq', 'bisect',
                 'json', 're', 'string', 'copy', 'statistics', 'fractions', 'decimal', 'typing', 'builtins')
_MODULE_SNAPSHOT = {m: dict(vars(sys.modules[m])) for m in _CORE_MODULES if m in sys.modules}
_BLOCKED_EVENTS = ('os.fork', 'os.forkpty', 'os.exec', 'os.posix_spawn', 'os.spawn', 'os.system', 'os.kill',
                   'os.killpg', 'subprocess.', 'pty.', 'socket.', 'ctypes.', 'sys._current_frames', 'sys.settrace',
                   'sys.setprofile', 'gc.get_objects', 'gc.get_referrers', 'gc.get_referents', 'signal.pthread_kill',
                   'code.__new__', 'function.__new__', 'sys.remote_exec', 'os.pidfd_open', 'resource.setrlimit',
                   'resource.prlimit', 'os.setuid', 'os.setgid', 'os.chroot', 'os.unshare', 'os.setns')
_BLOCKED_IMPORTS = frozenset(('ctypes', '_ctypes', 'cffi', '_cffi_backend', '_posixsubprocess', 'multiprocessing',
                              '_multiprocessing', 'subprocess', 'pty', 'socket', '_socket', 'ssl', '_ssl', 'gc',
                              '_testcapi', '_testinternalcapi', 'resource', 'faulthandler', '_xxsubinterpreters'))
_BLOCKED_IMPORTS_EXTRA = set()
_FRAME_ATTRS = frozenset(('tb_frame', 'gi_frame', 'cr_frame', 'ag_frame', 'f_back'))


_FRAMES_OK = [True]
import inspect as _inspect_mod
# inspect.signature's reader of a function's code: it hands back names and defaults, never the code.
_SIGNATURE_CODE = _inspect_mod._signature_from_function.__code__
_CODE_OK = [0]  # the thread of the value guard while it reads a function's code (guard part)
from _thread import get_ident as _thread_ident


def _install_guard():
    blocked = _BLOCKED_EVENTS
    blocked_imports = _BLOCKED_IMPORTS | _BLOCKED_IMPORTS_EXTRA
    frame_attrs = _FRAME_ATTRS
    frames_ok = _FRAMES_OK
    frames_ok[0] = False

    busy = [0]  # the thread running the hook's own reads (another thread gets no pass)
    code_ok = _CODE_OK
    signature_code = _SIGNATURE_CODE
    function_type, code_type = types.FunctionType, types.CodeType

    def bound(code, depth):
        # Whether code (or code nested in it) holds the guards the harness binds into the tests'
        # calls as constants (functions: compiled code never holds one): they lead to the harness.
        for c in code.co_consts:
            if type(c) is function_type or (type(c) is code_type and (depth > 50 or bound(c, depth + 1))):
                return True
        return False

    getframe = sys._getframe
    ident = _thread_ident
    clear_frames_code = __import__('traceback').clear_frames.__code__

    def guard(event, args):
        if event == 'object.__getattr__':
            if args[1] in frame_attrs and not frames_ok[0] and busy[0] != ident():
                if args[1] == 'tb_frame':
                    # traceback.clear_frames only clears them (unittest's assertRaises calls it).
                    busy[0] = ident()
                    try:
                        clearing = getframe(1).f_code is clear_frames_code
                    finally:
                        busy[0] = 0
                    if clearing:
                        return
                raise AttributeError('sandbox: frame introspection is disabled')
            if args[1] == '__code__' and not frames_ok[0] and busy[0] != ident() and code_ok[0] != ident():
                # The solution may read its own functions' code, not the tests' (a lambda the
                # tests pass leads through __globals__ to check.__code__.co_consts: the expected
                # values). Who reads is the frame doing the attribute access (busy: the hook's own
                # reads raise events too); through a library (dis.Bytecode(fn), inspect), a read
                # with solution code anywhere on the stack is on the solution's behalf.
                busy[0] = ident()
                try:
                    frame = getframe(1)
                    reader = frame.f_code.co_filename
                    code = getattr(args[0], '__code__', None)
                    target = getattr(code, 'co_filename', '<solution>')
                    solution = reader == '<solution>'
                    if target == '<tests>' and not solution:
                        for _ in range(500):
                            if frame is None:
                                break
                            if frame.f_code.co_filename == '<solution>':
                                solution = True
                                break
                            frame = frame.f_back
                    # Of the tests' code, the solution's side may read only a callback's: a lambda or
                    # a function nested in another ('<locals>' in its qualified name), or a
                    # module-level helper (BigCodeBench 566 and 570 inspect the signature of the
                    # function the tests pass). Never check(), a module-level test*() nor a method
                    # of a class (a TestCase's test methods, setUp): their constants are the
                    # expected values (a passed lambda's __globals__ lead to all of them). Nor a
                    # callback that makes calls (its constants hold the guards), but for
                    # inspect.signature.
                    if target == '<tests>' and solution:
                        qual = getattr(code, 'co_qualname', '')
                        name = getattr(code, 'co_name', '')
                        callback = type(qual) is str and type(name) is str and (
                            '<locals>' in qual or name == '<lambda>' or
                            ('.' not in qual and name != 'check' and not name.startswith('test')))
                        if callback and type(code) is code_type and bound(code, 0):
                            callback = False
                        # inspect.signature hands back names and defaults only (a bound method of
                        # the tests' class was refused)
                        callback = callback or getframe(1).f_code is signature_code
                    else:
                        callback = True
                    refused = (reader == '<solution>' and target != '<solution>') or not callback
                finally:
                    busy[0] = 0
                if refused:
                    raise AttributeError('sandbox: the code of functions the solution did not write is not readable')
        elif event == 'object.__setattr__':
            if args[1] == '__code__' and not frames_ok[0]:
                raise AttributeError('sandbox: a function\'s code cannot be replaced')
        elif event == 'import':
            if args[0].split('.')[0] in blocked_imports:
                raise ImportError('sandbox: module ' + args[0] + ' is not available')
        elif event == 'sys._getframe':
            if not frames_ok[0] and busy[0] != ident():
                raise ValueError('sandbox: frame introspection is disabled')
        elif event == 'compile':
            if args[1] == '<tests>':
                raise PermissionError('sandbox: reserved file name')
        elif event.startswith(blocked):
            raise PermissionError('sandbox: ' + event + ' is not allowed')

    sys.addaudithook(guard)


import mmap as _mmap  # loaded once here: each job's init measures with it (loading it per job cost ~1 ms)


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
