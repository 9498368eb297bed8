/** Python source of the sandbox zygote, part setup: the prelude namespaces, the trusted-class snapshot and the audit-hook guard (limits.ts follows it). */
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


`;
