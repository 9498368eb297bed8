/**
 * Python source of the sandbox zygote, part names: what the checker reads from the tests' syntax
 * tree before it runs them (split.ts). Which names the tests use and never bind (asked from the
 * solution), which function the tests are about (the candidate: the entry point, or the function
 * each assertion is about), which names they use only as modules, and which test functions they
 * define but leave to a harness to call (HumanEval's check, pytest's test_*). A candidate must be
 * the solution's own; every other name the prelude, the prompt or the built-ins define stays the
 * checker's. Also the namespace the tests start from (_trusted_namespace: the prelude's names and
 * the prompt's helpers, less the entry points), in split mode and in inline mode (children.ts).
 */
export const NAMES_SOURCE = String.raw`# ---- split test_code: reading the tests ----
def _free_names(tree):
    # Names the tests load but never bind at module level (function scopes are not entered for
    # binding: asking the solution for a name a function binds locally is harmless).
    loads, stores = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            loads.add(node.id)
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.ListComp, ast.SetComp,
              ast.DictComp, ast.GeneratorExp)
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            stores.add(node.name)
            continue
        if isinstance(node, scopes):
            continue
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            stores.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for a in node.names:
                stores.add((a.asname or a.name).split('.')[0])
        stack.extend(ast.iter_child_nodes(node))
    return loads - stores


_LEET_HELPERS = ('ListNode', 'TreeNode', 'list_node', 'tree_node', 'is_same_list', 'is_same_tree')


def _check_targets(tree):
    # HumanEval / MBPP / LeetCode tests end with check(candidate): the root name of that argument.
    out = set()
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and node.value.args:
            f = node.value.func
            if isinstance(f, ast.Name) and f.id == 'check':
                a = node.value.args[0]
                while isinstance(a, (ast.Attribute, ast.Call)):
                    a = a.value if isinstance(a, ast.Attribute) else a.func
                if isinstance(a, ast.Name):
                    out.add(a.id)
    return out


def _literal(e):
    # A value written in the tests (2, 'a', [3, 1, 2], -1.5, {'k': (1, 2)}): no name, no call.
    return all(isinstance(n, (ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.UnaryOp, ast.unaryop,
                              ast.expr_context, ast.BinOp, ast.operator)) for n in ast.walk(e))


def _assert_subjects(tree, fixed, helpers=frozenset()):
    # Without an entry point (MBPP's bare asserts, pytest-style test_* functions, unittest methods),
    # the candidates: the function each assertion is about, the first call by name on the way down
    # its first operand that has one (assert median(xs) == 2, assert 120 == factorial(5),
    # self.assertEqual(2, median(xs)), assert not f(x), assert math.isclose(area(2), 12.5),
    # assert set(f(x)) == {1}, assert abs(f(x) - 2) < 1e-9, self.assertEqual(task_func(x), y)).
    # A built-in or a prelude helper (helpers: isclose, median) called on values written in the
    # tests is itself the subject (pow(2, 10), median([3, 1, 2])); called on anything else it
    # wraps the subject (isclose(area(2), pi), abs(f(x) - 2)). A variable leads to what was
    # assigned to it (r = factorial(5); assert r == 120) and to the calls it was handed to on a
    # line of their own (heapify(a); assert a[0] == 1).
    assigned = {}
    handed = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for t in node.targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name):
                        assigned.setdefault(n.id, []).append(node.value)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name) and node.value is not None:
            assigned.setdefault(node.target.id, []).append(node.value)
        elif isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
            assigned.setdefault(node.optional_vars.id, []).append(node.context_expr)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
            for a in node.value.args:
                if isinstance(a, ast.Name):
                    handed.setdefault(a.id, []).append(node.value)

    def subject(e, node, budget):
        # (name, owner) of the first subject down e; budget bounds the walk through variables.
        owner = None
        for _ in range(50):
            if isinstance(e, ast.Compare):
                e = e.left
            elif isinstance(e, ast.UnaryOp):
                e = e.operand
            elif isinstance(e, ast.BinOp):
                e = e.left
            elif isinstance(e, ast.BoolOp):
                e = e.values[0]
            elif isinstance(e, (ast.Subscript, ast.Attribute, ast.Starred)):
                e = e.value
            elif isinstance(e, ast.Name):
                if budget[0] <= 0:
                    break
                budget[0] -= 1
                for v in assigned.get(e.id, []):
                    got = subject(v, None, budget)
                    if got[0] is not None:
                        return got
                for v in handed.get(e.id, []):
                    if v.func.id not in fixed and v.func.id not in builtins.__dict__:
                        return v.func.id, None  # what changed it in place (heapify(a))
                break
            elif isinstance(e, ast.Call):
                f = e.func
                if isinstance(f, ast.Name) and f.id not in fixed:
                    known = f.id in builtins.__dict__ or f.id in helpers
                    if not known or all(_literal(a) for a in e.args) and all(_literal(k.value) for k in e.keywords):
                        return f.id, None
                if owner is None and e is not node and isinstance(f, ast.Attribute):
                    b = f.value
                    while isinstance(b, (ast.Attribute, ast.Call, ast.Subscript)):
                        b = b.func if isinstance(b, ast.Call) else b.value
                    if (isinstance(b, ast.Name) and b.id != 'self' and b.id not in builtins.__dict__ and b.id not in fixed
                            and b.id not in sys.stdlib_module_names):
                        owner = b.id
                if e.args:
                    e = e.args[0]
                elif isinstance(f, ast.Call):
                    e = f  # Solution().method(x): the class
                elif isinstance(f, ast.Attribute):
                    e = f.value
                else:
                    break
            else:
                break
        return None, owner

    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            t = node.test
            while isinstance(t, ast.UnaryOp) and isinstance(t.op, ast.Not):
                t = t.operand
            operands = [t.left] + t.comparators if isinstance(t, ast.Compare) else [t]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr.startswith('assert'):
            operands = [node] + node.args[1:]
        else:
            continue
        # Calculator.add(1, 2) == 3: with no call by name below it, the class the method belongs
        # to is the subject (np.allclose(f(x), y) finds f first).
        owner = None
        for e in operands:
            name, own = subject(e, node, [20])
            if name is not None:
                out.add(name)
                owner = None
                break
            owner = owner or own
        if owner is not None:
            out.add(owner)
    return out


def _namespace_names(tree):
    # Names the tests use only before a dot (np in np.allclose(...)), never on their own.
    dotted = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)}
    names, plain = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            (names if id(node) in dotted else plain).add(node.id)
    return names - plain


def _run_uncalled_tests(ns, tree, entry):
    # HumanEval's raw test field defines check(candidate) and leaves the call to the harness; pytest
    # style defines test_* functions. Run what the tests define but never call themselves.
    # Returns whether check was handed ns[entry].
    # (a call under "if __name__ == '__main__':" never runs here: the tests are not __main__)
    called = set()
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and any(isinstance(n, ast.Name) and n.id == '__name__' for n in ast.walk(node.test)):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            called.add(node.func.id)
        stack.extend(ast.iter_child_nodes(node))
    handed = False
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.name in called:
            continue
        fn = ns.get(node.name)
        if not isinstance(fn, types.FunctionType):
            continue
        if node.name == 'check' and entry and entry in ns:
            handed = True
            fn(ns[entry])
        elif node.name.startswith('test') and not node.args.args:
            fn()
    return handed


def _last_def(source):
    names = [n.name for n in ast.parse(source).body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return names[-1] if names else None


def _candidates(job, tests_tree, entries, own):
    # The names the tests take from the solution as what they judge: the entry points, else the
    # subjects of their assertions among the names they use and never bind (own).
    if entries:
        return set(entries)
    fixed = set(_LEET_HELPERS) if job['prelude'] == 'leetcode' else set()
    return _assert_subjects(tests_tree, fixed, frozenset(_BASES[job['prelude']])) & own


def _undefined_entry(n):
    # An entry point the solution does not define, where a built-in or the prelude would answer.
    return NameError("the tests call '%s', which the solution does not define (the %s one would answer for it)"
                     % (n, 'built-in' if n in builtins.__dict__ else 'prelude\'s'))


def _not_a_module(n):
    # A name the tests use only before a dot, bound by the solution to something not a module.
    return NameError("the tests use '%s' as a module; the solution's '%s' is not one" % (n, n))


def _trusted_namespace(job, tests_tree):
    # The namespace the tests run in, made before the solution runs (split mode's checker, inline
    # mode's children part): the prelude's names and the reference prompt's helpers (HumanEval/32's
    # poly), under __name__ '__tests__', less the entry points the tests take from the solution
    # (entry_point, else the prompt's last function, else the names in check(...)).
    # Returns (namespace, entry, entries, error): error is what reading or running the prompt
    # raised (then entries may be empty), else None; each caller decides when it counts.
    trusted = dict(_BASES[job['prelude']])
    trusted['__name__'] = '__tests__'
    trusted['__builtins__'] = builtins
    error = None
    entry = None
    entries = set()
    try:
        prompt = job.get('prompt')
        entry = job.get('entry') or (_last_def(prompt) if prompt else None)
        entries = {entry} if entry else _check_targets(tests_tree)
        if prompt:
            exec(compile(prompt, '<prompt>', 'exec'), trusted)
    except BaseException as e:
        error = e
    for n in entries:
        trusted.pop(n, None)
    return trusted, entry, entries, error


`;
