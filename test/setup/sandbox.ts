/**
 * vitest global setup: say once, loudly, when the Python-sandbox tests will be skipped because the
 * sandbox cannot run here, and what to install. With REQUIRE_BWRAP=1 (`.ci/run`) they run and fail.
 */
import { sandboxLauncher } from '../../src/verifiers/code/python/bwrap.js';

export default function setup(): void {
  const problem = sandboxLauncher().error;
  if (problem === undefined) return;
  if (process.env.REQUIRE_BWRAP) {
    process.stderr.write(`\nREQUIRE_BWRAP is set but the Python sandbox cannot run: ${problem}\n\n`);
    return;
  }
  process.stderr.write(
    `\nSKIPPING the Python-sandbox tests: ${problem} (the sandbox needs: apt-get install -y bubblewrap python3 python3-seccomp)\n\n`,
  );
}
