/**
 * Inline mode: what the tests compare, wherever it came from. The value guard checked only what
 * each call returned, so an always-equal object that reached an assertion by another road scored
 * 1: written into a list or dict the tests passed in, set as an attribute by a later method, read
 * as a class attribute, function attribute or module constant, unpacked from the solution's
 * __iter__, handed to the tests' mocks (assert_called_once_with compares those records) or
 * written into assertLogs' output. The operands of every comparison and assertion are now
 * guarded (harness/guard-operands.ts). Honest variants: in-place results, attributes, constants,
 * and mock records compared with call(), ANY, call_args_list and method_calls.
 */
import { describeInlineCases } from '../helpers/inline-cases.js';

describeInlineCases('Python inline mode: the operands of comparisons and assertions', 'python-inline-operands.json');
