/**
 * Python source of the sandbox zygote, part guard-operands: in inline mode the value guard
 * (guard.ts) checks what each call of the tests returns, but an always-equal object reaches an
 * assertion by other roads too: a list the tests passed in and the solution filled in place, an
 * attribute a later method set (c.total), a function attribute, a class attribute or module
 * constant the tests read, items unpacked from an object's __iter__, what the solution passed to
 * the tests' mocks (assert_called_once_with compares those records) or logged into assertLogs.
 * So the tests' comparisons are guarded where they happen:
 * - every operand of a comparison in the tests (==, <, in, ...; not `is`);
 * - every argument of a call of an assertion (a method or function named assert* or fail*:
 *   self.assertEqual(a, b), np.testing.assert_allclose(...));
 * - the receiver of such a method when it is a mock: its records of calls (call_args_list,
 *   mock_calls, method_calls), which hold what the solution handed it;
 * - the expression of a bare `assert x` that is a name, attribute or subscript.
 * Each operand goes through the value guard's object check (no integrity check: that runs after
 * every call). A mock's call records and lists of them are read as the tuples and lists they are.
 */
export const GUARD_OPERANDS_SOURCE = String.raw`# ---- inline mode: the operands of the tests' comparisons and assertions ----
_OPERAND_SLOT = '\x00operand guard\x00'
_RECORDS_SLOT = '\x00mock records guard\x00'


def _written_any(e):
    # ANY, mock.ANY, unittest.mock.ANY as the tests write it (a call(ANY, 'x') the tests build is
    # theirs already: objects the tests make pass the object check).
    if isinstance(e, ast.Name):
        return e.id == 'ANY'
    if isinstance(e, ast.Attribute):
        return e.attr == 'ANY'
    return False


def _is_assertion(name):
    return name.startswith('assert') or name.startswith('fail')


class _WrapOperands(ast.NodeTransformer):
    # Runs before _WrapCalls; the guard calls it adds have a constant as their function, which
    # _WrapCalls leaves as they are.
    def guard(self, e, slot=_OPERAND_SLOT):
        if isinstance(e, ast.Starred):
            e.value = self.guard(e.value, slot)
            return e
        if _written_any(e):
            return e  # the tests' own mock.ANY (m.assert_called_with(ANY, 'x'))
        return ast.copy_location(ast.Call(func=ast.Constant(value=slot), args=[e], keywords=[]), e)

    def visit_Compare(self, node):
        self.generic_visit(node)
        if all(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            return node
        node.left = self.guard(node.left)
        node.comparators = [self.guard(c) for c in node.comparators]
        return node

    def visit_Call(self, node):
        self.generic_visit(node)
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ''
        if not _is_assertion(name):
            return node
        node.args = [self.guard(a) for a in node.args]
        for k in node.keywords:
            k.value = self.guard(k.value)
        if isinstance(f, ast.Attribute):
            f.value = self.guard(f.value, _RECORDS_SLOT)
        return node

    def visit_Assert(self, node):
        self.generic_visit(node)
        if isinstance(node.test, (ast.Name, ast.Attribute, ast.Subscript)):
            node.test = self.guard(node.test)
        return node


def _make_operand_guards(check, reset, mock_mod, mro_of):
    # (operand, records): the functions the two slots are bound to (see _make_checker).
    mock_base = getattr(mock_mod, 'NonCallableMock', None) if mock_mod is not None else None
    get_dict = object.__getattribute__

    def operand(v):
        reset()
        check(v, 0)
        return v

    def records(v):
        # Only a mock's records are read here (self in self.assertEqual is the tests' own).
        if mock_base is not None and any(c is mock_base for c in mro_of(type(v))):
            d = get_dict(v, '__dict__')
            reset()
            for k in ('_mock_call_args_list', '_mock_mock_calls', 'method_calls'):
                r = d.get(k)
                if r is not None:
                    check(r, 0)
        return v
    return operand, records


`;
