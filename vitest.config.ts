import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Says once, on stderr, when the Python-sandbox tests are skipped (no bubblewrap) and what to install.
    globalSetup: ['test/setup/sandbox.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The code verifier's JavaScript sandbox (isolated-vm) needs --no-node-snapshot on Node >= 20
    // in the process that creates isolates: the test processes (vitest's default `forks` pool) and
    // the worker threads they start inherit it.
    execArgv: ['--no-node-snapshot'],
  },
});
