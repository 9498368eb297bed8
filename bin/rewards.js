#!/usr/bin/env node
// The `rewards` CLI. On Node 20, isolated-vm (the code verifier's JavaScript sandbox) needs
// --no-node-snapshot, which only works as a process flag: re-run this script with it.
import { spawnSync } from 'node:child_process';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22 && !process.execArgv.includes('--no-node-snapshot') && !process.env.REWARDS_NO_REEXEC) {
  const r = spawnSync(process.execPath, ['--no-node-snapshot', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { main } = await import('../dist/cli/index.js');
await main();
