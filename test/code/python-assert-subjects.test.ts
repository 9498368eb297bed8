/**
 * Which function an assertion judges, when the reference names no entry point (MBPP's bare
 * asserts, pytest and unittest tests): the first call by name down the first operand that has
 * one, through variables (r = factorial(5); assert r == 120) and calls that change a variable in
 * place (heapify(a)); a built-in or a prelude helper is the subject when it is called on values the
 * tests wrote (pow(2, 10), median([3, 1, 2])) and wraps it otherwise (isclose(area(2), pi)).
 * Each attack in test/fixtures/python-assert-subjects.json scored 1 before: the prelude's or the
 * built-in function answered for the wrong one the solution defined, while another function of the
 * solution satisfied "the tests called the solution"; a redefined isclose judged alone.
 */
import { describeInlineCases } from '../helpers/inline-cases.js';

describeInlineCases('Python test_code: the subject of each assertion', 'python-assert-subjects.json');
