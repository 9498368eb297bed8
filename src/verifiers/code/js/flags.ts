/**
 * isolated-vm on Node >= 20 needs the process to run without Node's startup snapshot
 * (`node --no-node-snapshot`, or `NODE_OPTIONS=--no-node-snapshot`): V8 shares read-only heap
 * data between isolates created from different snapshots and may crash at random otherwise.
 * Submissions run in a helper process started with the flag (see remote.ts), whatever this process has.
 */

/** The Node flags the code verifier's JavaScript sandbox needs in the process that runs it. */
export const JS_SANDBOX_NODE_FLAGS: readonly string[] = ['--no-node-snapshot'];

/** True when this process can safely create isolated-vm isolates. */
export function hasNoNodeSnapshot(): boolean {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) return true;
  if (process.execArgv.includes('--no-node-snapshot')) return true;
  return /(^|\s)--no-node-snapshot(\s|$)/.test(process.env.NODE_OPTIONS ?? '');
}
