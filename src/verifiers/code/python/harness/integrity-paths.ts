/**
 * Python source of the sandbox zygote, part integrity-paths: the module-level helpers of the inline
 * mode's integrity check (integrity.ts). They read, without running any code of the tests' or the
 * solution's, what check() compares: the attribute paths the tests name, the names they declare
 * global or rebind themselves (_tests_stores), an attribute looked up statically (no descriptor or
 * `__getattr__` runs), the namespace where a function or class looks up what it calls, and the
 * code in a namespace (in order, for the fast path's one pass over its values).
 */
export const INTEGRITY_PATHS_SOURCE = String.raw`# ---- inline mode: the paths and namespaces the tests judge with ----
import operator

# What counts as code in a namespace (a module bound in one may change: matplotlib rebinds its
# backend module lazily; the paths the tests name are compared strictly, modules included).
_CODE_TYPES = (types.FunctionType, types.BuiltinFunctionType, type, staticmethod, classmethod, property,
               types.MethodType)


def _attr_paths(tree):
    # Dotted paths the tests load, as tuples of names: np.testing.assert_array_equal.
    paths = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            parts = []
            n = node
            while isinstance(n, ast.Attribute):
                parts.append(n.attr)
                n = n.value
            if isinstance(n, ast.Name):
                parts.append(n.id)
                paths.add(tuple(reversed(parts)))
    return sorted(paths)


def _declared_global(tree):
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            out.update(node.names)
    return out


def _tests_stores(tree):
    # (attribute names the tests assign or delete anywhere: self.expected = ..., m.return_value = ...;
    # variable names the tests may rebind after a closure captured them: bound twice, in a loop, by
    # a for / with / except target, augmented, or declared nonlocal). What the tests themselves change
    # between their calls; anything else a closure or TestCase instance of theirs holds is judged state.
    attrs, names, counts = set(), set(), {}
    loops = (ast.For, ast.AsyncFor, ast.While, ast.comprehension)

    stack = [(tree, False)]
    while stack:
        node, in_loop = stack.pop()
        if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load):
            attrs.add(node.attr)
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            counts[node.id] = counts.get(node.id, 0) + (2 if in_loop else 1)
        elif isinstance(node, ast.Nonlocal):
            names.update(node.names)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        inner = in_loop or isinstance(node, loops)
        stack.extend((c, inner) for c in ast.iter_child_nodes(node))
    names.update(n for n, c in counts.items() if c > 1)
    return frozenset(attrs), frozenset(names)


_MRO = type.__dict__['__mro__'].__get__
_TYPE_DICT = type.__dict__['__dict__'].__get__


def _static_get(obj, name):
    # (container, value) without running any code of obj's: a module's namespace, or the first class
    # of a class's MRO that defines the name; None for anything else.
    if isinstance(obj, types.ModuleType):
        d = object.__getattribute__(obj, '__dict__')
        v = d.get(name, _MISSING)
        return None if v is _MISSING else (obj, v)
    if isinstance(obj, type):
        for c in _MRO(obj):
            d = _TYPE_DICT(c)
            if name in d:
                return (c, d[name])
    return None


def _home_space(v):
    # The namespace where a function or class looks up the names it calls.
    if type(v) is types.FunctionType:
        return v.__globals__
    if isinstance(v, (type, types.BuiltinFunctionType)):
        m = sys.modules.get(getattr(v, '__module__', None) or '')
        return vars(m) if isinstance(m, types.ModuleType) else None
    if isinstance(v, types.ModuleType):
        return object.__getattribute__(v, '__dict__')
    return None


def _is_code(k, v):
    # A module bound under a public name counts as code too (posixpath.os swapped for a fake made
    # os.path.isabs say yes); under a private one it may change (matplotlib's _backend_mod).
    return isinstance(v, _CODE_TYPES) or (type(k) is str and not k.startswith('_') and isinstance(v, types.ModuleType))


def _code_entries(owner, d):
    # [owner, namespace, its keys and values in order, the keys holding code, the module's type,
    # every key seen]: compared in order on the fast path (one pass over the values, no lookups).
    keys = list(d.keys())
    vals = [d[k] for k in keys]
    code = {k: v for k, v in zip(keys, vals) if _is_code(k, v)}
    return [owner, d, keys, vals, code, type(owner) if isinstance(owner, types.ModuleType) else None, set(keys)]


def _space_owner(d):
    # The module whose namespace d is (a patch names its target module), else None.
    m = sys.modules.get(d.get('__name__', '') if type(d) is dict else '')
    return m if isinstance(m, types.ModuleType) and object.__getattribute__(m, '__dict__') is d else None


# Names whose rebinding is a library's own business, not a judge's: logging.captureWarnings(True)
# rebinds warnings.showwarning, logging.setLoggerClass the logger class.
_REBOUND_OK = frozenset((('warnings', 'showwarning'), ('warnings', '_showwarnmsg_impl'), ('warnings', '_showwarnmsg'),
                         ('logging', '_loggerClass'), ('logging', '_logRecordFactory')))


`;
