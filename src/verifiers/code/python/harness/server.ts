/**
 * Python source of the sandbox zygote, part server: the solution process S of split test_code
 * (see split.ts). It loads the solution under every limit, then answers the checker's requests
 * (names, attributes, calls) with plain data or handles (codec.ts) until its pipe closes. Whatever
 * it writes is only its answers: it has no pipe to the zygote's verdict.
 */
export const SERVER_SOURCE = String.raw`# ---- split test_code: the solution process ----
def _read_line(fd, cap, pending):
    # One line from fd (pending: list of bytes read past earlier lines). None at EOF; raises if the
    # line exceeds cap bytes. Linear: chunks are joined once per line.
    parts = []
    size = 0
    while True:
        if pending:
            chunk = pending.pop()
        else:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return None
        nl = chunk.find(b'\n')
        if nl >= 0:
            parts.append(chunk[:nl])
            if nl + 1 < len(chunk):
                pending.append(chunk[nl + 1:])
            return b''.join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > cap:
            raise _CodecError('a message from the solution is larger than %d bytes' % cap)


import operator as _operator
from math import trunc as _math_trunc, floor as _math_floor, ceil as _math_ceil


def _exact_str(v):
    # str() and repr() pass on a str subclass the solution returns: only its characters cross.
    return str.__str__(v)


def _strict_isinstance(cls, obj):
    # By the classes' own MROs (type's own check): never a metaclass's __instancecheck__, nor an
    # object's claimed __class__.
    return type.__subclasscheck__(cls, type(obj))


def _own_truth(o):
    # The truth value of a value whose class gives it one (__bool__ or __len__, read from its MRO's
    # own dicts); an object that is true only by default (object(), a function) has none here, so
    # that any object at all cannot answer assert is_prime(7).
    for c in _TYPE_MRO(type(o)):
        if c is not object and ('__bool__' in c.__dict__ or '__len__' in c.__dict__):
            return bool(o)
    raise TypeError('a value of the solution of type %s has no truth value here' % type(o).__name__)


def _strict_issubclass(sub, cls):
    if not type.__subclasscheck__(type, type(sub)):
        raise TypeError('issubclass() arg 1 must be a class')
    return type.__subclasscheck__(cls, sub)


# The operations the checker may ask of a value of the solution (split.ts, Remote): each a dunder
# of the value run here, as a call of the solution's method would be, with the built-in that
# coerces its result (str, len, bool...). Never an equality or ordering.
_SOLUTION_OPS = {
    'str': lambda o: _exact_str(str(o)),
    'repr': lambda o: _exact_str(repr(o)),
    'format': lambda o, spec: _exact_str(format(o, spec)),
    'len': len,
    'bool': _own_truth,
    'contains': lambda o, x: bool(x in o),
    'getitem': _operator.getitem,
    'setitem': _operator.setitem,
    'delitem': _operator.delitem,
    'iter': iter,
    'next': next,
    'reversed': reversed,
    'int': int,
    'float': float,
    'index': _operator.index,
    'neg': _operator.neg,
    'pos': _operator.pos,
    'abs': abs,
    'round': lambda o, n: round(o) if n is None else round(o, n),
    'trunc': _math_trunc,
    'floor': _math_floor,
    'ceil': _math_ceil,
    'invert': _operator.invert,
    'isinstance': _strict_isinstance,
    'issubclass': lambda cls, sub: _strict_issubclass(sub, cls),
}
# Only these operators (split-ops.ts _REMOTE_BINARY: never a difference, quotient or remainder).
for _n in ('add', 'mul', 'matmul', 'pow', 'lshift', 'rshift'):
    _f = getattr(_operator, _n)
    _SOLUTION_OPS[_n] = _f
    _SOLUTION_OPS['r' + _n] = (lambda f: lambda o, x: f(x, o))(_f)
    _SOLUTION_OPS['i' + _n] = getattr(_operator, 'i' + _n)
del _n, _f


def _child_solution_server(job, req_fd, msg_fd):
    # S: load the solution, then answer requests until EOF. Anything it writes is only its answers.
    null = os.open('/dev/null', os.O_RDWR)
    _enter_child(job, msg_fd, (null, null, null), keep=(req_fd,))
    import random as rnd
    rnd_getstate = rnd.getstate
    # A solution that reseeds the global generator says so (the checker accepts the states that
    # seed reaches by drawing, see _random_reachable); only the last seed of a call matters.
    seeded = []
    rnd_seed = rnd.seed

    def seed(a=None, version=2):
        seeded.append((a, version))
        return rnd_seed(a, version)
    rnd.seed = seed
    g = _load_solution(job, msg_fd, 'before the tests ran')
    leet = _BASES['leetcode']
    handles = []
    ids = {}

    def handle_of(obj):
        key = id(obj)
        if key in ids:
            return ids[key]
        handles.append(obj)
        ids[key] = len(handles) - 1
        return ids[key]

    def handle(i, name, *info):
        if 0 <= i < len(handles):
            return handles[i]
        raise _CodecError('unknown handle')

    enc = _make_encoder(handle_of, (leet['ListNode'], leet['TreeNode']), exc_classes=True)
    dec = _make_decoder(handle, leet['list_node'], leet['tree_node'])
    _send(msg_fd, {'loaded': True})
    pending = []
    while True:
        line = _read_line(req_fd, 1 << 30, pending)
        if line is None:
            os._exit(0)
        req = json.loads(line)
        op = req['op']
        reply = {}
        try:
            if op == 'names':
                vals = {}
                mods = {}
                base = _BASES[job['prelude']]
                for n in req['names']:
                    if n in g and not (n in base and g[n] is base[n]):
                        v = g[n]
                        if isinstance(v, types.ModuleType):
                            # Only the name: the checker imports the real module itself.
                            mods[n] = str(getattr(v, '__name__', ''))[:200]
                        else:
                            vals[n] = enc(v)
                reply = {'v': vals, 'm': mods}
            elif op == 'attr':
                reply = {'v': enc(getattr(handle(req['h'], ''), req['n']))}
            else:
                if op == 'op':
                    # A dunder of the solution's value (the checker's Remote): run like a call.
                    fn = _SOLUTION_OPS[req['n']]
                    args = [handle(req['h'], '')] + [dec(a) for a in req['a']]
                    kw = {}
                else:
                    fn = handle(req['h'], '')
                    args = [dec(a) for a in req['a']]
                    kw = {k: dec(a) for k, a in req['k'].items()}
                if 'rs' in req:
                    rnd.setstate(dec(req['rs']))
                del seeded[:]
                if op == 'op' and req['n'] == 'next':
                    # The end of the solution's iterator is the iterator protocol's answer, not an
                    # error (any other exception is one).
                    try:
                        reply = {'v': enc(next(args[0]))}
                    except StopIteration:
                        reply = {'v': None, 'stop': True}
                elif op == 'op':
                    reply = {'v': enc(fn(*args))}
                else:
                    out = fn(*args, **kw)
                    back = [enc(a) if type(a) in (list, dict, set, bytearray) else None for a in args]
                    reply = {'v': enc(out), 'back': back}
                if 'rs' in req:
                    reply['rs'] = enc(rnd_getstate())
                    if seeded and seeded[-1][0] is not None:
                        reply['seed'] = enc(list(seeded[-1]))
        except BaseException as e:
            try:
                # The first built-in class in the exception's MRO (binascii.Error -> ValueError).
                name = next((_TYPE_QUALNAME(c) for c in _TYPE_MRO(type(e)) if _TYPE_MODULE(c) == 'builtins'), 'Exception')
                msg = '%s: %s' % (type(e).__name__, e)
                where = [str(_TYPE_MODULE(type(e)))[:100], str(_TYPE_QUALNAME(type(e)))[:100]]
            except BaseException:
                name, msg, where = 'Exception', '', ['', '']
            try:
                # The arguments and attributes, where they are data (the checker builds its own
                # exception of them: KeyError(5), JSONDecodeError's msg, doc and pos).
                args = enc(list(e.args)) if type(e.args) is tuple else None
            except BaseException:
                args = None
            try:
                attrs = enc({k: v for k, v in vars(e).items() if type(k) is str and not k.startswith('_')})
            except BaseException:
                attrs = None
            own = text = None
            try:
                if not _raisable_module(where[0]):
                    # A class of the solution's own: its handle, which names its standard bases (the
                    # checker raises its own stand-in class for it), and its message.
                    own = enc(type(e))
                    text = _exact_str(str(e))[:2000]
            except BaseException:
                own = text = None
            reply = {'e': [str(name)[:100], str(msg)[:300]] + where + [args, attrs, own, text]}
        try:
            data = json.dumps(reply)
        except BaseException as e:
            data = json.dumps({'e': ['ValueError', 'the result cannot be sent']})
        _send_raw(msg_fd, data)


def _send_raw(fd, text):
    data = (text + '\n').encode('utf-8', 'surrogatepass')
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


`;
