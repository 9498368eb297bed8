/**
 * Whether the code verifier's Python sandbox can run here (bubblewrap, /usr/bin/python3 and
 * python3-seccomp). Without it the Python-sandbox tests are skipped, and `test/setup/sandbox.ts`
 * prints one line saying what to install, unless REQUIRE_BWRAP=1 (`.ci/run` sets it), which makes
 * them fail instead.
 */
import { describe, it } from 'vitest';
import { sandboxLauncher } from '../../src/verifiers/code/python/bwrap.js';

/** Why the Python sandbox cannot run here, or undefined when it can. */
export const pythonSandboxProblem: string | undefined = sandboxLauncher().error;

/** Run Python-sandbox tests: the sandbox works, or REQUIRE_BWRAP makes its absence a failure. */
export const runPythonSandboxTests = pythonSandboxProblem === undefined || !!process.env.REQUIRE_BWRAP;

/** `describe` for tests that need the Python sandbox. */
export const describePython = describe.runIf(runPythonSandboxTests);

/** `it` for tests that need the Python sandbox. */
export const itPython = it.runIf(runPythonSandboxTests);
