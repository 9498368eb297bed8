/**
 * Python source of the sandbox zygote, part integrity-mocks: the tests' own mocks and patches in
 * inline mode (integrity.ts). `_integrity_mocks` makes, once per run of the tests, the functions that
 * register the patches the tests create (`unittest.mock.patch`, `.object`, `.multiple`), tell the
 * tests' mocks (those they make, those their mocks return, those their patches put in place) from
 * others, and check after each call of the tests that the solution only called those mocks, never
 * changed their machinery (check_mocks / mock_ok: no unittest.mock method or record property set,
 * counters consistent with the records, records only growing, nothing swapped). A factory with its
 * state in closures, not a dict: these run after every call the tests make.
 */
export const INTEGRITY_MOCKS_SOURCE = String.raw`# ---- inline mode: the tests' mocks and patches ----
def _integrity_mocks(tests_objects, stored_attrs, changed):
    # The tests' mocks and patches, for _make_integrity (one set per run of the tests).
    # tests_objects: id -> object the tests made; stored_attrs: the attribute names the tests assign
    # themselves (_tests_stores); changed(what): raises. Returns
    # (mock, factories, mock_makers, call_list_type, mock_mutators, patches, mock_roots, resync,
    #  tests_lists, register, is_mock, tests_mock, own, machinery, by_tests, check_mocks, theirs_called):
    # the state callee() and check() share with these functions, and the functions themselves.
    is_ = operator.is_
    obj_dict = object.__getattribute__
    mock = sys.modules.get('unittest.mock')
    factories = ()
    patch_type = None
    mock_makers = ()
    mock_base = None
    if mock is not None:
        patch_type = mock._patch
        factories = (mock.patch, mock.patch.object, mock.patch.multiple)
        mock_makers = tuple(getattr(mock, n) for n in ('Mock', 'MagicMock', 'NonCallableMock', 'NonCallableMagicMock', 'AsyncMock',
                                                        'PropertyMock', 'mock_open', 'create_autospec') if hasattr(mock, n))
        mock_base = mock.NonCallableMock
    patches = []  # (patch, attribute, getter) of the patches the tests created
    # unittest.mock's machinery: what a mock's instance dict, or its own per-instance class, must
    # not gain (assert_* methods, the call records' properties, __call__).
    machinery_names = frozenset()
    call_list_type = None
    default = None
    if mock is not None:
        names = set()
        mixins = [getattr(mock, n, None) for n in ('CallableMixin', 'MagicMixin', 'AsyncMockMixin', 'AsyncMagicMixin')]
        for c in list(vars(mock).values()):
            # (by identity: mock.ANY equals everything)
            if isinstance(c, type) and (mock_base in _MRO(c) or any(c is x for x in mixins)):
                names.update(k for k in _TYPE_DICT(c) if not k.startswith('__'))
        names.difference_update(('_mock_return_value', '_mock_side_effect', '_lock'))
        names.update(('__call__', '__getattr__', '__getattribute__', '__setattr__', '__delattr__', '__class__', '__dir__'))
        machinery_names = frozenset(names)
        call_list_type = getattr(mock, '_CallList', None)
        default = getattr(mock, 'DEFAULT', None)
    mock_roots = {}   # id -> a mock of the tests' (made by them, or put in place by a patch of theirs)
    mock_state = {}   # id -> what check() compares a mock of the tests' with (see mock_snapshot)
    resync = [False]  # the tests called a method of a mock of theirs (reset_mock): their records are new
    mock_mutators = frozenset(('reset_mock', 'configure_mock', 'attach_mock', 'mock_add_spec', '_mock_add_spec'))
    tests_lists = {}  # id -> a call record the tests edited themselves
    deleted = getattr(mock, '_deleted', None) if mock is not None else None

    def record_of(lst):
        # (the list, its length, its first item): a call record may only grow, the same list.
        if type(lst) is call_list_type:
            return lst, len(lst), lst[0] if lst else None
        return lst, 0, None

    def mock_snapshot(m, d):
        t = type(m)
        ch = d.get('_mock_children')
        return (m, t, len(_TYPE_DICT(t)), len(d), list(d.values()),
                record_of(d.get('_mock_call_args_list')), record_of(d.get('_mock_mock_calls')), record_of(d.get('method_calls')),
                ch, list(ch.values()) if type(ch) is dict else None,
                d.get('_mock_delegate'), d.get('_mock_return_value'), d.get('_mock_wraps'))

    def grew(old, new_list):
        lst, n, first = old
        if new_list is not lst:
            return False
        return type(lst) is not call_list_type or (len(lst) >= n and (n == 0 or lst[0] is first))

    def mock_ok(m, d, old, sync):
        # None, or what the solution changed in a mock of the tests': the mock machinery (assert_*
        # methods, the call records) changes only through real calls.
        t = type(m)
        td = _TYPE_DICT(t)
        if old is not None:
            if t is not old[1]:
                return 'its class'
            if (len(d) == old[3] and len(td) == old[2] and all(map(is_, d.values(), old[4]))
                    and len(d.get('_mock_call_args_list') or ()) == old[5][1] and len(d.get('_mock_mock_calls') or ()) == old[6][1]
                    and len(d.get('method_calls') or ()) == old[7][1]
                    and (old[9] is None or (len(old[8]) == len(old[9]) and all(map(is_, old[8].values(), old[9]))))):
                return False  # nothing was called or set since
        if not machinery_names.isdisjoint(d):
            return 'a method of unittest.mock set on the mock'
        if old is None or len(td) != old[2]:
            # its own class (one per mock) holds the magic methods the tests configure, nothing else
            for k in td:
                if k in machinery_names or not (type(k) is str and k.startswith('__') and k.endswith('__')):
                    return 'its class attribute ' + str(k)
        if d.get('_mock_delegate') is None:
            cl = d.get('_mock_call_args_list')
            if type(cl) is call_list_type and tests_lists.get(id(cl)) is not cl:
                n = d.get('_mock_call_count')
                if 'call_count' not in stored_attrs and (type(n) is not int or n != len(cl)):
                    return 'its call_count'
                if 'called' not in stored_attrs and d.get('_mock_called') is not (len(cl) > 0):
                    return 'its called'
                if 'call_args' not in stored_attrs and d.get('_mock_call_args') is not (cl[-1] if cl else None):
                    return 'its call_args'
        if old is None or sync:
            return None
        if not grew(old[5], d.get('_mock_call_args_list')) and 'call_args_list' not in stored_attrs:
            return 'its call_args_list'
        if not grew(old[6], d.get('_mock_mock_calls')) and 'mock_calls' not in stored_attrs:
            return 'its mock_calls'
        if not grew(old[7], d.get('method_calls')) and 'method_calls' not in stored_attrs:
            return 'its method_calls'
        ch = d.get('_mock_children')
        kids = old[9]
        if ch is not old[8] or (kids is not None and (len(ch) < len(kids) or not all(map(is_, list(ch.values())[:len(kids)], kids)))):
            return 'its children'
        if d.get('_mock_delegate') is not old[10]:
            return 'its delegate'
        if d.get('_mock_return_value') is not old[11] and old[11] is not default and 'return_value' not in stored_attrs:
            return 'its return_value'
        if d.get('_mock_wraps') is not old[12]:
            return 'what it wraps'
        return None

    def check_mocks():
        sync = resync[0]
        resync[0] = False
        for p, attribute, getter in patches:
            pd = p.__dict__
            if 'temp_original' in pd:
                target = pd.get('target')
                got = _static_get(target, attribute) if target is not None else None
                if got is not None and is_mock(got[1]):
                    mock_roots[id(got[1])] = got[1]
        if not mock_roots:
            return
        seen = set()
        stack = list(mock_roots.values())
        budget = 5000
        while stack and budget > 0:
            m = stack.pop()
            if id(m) in seen:
                continue
            seen.add(id(m))
            budget -= 1
            old = mock_state.get(id(m))
            if old is not None and old[0] is not m:
                old = None
            d = obj_dict(m, '__dict__')
            bad = mock_ok(m, d, old, sync)
            if bad is not False:
                if bad is not None:
                    changed("a mock of the tests' (" + bad + ')')
                mock_state[id(m)] = mock_snapshot(m, d)
            ch = d.get('_mock_children')
            if type(ch) is dict:
                for c in ch.values():
                    if c is not deleted and is_mock(c):
                        stack.append(c)
            rv = d.get('_mock_return_value')
            if rv is not default and is_mock(rv):
                stack.append(rv)

    def theirs_called(f):
        # A method of a mock of the tests' that they call themselves (reset_mock, configure_mock):
        # what it changes in their records is theirs.
        def call(*a, **k):
            try:
                return f(*a, **k)
            finally:
                resync[0] = True
        return call

    def register(p):
        if type(p) is patch_type:
            for q in [p] + list(getattr(p, 'additional_patchers', ())):
                if type(q) is patch_type and not any(q is x for x, _, _ in patches):
                    patches.append((q, q.attribute, q.getter))
        return p

    def is_mock(v):
        return mock_base is not None and mock_base in type.__dict__['__mro__'].__get__(type(v))

    def patched_in(v):
        # Whether v is what an active patch of the tests put in place (the mock @patch passes).
        for p, attribute, getter in patches:
            d = p.__dict__
            if 'temp_original' in d and p.attribute == attribute and p.getter is getter:
                target = d.get('target')
                got = _static_get(target, attribute) if target is not None else None
                if got is not None and got[1] is v:
                    return True
        return False

    def tests_mock(v):
        # A mock the tests made or an active patch of theirs put in place, or one made by such a
        # mock (a child, a return value: what smtplib.SMTP(...) returns under @patch).
        for _ in range(100):
            if not is_mock(v):
                return False
            if tests_objects.get(id(v)) is v or patched_in(v):
                return True
            d = object.__getattribute__(v, '__dict__')
            v = d.get('_mock_new_parent') or d.get('_mock_parent')
            if v is None:
                return False
        return False

    def own(r):
        if mock is not None and str(getattr(type(r), '__module__', '')) == 'unittest.mock':
            tests_objects[id(r)] = r
            if is_mock(r):
                mock_roots[id(r)] = r
        return r

    def machinery(f):
        # What the tests call that makes mock objects for them: mock.call and its attributes
        # (call(1), call.connect()), a patch's start(), their own mocks.
        if mock is None:
            return False
        if f is mock.call or type(f) is mock._Call:
            return True
        owner = getattr(f, '__self__', None) if type(f) is types.MethodType else None
        if owner is not None and type(owner) is patch_type and any(owner is p for p, _, _ in patches):
            return True
        return is_mock(f) and tests_mock(f)

    def by_tests(container, name):
        for p, attribute, getter in patches:
            d = p.__dict__
            if ('temp_original' in d and d.get('target') is container and p.attribute == attribute == name
                    and p.getter is getter):
                return True
        return False

    return (mock, factories, mock_makers, call_list_type, mock_mutators, patches, mock_roots, resync,
            tests_lists, register, is_mock, tests_mock, own, machinery, by_tests, check_mocks, theirs_called)


`;
