/**
 * A second red-team pass on inline mode's object check (guard.ts), after the operand guard:
 * - always-equal objects hidden where the check did not read: a solution class borrowing a
 *   library function (class S(UserString): _h = json.dumps, with an always-equal .data; a list
 *   subclass likewise), a namedtuple the solution made, the values behind a
 *   WeakValueDictionary's weak references, a slice's fields; in results, in exception arguments
 *   and in what the solution handed the tests' mocks;
 * - unittest's own methods' defaults changed (assertAlmostEqual.__defaults__ = (-400, None, None)
 *   passed any two numbers);
 * - honest: a tree with parent pointers and a returned Logger (graphs with cycles ran into the
 *   depth limit; each object is now read once per check).
 */
import { describeInlineCases } from '../helpers/inline-cases.js';

describeInlineCases('Python inline mode, red-team pass on the object check', 'python-inline-round5.json');
