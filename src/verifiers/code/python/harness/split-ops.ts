/**
 * Python source of the sandbox zygote, part split-ops: what the checker of split test_code (see
 * split.ts) does with a value of the solution's that is not plain data.
 *
 * Such a value is a Remote: calling it, reading its attribute or applying one of the operations
 * below asks the solution's process to do it there (server.ts, _SOLUTION_OPS), and the result comes
 * back as data or a new handle. The operations are the dunders a method call could reach anyway
 * (str, repr, format, len, truth where its class defines __bool__ or __len__, membership,
 * indexing, iteration, next, arithmetic, abs, round, conversions to int / float, isinstance against
 * a class of the solution's), each coerced by the built-in in the solution's process and checked
 * here for its exact type (a str subclass, an always-equal int or a lying truth value never
 * crosses). Equality, ordering and hashing are never asked, and a Remote has none of its own (==
 * and != raise, but against None): the solution decides which handle a call returns. Arithmetic
 * is asked only for +, *, **, @, << and >>, and not of a value an operator gave back: a
 * difference, quotient or remainder, between the solution's values or against the tests' expected
 * value (abs(area() - 3.14) < 1e-6, abs(d(a, b) - d(b, a)) < 1e-9, 3.14 + -area()), would let the
 * solution decide that comparison. The truth value is asked only of a value whose class defines __bool__ or __len__
 * (an object true by default would answer assert is_prime(7)). Membership is the solution's
 * answer, coerced to a bool: an always-true __contains__ fails only the tests' negative checks.
 *
 * A class of the solution's that derives from a standard exception arrives as a stand-in: the
 * checker's own subclass (one per class, keeping the solution's chain of its own classes) of the
 * nearest standard base, and an exception of that class the solution raises is re-raised as an
 * instance of it, so assertRaises(InsufficientFunds) and except BadInput work. No stand-in derives
 * from StopIteration, unittest's classes or anything not an Exception.
 */
export const SPLIT_OPS_SOURCE = String.raw`# ---- split test_code: operations on the solution's values ----
def _typed(v, t, what):
    # A result that must be an exact built-in (str(), len(), bool()...).
    if type(v) is not t:
        raise TypeError('%s of a value of the solution gave %s, not %s' % (what, type(v).__name__, t.__name__))
    return v


# The binary operators asked of the solution. Never a difference, quotient or remainder: between
# two of the solution's values (abs(distance(a, b) - distance(b, a)) < 1e-9) as against the tests'
# data (abs(area() - 3.14) < 1e-6), the solution would decide the comparison (its __sub__ says 0).
_REMOTE_BINARY = ('add', 'mul', 'matmul', 'pow', 'lshift', 'rshift')


def _remote_class(call, attr, op):
    # The class of the checker's stand-ins for values of the solution's. call(p, args, kw),
    # attr(p, name) and op(p, name, args) ask the solution's process.

    class Remote:
        # A value of the solution that is not plain data. It has no equality: the solution decides
        # which handle a call returns, so one shared object made Vector(1, 2) + Vector(3, 4) ==
        # Vector(4, 6) and any != true; only 'is' and comparing with None mean anything here.
        # _op: the value came back from an operator, so no further operator is asked of it
        # (-area(1) + 3.14, 4 * area(1) - x would let the solution decide a difference).
        __slots__ = ('_h', '_t', '_op', '__weakref__')

        def __init__(self, h, t):
            object.__setattr__(self, '_h', h)
            object.__setattr__(self, '_t', t)
            object.__setattr__(self, '_op', False)

        def __eq__(self, other):
            if other is None:
                return False
            raise TypeError('a value of the solution of type %s cannot be compared with ==: compare its data (str(), list(), its attributes)' % object.__getattribute__(self, '_t'))

        def __ne__(self, other):
            if other is None:
                return True
            raise TypeError('a value of the solution of type %s cannot be compared with !=: compare its data (str(), list(), its attributes)' % object.__getattribute__(self, '_t'))

        def __hash__(self):
            raise TypeError('a value of the solution of type %s cannot be hashed here' % object.__getattribute__(self, '_t'))

        def __call__(self, *args, **kw):
            return call(self, args, kw)

        def __getattr__(self, name):
            if name.startswith('__'):
                raise AttributeError(name)
            return passed_on(self, attr(self, name))

        def __repr__(self):
            # No fallback text: one that named only the type made two different values print alike
            # (str([parse_point(s)]) == str([Point(5, 6)]) with a __repr__ that raised).
            return _typed(op(self, 'repr', ()), str, 'repr()')

        def __str__(self):
            return _typed(op(self, 'str', ()), str, 'str()')

        def __format__(self, spec):
            return _typed(op(self, 'format', (spec,)), str, 'format()')

        def __bool__(self):
            return _typed(op(self, 'bool', ()), bool, 'bool()')

        def __len__(self):
            return _typed(op(self, 'len', ()), int, 'len()')

        def __contains__(self, x):
            return _typed(op(self, 'contains', (x,)), bool, 'in')

        def __getitem__(self, k):
            return passed_on(self, op(self, 'getitem', (k,)))

        def __setitem__(self, k, v):
            op(self, 'setitem', (k, v))

        def __delitem__(self, k):
            op(self, 'delitem', (k,))

        def __iter__(self):
            # Data (a lazy result crosses as its items) or a handle, whose __next__ asks again.
            return passed_on(self, op(self, 'iter', ()))

        def __next__(self):
            # The solution's StopIteration arrives as op's StopIteration.
            return passed_on(self, op(self, 'next', ()))

        def __reversed__(self):
            return passed_on(self, op(self, 'reversed', ()))

        def __int__(self):
            return _typed(op(self, 'int', ()), int, 'int()')

        def __index__(self):
            return _typed(op(self, 'index', ()), int, '__index__')

        def __float__(self):
            return _typed(op(self, 'float', ()), float, 'float()')

        def __neg__(self):
            return derived(op(self, 'neg', ()))

        def __pos__(self):
            return derived(op(self, 'pos', ()))

        def __abs__(self):
            return derived(op(self, 'abs', ()))

        def __invert__(self):
            return derived(op(self, 'invert', ()))

        def __round__(self, n=None):
            return derived(op(self, 'round', (n,)))

        def __trunc__(self):
            return derived(op(self, 'trunc', ()))

        def __floor__(self):
            return derived(op(self, 'floor', ()))

        def __ceil__(self):
            return derived(op(self, 'ceil', ()))

        def __instancecheck__(self, obj):
            # isinstance(obj, C) for a class C of the solution's: by the classes' own MROs there.
            return _typed(op(self, 'isinstance', (obj,)), bool, 'isinstance()')

        def __subclasscheck__(self, sub):
            return _typed(op(self, 'issubclass', (sub,)), bool, 'issubclass()')

    def derived(v):
        # A value an operator gave back: a Remote of it takes no further operator.
        if type(v) is Remote:
            object.__setattr__(v, '_op', True)
        return v

    def passed_on(source, v):
        # What an item, attribute or iteration of an operator's result gives is marked as well
        # (round(-area(1), 9) or (-area(1))[0], then + 3.14).
        return derived(v) if object.__getattribute__(source, '_op') else v

    def binary(name):
        def method(self, other, mod=None):
            if mod is not None or object.__getattribute__(self, '_op') or (type(other) is Remote and object.__getattribute__(other, '_op')):
                return NotImplemented
            r = op(self, name, (other,))
            if type(other) is not Remote and type(r) is not Remote:
                # With the tests' own data, the solution sees it and could answer anything
                # (area(1) + -3.14159 giving 0.0, area(1) * (1 / 3.14159) giving 1.0): only a value
                # of the solution's own comes back (Vector(1, 2) * 2).
                raise TypeError('an operator between a value of the solution and the tests\' data gave plain data, which the tests cannot judge')
            return derived(r)
        method.__name__ = '__%s__' % name
        return method

    for name in _REMOTE_BINARY:
        setattr(Remote, '__%s__' % name, binary(name))
        setattr(Remote, '__r%s__' % name, binary('r' + name))
        setattr(Remote, '__i%s__' % name, binary('i' + name))
    return Remote


def _stand_in_str(self):
    # The message of the solution's exception (its own __str__), else the standard base's.
    s = self.__dict__.get('_solution_str')
    if type(s) is str:
        return s
    for c in type(self).__mro__:
        f = c.__dict__.get('__str__')
        if f is not None and f is not _stand_in_str:
            return f(self)
    return BaseException.__str__(self)


def _exc_stand_in(h, info, made, handles):
    # The checker's own class for the solution's exception class of handle h, whose MRO (up to its
    # first built-in class, codec.ts _exc_chain) is info; None where there is none to make. made:
    # handle -> class, handles: class -> handle (so that the class crosses back as the handle).
    cls = made.get(h)
    if cls is not None:
        return cls
    if type(info) is not list or len(info) < 2 or info[0] != 'x':
        return None
    links = []
    base = None
    for e in info[1:]:
        if type(e) is not list or len(e) != 3 or type(e[0]) is not str or type(e[1]) is not str:
            return None
        mod, qual, hh = e
        if mod == 'builtins':
            base = _BUILTINS.get(qual)
            break
        if _raisable_module(mod):
            # A standard class the checker has loaded itself (json.JSONDecodeError).
            try:
                c = getattr(sys.modules.get(mod), qual, None)
            except Exception:
                c = None
            if isinstance(c, type) and issubclass(c, BaseException):
                base = c
                break
        if type(hh) is not int:
            return None
        links.append((mod, qual, hh))
    if not (isinstance(base, type) and issubclass(base, Exception)) or issubclass(base, _NOT_RAISED):
        return None
    if not links:
        if base is Exception or base is AssertionError:
            # A name of the solution's bound to a class that catches the tests' own failures
            # (InvalidAgeError = Exception: try: ...; assert False / except InvalidAgeError: pass).
            return None
        made[h] = base
        return base
    if links[0][2] != h:
        return None
    for mod, qual, hh in reversed(links):
        cls = made.get(hh)
        if cls is None:
            name = qual.rpartition('.')[2] or 'Error'
            try:
                cls = type(name, (base,), {'__module__': mod, '__qualname__': qual, '__str__': _stand_in_str})
            except Exception:
                return None
            made[hh] = cls
            handles[cls] = hh
        base = cls
    return base


def _rebuilt(cls, args, attrs, msg):
    # An exception of the checker's own class cls with the solution's arguments and data attributes
    # (JSONDecodeError takes msg, doc, pos but keeps only msg in args); None when it will not build.
    for make in (lambda: cls(*args), lambda: cls.__new__(cls, *args), lambda: cls(str(msg))):
        try:
            exc = make()
            exc.args = args
            if type(attrs) is dict:
                for k, v in attrs.items():
                    if type(k) is str and not k.startswith('_') and k != 'args':
                        setattr(exc, k, v)
            return exc
        except BaseException:
            continue
    return None


def _raise_stand_in(cls, args, attrs, msg, text, handles):
    # Raise the solution's exception as an instance of its stand-in class (nothing if cls is not one).
    if type(cls) is type and cls in handles:
        exc = _rebuilt(cls, args, attrs, msg)
        if exc is not None:
            if type(text) is str:
                exc.__dict__['_solution_str'] = text
            raise exc


`;
