#!/usr/bin/env node
// The `rewards` CLI. isolated-vm (the code verifier's JavaScript sandbox) must not create isolates
// in a process started without --no-node-snapshot, a process flag: re-run this script with it.
import { spawnSync } from 'node:child_process';

const hasFlag = process.execArgv.includes('--no-node-snapshot') || (process.env.NODE_OPTIONS ?? '').includes('--no-node-snapshot');
if (!hasFlag && !process.env.REWARDS_NO_REEXEC) {
  const r = spawnSync(process.execPath, ['--no-node-snapshot', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  if (r.signal) process.kill(process.pid, r.signal);
  process.exit(r.status ?? 1);
}
const { main } = await import('../dist/cli/index.js');
await main();
