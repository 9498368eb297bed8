/**
 * A third red-team pass on inline mode (tests that share the solution's process). Each case in
 * test/fixtures/python-inline-round3.json is an attack that scored 1 before its fix (score 0
 * now) or an honest variant that must keep scoring 1:
 * - F7: the tests' own mocks neutered: an assert_* method set on the mock, on its per-instance
 *   class or on a child of a MagicMock the tests pass; call_count / called forged; the records
 *   reset or cleared; a child swapped for a fresh mock (integrity part: mock_ok). Honest: the
 *   tests reset and reconfigure their mocks, the solution uses children and return values.
 * - F5 / F6: a closure cell of a lambda the tests pass (check()'s k), a helper's __defaults__ or
 *   __kwdefaults__ (watch_fn). Honest: loop variables and nonlocal counters the tests rebind.
 * - F10: the TestCase instance reached through a lambda capturing self: assertEqual shadowed,
 *   _type_equality_funcs rewritten, self.expected replaced (watch_obj). Honest: attributes the
 *   tests set, addTypeEqualityFunc, subTest, data the solution sets on a tests' object.
 * - F11: prelude names the tests use (math, isclose) taken from the solution (refused as in split
 *   mode when ambiguous, else the prelude's).
 * - F12: the reference prompt's helpers (residual) taken from the solution: now the prompt's.
 * - The integrity check now also holds while a module-level check(candidate) runs.
 */
import { describeInlineCases } from '../helpers/inline-cases.js';

describeInlineCases('Python inline mode, third red-team pass', 'python-inline-round3.json');
