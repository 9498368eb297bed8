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

    def handle(i, name):
        if 0 <= i < len(handles):
            return handles[i]
        raise _CodecError('unknown handle')

    enc = _make_encoder(handle_of, (leet['ListNode'], leet['TreeNode']))
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
                fn = handle(req['h'], '')
                args = [dec(a) for a in req['a']]
                kw = {k: dec(a) for k, a in req['k'].items()}
                if 'rs' in req:
                    rnd.setstate(dec(req['rs']))
                del seeded[:]
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
                name = next((c.__name__ for c in type(e).__mro__ if c.__module__ == 'builtins'), 'Exception')
                msg = '%s: %s' % (type(e).__name__, e)
                where = [str(type(e).__module__)[:100], str(type(e).__qualname__)[:100]]
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
            reply = {'e': [str(name)[:100], str(msg)[:300]] + where + [args, attrs]}
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
