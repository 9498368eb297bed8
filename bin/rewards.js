#!/usr/bin/env node
// The `rewards` CLI. isolated-vm (the code verifier's JavaScript sandbox) must not create isolates
// in a process started without --no-node-snapshot, a process flag: re-run this script with it.
// The launcher forwards SIGINT, SIGTERM and SIGHUP to the child and exits as the child did; the
// child also stops when the launcher dies without a signal it could forward (SIGKILL), through
// an IPC channel it watches, so no orphan keeps scoring.
import { spawn } from 'node:child_process';

const hasFlag = process.execArgv.includes('--no-node-snapshot') || (process.env.NODE_OPTIONS ?? '').includes('--no-node-snapshot');
if (!hasFlag && !process.env.REWARDS_NO_REEXEC) {
  const child = spawn(process.execPath, ['--no-node-snapshot', ...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, REWARDS_LAUNCHED: '1' },
  });
  const forward = (sig) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, forward);
  child.on('error', (err) => {
    process.stderr.write(`rewards: cannot start node: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(sig);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
} else {
  if (process.env.REWARDS_LAUNCHED && process.channel) {
    // The launcher is gone (even by SIGKILL): stop as if it had sent SIGTERM.
    process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    process.channel.unref();
  }
  const { main } = await import('../dist/cli/index.js');
  await main();
}
