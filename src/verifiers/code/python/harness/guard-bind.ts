/**
 * Python source of the sandbox zygote, part guard-bind: how inline mode's guards get into the
 * tests' compiled code. `_WrapCalls` rewrites every call of the tests as VALUE(CALLEE(f)(args)); the
 * guards (guard.ts, guard-operands.ts, the integrity baseline) are bound as constants of the code
 * objects by `_bind_value`, never as global names the tests' globals would let a solution rebind.
 */
export const GUARD_BIND_SOURCE = String.raw`class _WrapCalls(ast.NodeTransformer):
    # f(args) -> VALUE(CALLEE(f)(args)): the callee guard sees what the tests call (the integrity
    # check learns the tests' own patches), the value guard what the call returns.
    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Constant):
            return node  # a guard's own call (guard-operands part)
        func = ast.copy_location(ast.Call(func=ast.Constant(value=_CALLEE_SLOT), args=[node.func], keywords=[]), node.func)
        call = ast.copy_location(ast.Call(func=func, args=node.args, keywords=node.keywords), node)
        return ast.copy_location(ast.Call(func=ast.Constant(value=_VALUE_SLOT), args=[call], keywords=[]), node)


# Where each call of the tests goes through the guards: constants of the compiled code, put in
# place by _bind_value (not global names, which the tests' globals, reachable from a lambda the
# tests pass, would let a solution rebind to no-ops).
_VALUE_SLOT = '\x00value guard\x00'
_CALLEE_SLOT = '\x00callee guard\x00'
# After each top-level statement of the tests (children part): the integrity check's baseline
# follows what the tests' module defined so far, so that its checks already hold while the
# module-level check(candidate) runs (they used to start only once the module had finished).
_REBASE_SLOT = '\x00integrity baseline\x00'


def _bind_value(code, value, callee, rebase=None, operand=None, records=None):
    def bind(c):
        if type(c) is str and c == _VALUE_SLOT:
            return value
        if type(c) is str and c == _CALLEE_SLOT:
            return callee
        if type(c) is str and c == _REBASE_SLOT:
            return rebase if rebase is not None else (lambda: None)
        if type(c) is str and c == _OPERAND_SLOT:
            return operand if operand is not None else (lambda v: v)
        if type(c) is str and c == _RECORDS_SLOT:
            return records if records is not None else (lambda v: v)
        return _bind_value(c, value, callee, rebase, operand, records) if type(c) is types.CodeType else c
    return code.replace(co_consts=tuple(bind(c) for c in code.co_consts))


`;
