/**
 * Python source of the sandbox zygote, part codec: the plain-data encoding of values that cross
 * between the solution process and the checker (see split.ts).
 *
 * Only exact built-in types cross as values (checked with `type(v) is ...`, recursively, with a
 * depth and size cap); a few immutable or plain-container standard types (Counter, OrderedDict,
 * deque, Fraction, Decimal, complex, bytes) are re-built from their raw fields, which must be
 * exact built-ins too. The LeetCode prelude's ListNode / TreeNode cross as their values. Anything
 * else becomes an opaque handle: the checker sees an object that equals only itself, has no truth
 * value and whose calls go back to the solution. So no subclass, always-equal object or patched
 * dunder of the solution ever reaches a comparison in the checker.
 *
 * Wire form (JSON): None, bools, ints, finite floats and strings as themselves; every other value a
 * list whose first element is a tag: l list, t tuple, s set, z frozenset, d dict (k, v, k, v...),
 * f non-finite float, b bytes, y bytearray, c complex, C Counter, O OrderedDict, q deque,
 * Q Fraction, m Decimal, D defaultdict (of a built-in factory), T date / time / datetime (naive),
 * W timedelta, A array.array, N linked list, R binary tree (level order), r range, K / V / I dict
 * keys / values / items, i an iterator (a lazy result crosses as its items, at most a million),
 * n named tuple (name, fields, values; the receiving side builds its own class), G an int of over
 * 12,800 bits (hex), S slice, h handle (with, for an exception class of the solution, its MRO up to its
 * first built-in class). An int
 * or str enum member crosses as its value.
 */
export const CODEC_SOURCE = String.raw`# ---- plain data between the solution and the checker ----
import collections as _collections, fractions as _fractions, decimal as _decimal, datetime as _datetime, array as _array

_FACTORIES = {'list': list, 'int': int, 'set': set, 'dict': dict, 'str': str, 'float': float, 'tuple': tuple}
_FACTORY_NAMES = {v: k for k, v in _FACTORIES.items()}
_DT = {'date': _datetime.date, 'time': _datetime.time, 'datetime': _datetime.datetime}

_CODEC_DEPTH = 200
_BIG_INT = 1 << 12800
# Items of a lazy result (an iterator) read before it crosses.
_MAX_ITEMS = 1000000

import enum as _enum, itertools as _itertools
_DICT_VIEWS = {type({}.keys()): 'K', type({}.values()): 'V', type({}.items()): 'I'}
_ITERATORS = frozenset((map, filter, zip, enumerate, reversed, type((lambda: (yield))()), type(iter([])), type(iter(())),
                        type(iter(range(0))), type(iter(range(1 << 64))), type(iter('')), type(iter({})), type(iter({}.values())),
                        type(iter({}.items())), type(iter(set())), type(iter(b'')), type(reversed([])),
                        _itertools.chain, _itertools.islice, _itertools.count, _itertools.cycle, _itertools.repeat,
                        _itertools.accumulate, _itertools.starmap, _itertools.takewhile, _itertools.dropwhile,
                        _itertools.compress, _itertools.zip_longest, _itertools.product, _itertools.permutations,
                        _itertools.combinations, _itertools.combinations_with_replacement, _itertools.groupby,
                        _itertools.pairwise, _itertools.filterfalse))
_NAMED = {}
_GENERATOR = type((lambda: (yield))())


def _same(x):
    return x


def _kept(x):
    return True


def _named_tuple(name, fields):
    # This side's own named tuple class for a name and fields (never the other side's class).
    key = (name, tuple(fields))
    cls = _NAMED.get(key)
    if cls is None:
        try:
            cls = _collections.namedtuple(name if name.isidentifier() else 'NamedTuple', fields)
        except ValueError:
            cls = _collections.namedtuple('NamedTuple', fields, rename=True)
        _NAMED[key] = cls
    return cls


class _CodecError(TypeError):
    pass


def _float_out(v):
    if v != v:
        return ['f', 'nan']
    if v in (math.inf, -math.inf):
        return ['f', 'inf' if v > 0 else '-inf']
    return v


_TYPE_MRO = type.__dict__['__mro__'].__get__
_TYPE_MODULE = type.__dict__['__module__'].__get__
_TYPE_QUALNAME = type.__dict__['__qualname__'].__get__


def _exc_chain(cls, handle_of):
    # An exception class's MRO up to its first built-in class, each [module, qualname, handle or
    # None], read with type's own descriptors (never a metaclass's properties); None for a value
    # that is not an exception class.
    try:
        mro = _TYPE_MRO(cls)
    except TypeError:
        return None
    if not any(c is BaseException for c in mro):
        return None
    out = []
    for c in mro[:50]:
        mod, qual = _TYPE_MODULE(c), _TYPE_QUALNAME(c)
        mod = mod[:100] if type(mod) is str else ''
        qual = qual[:100] if type(qual) is str else ''
        if mod == 'builtins':
            out.append([mod, qual, None])
            break
        h = handle_of(c)
        out.append([mod, qual, h if type(h) is int else None])
    return out


def _make_encoder(handle_of, node_classes=(), exc_classes=False):
    """An encoder of values to wire form. handle_of(obj) -> int names an object that cannot cross
    (or None to refuse it); node_classes are the ListNode / TreeNode classes to send as values.
    exc_classes: a handle of an exception class carries its MRO up to its first built-in class
    (module, qualname, handle each), for the checker's stand-in class (split.ts)."""
    dict_items = dict.items
    list_node, tree_node = (node_classes + (None, None))[:2]

    def node_kind(v):
        t = type(v)
        if t is list_node or (t.__name__ == 'ListNode'):
            d = getattr(v, '__dict__', None)
            if type(d) is dict and set(d) == {'val', 'next'}:
                return 'N'
        if t is tree_node or (t.__name__ == 'TreeNode'):
            d = getattr(v, '__dict__', None)
            if type(d) is dict and set(d) == {'val', 'left', 'right'}:
                return 'R'
        return None

    def enc(v, depth):
        t = type(v)
        if v is None or t is bool or t is str:
            return v
        if t is int:
            # Past ~3,900 digits as hex: json.dumps refuses ints over Python's 4,300-digit limit.
            return v if -_BIG_INT < v < _BIG_INT else ['G', format(v, 'x')]
        if t is float:
            return _float_out(v)
        if depth > _CODEC_DEPTH:
            raise _CodecError('value nested too deeply')
        d1 = depth + 1
        if t is list:
            return ['l'] + [enc(x, d1) for x in list.__iter__(v)]
        if t is tuple:
            return ['t'] + [enc(x, d1) for x in tuple.__iter__(v)]
        if t is set:
            return ['s'] + [enc(x, d1) for x in set.__iter__(v)]
        if t is frozenset:
            return ['z'] + [enc(x, d1) for x in frozenset.__iter__(v)]
        if t is _collections.defaultdict:
            f = v.default_factory
            out = ['D', _FACTORY_NAMES.get(f) if f is not None and type(f) is type else None]
            if f is not None and out[1] is None:
                raise _CodecError('a defaultdict with a factory that is not a built-in type')
            for k, x in dict_items(v):
                out.append(enc(k, d1))
                out.append(enc(x, d1))
            return out
        if t in (_datetime.date, _datetime.time, _datetime.datetime):
            if t is not _datetime.date and v.tzinfo is not None:
                raise _CodecError('a %s with a time zone' % t.__name__)
            return ['T', t.__name__, t.isoformat(v)]
        if t is _datetime.timedelta:
            return ['W', v.days, v.seconds, v.microseconds]
        if t is _array.array:
            return ['A', v.typecode, [enc(x, d1) for x in v.tolist()]]
        if t is dict:
            out = ['d']
            for k, x in dict_items(v):
                out.append(enc(k, d1))
                out.append(enc(x, d1))
            return out
        if t is bytes:
            return ['b', v.decode('latin-1')]
        if t is bytearray:
            return ['y', bytes(v).decode('latin-1')]
        if t is complex:
            return ['c', _float_out(v.real), _float_out(v.imag)]
        if t is _collections.Counter or t is _collections.OrderedDict:
            out = ['C' if t is _collections.Counter else 'O']
            for k, x in dict_items(v):
                out.append(enc(k, d1))
                out.append(enc(x, d1))
            return out
        if t is _collections.deque:
            return ['q'] + [enc(x, d1) for x in list(_collections.deque.__iter__(v))]
        if t is _fractions.Fraction:
            n, m = object.__getattribute__(v, '_numerator'), object.__getattribute__(v, '_denominator')
            if type(n) is not int or type(m) is not int:
                raise _CodecError('a Fraction with fields that are not ints')
            return ['Q', n, m]
        if t is _decimal.Decimal:
            return ['m', _decimal.Decimal.__str__(v)]
        if t is range:
            return ['r', v.start, v.stop, v.step]
        if t is slice:
            return ['S', enc(v.start, d1), enc(v.stop, d1), enc(v.step, d1)]
        if t in _DICT_VIEWS:
            tag = _DICT_VIEWS[t]
            items = list(v)
            if tag == 'I':
                return ['I'] + [enc(x, d1) for kv in items for x in kv]
            return [tag] + [enc(x, d1) for x in items]
        if t in _ITERATORS:
            # A lazy result (map, filter, zip, a generator...) crosses as the items it yields, and
            # arrives as an iterator over them.
            items = list(_itertools.islice(v, _MAX_ITEMS + 1))
            if len(items) > _MAX_ITEMS:
                raise _CodecError('an iterator of more than %d items' % _MAX_ITEMS)
            kind = 'g' if t is _GENERATOR else 'm' if t is map else 'f' if t is filter else ''
            return ['i', kind] + [enc(x, d1) for x in items]
        if issubclass(t, int) and issubclass(t, _enum.Enum):
            return int.__int__(v)
        if issubclass(t, str) and issubclass(t, _enum.Enum):
            return str.__str__(v)
        if issubclass(t, tuple):
            fields = t.__dict__.get('_fields')
            if type(fields) is tuple and all(type(f) is str and f.isidentifier() for f in fields) and len(fields) == tuple.__len__(v):
                # A named tuple: its values and field names (the other side builds its own class).
                return ['n', str(t.__name__)[:100], list(fields)] + [enc(x, d1) for x in tuple.__iter__(v)]
        kind = node_kind(v)
        if kind == 'N':
            vals, seen, cur = [], 0, v
            while cur is not None:
                seen += 1
                if seen > 1000000 or node_kind(cur) != 'N':
                    raise _CodecError('a linked list that is cyclic, too long or not made of ListNodes')
                vals.append(enc(cur.__dict__['val'], d1))
                cur = cur.__dict__['next']
            return ['N', vals]
        if kind == 'R':
            vals, queue, i = [], [v], 0
            while i < len(queue):
                node = queue[i]
                i += 1
                if i > 1000000:
                    raise _CodecError('a tree that is cyclic or too large')
                if node is None:
                    vals.append(None)
                    continue
                if node_kind(node) != 'R':
                    raise _CodecError('a tree not made of TreeNodes')
                nd = node.__dict__
                if nd['val'] is None:
                    # Level order writes a missing child as None: such a node would vanish.
                    raise _CodecError('a TreeNode whose value is None')
                vals.append(enc(nd['val'], d1))
                queue.append(nd['left'])
                queue.append(nd['right'])
            while vals and vals[-1] is None:
                vals.pop()
            return ['R', vals]
        h = handle_of(v)
        if h is None:
            raise _CodecError('a value of type %s cannot be passed' % t.__name__)
        if exc_classes:
            chain = _exc_chain(v, handle_of)
            if chain is not None:
                return ['h', h, t.__name__[:100], ['x'] + chain]
        return ['h', h, t.__name__[:100]]

    return lambda v: enc(v, 0)


def _float_in(x):
    t = type(x)
    if t is float or t is int:
        return float(x)
    if t is list and len(x) == 2 and x[0] == 'f' and x[1] in ('nan', 'inf', '-inf'):
        return float(x[1])
    raise _CodecError('bad float')


def _make_decoder(handle, list_node=None, tree_node=None, max_depth=_CODEC_DEPTH):
    """A decoder of wire form back to values. handle(id, type name) gives the object for a handle.
    It makes only values the encoder accepts again (no time zone, no iterator past _MAX_ITEMS), so
    that a value of the solution's that the tests pass back always crosses; the checker decodes
    with max_depth 50 below the encoder's cap, so that only the tests' own nesting (50 levels of
    it) can make such a value too deep. Else the solution could force the inline mode."""

    def pairs(x, d1):
        if len(x) % 2 != 1:
            raise _CodecError('bad mapping')
        return [(dec(x[i], d1), dec(x[i + 1], d1)) for i in range(1, len(x), 2)]

    def dec(x, depth):
        t = type(x)
        if x is None or t is bool or t is int or t is str:
            return x
        if t is float:
            return x
        if t is not list or not x or type(x[0]) is not str:
            raise _CodecError('bad value')
        if depth > max_depth:
            raise _CodecError('value nested too deeply')
        d1 = depth + 1
        tag = x[0]
        if tag == 'l':
            return [dec(y, d1) for y in x[1:]]
        if tag == 't':
            return tuple(dec(y, d1) for y in x[1:])
        if tag == 's':
            return set(dec(y, d1) for y in x[1:])
        if tag == 'z':
            return frozenset(dec(y, d1) for y in x[1:])
        if tag == 'd':
            return dict(pairs(x, d1))
        if tag == 'D' and len(x) >= 2 and (x[1] is None or x[1] in _FACTORIES):
            return _collections.defaultdict(_FACTORIES.get(x[1]), pairs([None] + x[2:], d1))
        if tag == 'T' and len(x) == 3 and x[1] in _DT and type(x[2]) is str and len(x[2]) < 100:
            try:
                v = _DT[x[1]].fromisoformat(x[2])
            except ValueError:
                raise _CodecError('bad date or time') from None
            if type(v) is not _DT[x[1]] or (x[1] != 'date' and v.tzinfo is not None):
                raise _CodecError('a %s with a time zone' % x[1])
            return v
        if tag == 'W' and len(x) == 4 and all(type(y) is int for y in x[1:]):
            return _datetime.timedelta(x[1], x[2], x[3])
        if tag == 'A' and len(x) == 3 and type(x[1]) is str and type(x[2]) is list:
            return _array.array(x[1], [dec(y, d1) for y in x[2]])
        if tag == 'C':
            return _collections.Counter(dict(pairs(x, d1)))
        if tag == 'O':
            return _collections.OrderedDict(pairs(x, d1))
        if tag == 'q':
            return _collections.deque(dec(y, d1) for y in x[1:])
        if tag == 'f':
            return _float_in(x)
        if tag in ('b', 'y') and len(x) == 2 and type(x[1]) is str:
            b = x[1].encode('latin-1')
            return b if tag == 'b' else bytearray(b)
        if tag == 'c' and len(x) == 3:
            return complex(_float_in(x[1]), _float_in(x[2]))
        if tag == 'Q' and len(x) == 3 and type(x[1]) is int and type(x[2]) is int and x[2] != 0:
            return _fractions.Fraction(x[1], x[2])
        if tag == 'm' and len(x) == 2 and type(x[1]) is str and len(x[1]) < 10000:
            return _decimal.Decimal(x[1])
        if tag == 'N' and len(x) == 2 and type(x[1]) is list and list_node is not None:
            return list_node([dec(y, d1) for y in x[1]])
        if tag == 'R' and len(x) == 2 and type(x[1]) is list and tree_node is not None:
            return tree_node([dec(y, d1) for y in x[1]])
        if tag == 'G' and len(x) == 2 and type(x[1]) is str:
            if len(x[1]) >= 100000:
                raise _CodecError('an int of more than 400,000 bits')
            return int(x[1], 16)
        if tag == 'r' and len(x) == 4 and all(type(y) is int for y in x[1:]) and x[3] != 0:
            return range(x[1], x[2], x[3])
        if tag == 'S' and len(x) == 4:
            return slice(dec(x[1], d1), dec(x[2], d1), dec(x[3], d1))
        if tag == 'K':
            return dict.fromkeys(dec(y, d1) for y in x[1:]).keys()
        if tag == 'V':
            return {k: dec(y, d1) for k, y in enumerate(x[1:])}.values()
        if tag == 'I':
            return dict(pairs(x, d1)).items()
        if tag == 'i' and len(x) >= 2 and x[1] in ('g', 'm', 'f', ''):
            if len(x) - 2 > _MAX_ITEMS:
                raise _CodecError('an iterator of more than %d items' % _MAX_ITEMS)
            items = [dec(y, d1) for y in x[2:]]
            # The same kind of iterator where tests check it (isinstance(r, types.GeneratorType)).
            if x[1] == 'g':
                return (y for y in items)
            if x[1] == 'm':
                return map(_same, items)
            if x[1] == 'f':
                return filter(_kept, items)
            return iter(items)
        if tag == 'n' and len(x) >= 3 and type(x[1]) is str and type(x[2]) is list and len(x[2]) == len(x) - 3:
            return _named_tuple(x[1], x[2])(*[dec(y, d1) for y in x[3:]])
        if tag == 'h' and len(x) in (3, 4) and type(x[1]) is int and type(x[2]) is str:
            return handle(x[1], x[2], *x[3:])
        raise _CodecError('bad value tag')

    return lambda x: dec(x, 0)


`;
