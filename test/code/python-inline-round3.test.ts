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
import { readFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';
import { closePool } from '../../src/index.js';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

interface Case {
  name: string;
  code: string;
  test: string;
  score: number;
  prompt?: string;
  entry_point?: string;
}
const CASES = JSON.parse(readFileSync(new URL('../fixtures/python-inline-round3.json', import.meta.url), 'utf8')) as Case[];

describePython('Python inline mode, third red-team pass', () => {
  for (const c of CASES) {
    itPython(`${c.score ? 'honest' : 'attack'}: ${c.name}`, async () => {
      const ref = {
        language: 'python',
        test_code: c.test,
        ...(c.prompt !== undefined ? { prompt: c.prompt } : {}),
        ...(c.entry_point !== undefined ? { entry_point: c.entry_point } : {}),
      };
      const v = await verifyCode('```python\n' + c.code + '\n```', ref, { timeLimitMs: 5000 });
      const t = (v.details as CodeDetails | undefined)?.tests?.[0];
      expect(v.score, `${t?.status} ${t?.message ?? ''}`).toBe(c.score);
    }, 60_000);
  }
});
