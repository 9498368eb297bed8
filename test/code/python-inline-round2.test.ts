/**
 * A second red-team pass on inline mode (tests that share the solution's process) found both
 * ways to score without solving that the integrity check and the value guard missed, and honest
 * solutions they failed. Each case in test/fixtures/python-inline-round2.json is one of those,
 * with the score it must get: 0 for an attack (the real `builtins` or unittest.case's modules
 * rebound, a callable instance shadowing a built-in, a module swapped for a fake or given another
 * class, re._cache swapped for a dict that matches everything, a self-undoing patch run from a
 * generator or a mapping proxy, always-equal items in a deque or dict view, a Fraction whose
 * __slots__ were deleted, the tests' own lambda used as __eq__, SkipTest where the tests only
 * mention skipping in a comment) and 1 for an honest solution (assertRaises, mocks and mock_open
 * the tests make, class-level @patch, data the tests reassign in setUpClass,
 * logging.captureWarnings, namedtuple / IntEnum / array results, classes with a __repr__). The
 * cases named "FP ..." come from a hunt for honest BigCodeBench-style solutions the guards failed:
 * mock.call(...) in the tests, mocks @patch puts in place and what they return, patcher.start(),
 * the tests' own classes (__eq__ only, total_ordering, dataclass), patch.object on the tests' own
 * helper, inspect.signature on a bound method, assertLogs / assertWarns (now run inline).
 */
import { describeInlineCases } from '../helpers/inline-cases.js';

describeInlineCases('Python inline mode, second red-team pass', 'python-inline-round2.json');
