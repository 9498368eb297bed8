/**
 * Split mode (the tests in a checker process of their own): what the tests may do with a value of
 * the solution's that is not plain data (harness/split-ops.ts). Honest: str, repr, format, len,
 * in, indexing, iteration, next, +, *, unary minus, abs, round, isinstance against the solution's
 * classes, truth where the class defines it, the solution's own exception classes in
 * assertRaises, output captured with redirect_stdout (inline). Attacks: results that lie through
 * str/int subclasses, an always-equal object behind any operator, a lying truth value, metaclass
 * and __class__ spoofing, one shared object made equal to everything (handles have no ==), !=
 * taken for free, differences the solution would answer (abs(d(a, b) - d(b, a)) < 1e-9,
 * 3.14 + -area(1)), and exception names bound to Exception or AssertionError.
 */
import { describeInlineCases } from '../helpers/inline-cases.js';

describeInlineCases('Python split mode: operations on the solution\'s objects', 'python-split-objects.json');
