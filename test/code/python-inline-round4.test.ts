/**
 * Inline mode (tests that share the solution's process) must, like split mode, fail tests that
 * never reach the solution. Each attack case in test/fixtures/python-inline-round4.json scored 1
 * before the fix, each honest variant keeps scoring 1:
 * - the prelude's function (median) answering the tests' assertions, or their entry point, for
 *   a response of `pass`;
 * - pytest-style test_* functions and HumanEval's check(candidate) that the tests define and never
 *   call (now run, as in split mode);
 * - tests that take nothing from the solution at all ("the tests never called the solution").
 */
import { describeInlineCases } from '../helpers/inline-cases.js';

describeInlineCases('Python inline mode: tests that never reach the solution', 'python-inline-round4.json');
