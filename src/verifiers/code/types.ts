/**
 * Shapes of the code verifier: the reference a dataset gives, the options a caller sets, and the
 * per-test results a sandbox reports.
 */

/** The languages a reference can name (aliases such as `js`, `ts`, `py` are accepted on input). */
export type CodeLanguage = 'javascript' | 'typescript' | 'python';

/** One stdin/stdout test: the program reads `input` on stdin and must print `output`. */
export interface StdioTest {
  input: string;
  output: string;
}

/** One call-based test: `entry_point(...args)` must equal `expected` (after a JSON round trip). */
export interface CallTest {
  args: unknown[];
  expected: unknown;
}

/**
 * The reference of a code sample (DESIGN.md, REF for `code`), in one of three forms:
 * stdin/stdout tests, call-based tests with an `entry_point`, or `test_code` assertions run after
 * the solution.
 */
export type CodeReference =
  | { language: string; tests: StdioTest[] | { inputs: string[]; outputs: string[] } }
  | { language: string; entry_point: string; tests: CallTest[] }
  /**
   * `prompt` (optional): the task's prompt code; its helper definitions (HumanEval/32's `poly`),
   * not the response's, serve the Python tests. `entry_point` names the function the response
   * writes (default: the prompt's last function), which the tests take from the response.
   * `helpers` (optional, JavaScript): trusted code the tests may use (HumanEval-X's `poly`), never
   * the response's definitions of those names.
   */
  | { language: string; test_code: string; prompt?: string; entry_point?: string; helpers?: string };

/** A reference after validation: one explicit `kind`, a canonical language. */
export type NormalizedReference =
  | { kind: 'stdio'; language: CodeLanguage; tests: StdioTest[] }
  | { kind: 'call'; language: CodeLanguage; entryPoint: string; tests: CallTest[] }
  | { kind: 'test_code'; language: CodeLanguage; testCode: string; prompt?: string; entryPoint?: string; helpers?: string };

/** How stdout is compared with the expected output of a stdin/stdout test. */
export type OutputComparison =
  /** LiveCodeBench: strip, compare line by line (each stripped), same line count, tokens equal as decimals. */
  | 'lines'
  /** Whitespace-separated tokens (line breaks do not matter), tokens equal as decimals. */
  | 'tokens'
  /** Byte-for-byte equality. */
  | 'exact';

/** The `pythonPrelude` choices: what is in scope before a Python solution runs. */
export type PythonPrelude = 'lcb' | 'leetcode' | 'none';

/** Options of the code verifier (all optional; they travel to worker threads as plain data). */
export interface CodeOptions {
  /** Wall-clock limit of one test in ms (default 2000). */
  timeLimitMs?: number;
  /**
   * Memory limit in MB: the isolate heap for JavaScript (default 128), the data segment the
   * solution may add to the interpreter's for Python (default 512; thread stacks count).
   */
  memoryLimitMb?: number;
  /** `all` (default): 1 only if every test passes; `fraction`: the share of tests passed. */
  reward?: 'all' | 'fraction';
  /** Stop running tests after the first failure (the rest are `skipped`). Default false. */
  stopAtFirstFailure?: boolean;
  /** Output comparison for stdin/stdout tests (default `lines`, LiveCodeBench's rule). */
  compare?: OutputComparison;
  /**
   * Numbers (output tokens, call results) within this tolerance are equal: absolute or relative,
   * whichever is looser (Kattis `float_tolerance`). Default: exact decimal equality.
   */
  floatTolerance?: number;
  /** Compare output case-sensitively (default true). */
  caseSensitive?: boolean;
  /** Most bytes of stdout a test may print (default 16 MiB); more is a runtime error. */
  maxOutputBytes?: number;
  /** What a Python solution finds in scope: LiveCodeBench's imports (`lcb`, default), those plus LeetCode's ListNode/TreeNode helpers (`leetcode`), or nothing (`none`). */
  pythonPrelude?: PythonPrelude;
  /** Extra processes/threads a Python solution may start (default 8; fork is refused anyway). */
  maxProcesses?: number;
}

/** Options with every default filled in. */
export type ResolvedCodeOptions = Required<Omit<CodeOptions, 'floatTolerance' | 'memoryLimitMb'>> & {
  floatTolerance: number | undefined;
  memoryLimitMb: number | undefined;
};

/**
 * The outcome of one test: `passed`, `wrong-answer`, `timeout`, `memory-limit`,
 * `runtime-error: ...`, `compile-error: ...`, or `skipped` (not run after a failure).
 */
export type TestStatus = string;

/** What a sandbox reports for one stdin/stdout test, before comparison. */
export interface StdioRun {
  /** `ok` when the program ended normally (any printed output is in `stdout`). */
  status: TestStatus;
  stdout: string;
  timeMs?: number;
}

/** What a sandbox reports for one call-based test, before comparison. */
export interface CallRun {
  status: TestStatus;
  /** The result as JSON text (only when `status` is `ok`). */
  json?: string;
  timeMs?: number;
}

/** One entry of `details.tests`. */
export interface TestResult {
  status: TestStatus;
  timeMs?: number;
  /** What the program printed or returned, shortened, for a wrong answer. */
  got?: string;
  /** The failed assertion or the error, shortened. */
  message?: string;
}

/** `details` of a code verdict. */
export interface CodeDetails {
  language: CodeLanguage;
  format: NormalizedReference['kind'];
  passed: number;
  total: number;
  tests: TestResult[];
  /** CPU time the submission used in its sandbox, ms (isolate CPU; Python interpreter and children). */
  cpuMs?: number;
}
