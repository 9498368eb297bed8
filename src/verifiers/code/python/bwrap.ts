/**
 * The bubblewrap command line of the Python sandbox and a one-time probe of how it can run here.
 *
 * The sandbox sees only `/usr` (read-only; `/lib*`, `/bin`, `/sbin` as on the host, symlinks or
 * read-only binds), a minimal `/dev`, no `/proc`, no `/tmp`, no `/etc`, no home: nothing writable
 * at all (bubblewrap's tmpfs root and `/dev` are remounted read-only). It has its own user, PID, network (no interfaces but loopback, down), IPC, UTS and cgroup
 * namespaces, a new session, no capabilities, an empty environment, and dies with its parent.
 * When this process runs as root, the sandbox is started as user `nobody` (through `setpriv`) so
 * that RLIMIT_NPROC holds and nothing in it has root's privileges; if unprivileged user namespaces
 * are disabled, it falls back to bubblewrap's privileged mode (still no capabilities inside).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** How to start a sandbox: the executable and the arguments before the sandboxed command. */
export interface SandboxLauncher {
  file: string;
  prefix: string[];
  /** `nobody` (unprivileged user namespace, RLIMIT_NPROC enforced) or `root` (privileged bubblewrap). */
  mode: 'nobody' | 'root' | 'user';
}

/** The interpreter the sandbox runs (Debian's). */
export const PYTHON_BINARY = '/usr/bin/python3';

/**
 * The bubblewrap executable: `$REWARDS_BWRAP` when set (empty: none), else `bwrap` on `PATH`, as a
 * shell would find it (so a machine, or a test, without it on PATH gets the "install bubblewrap"
 * message rather than a sandbox).
 */
export function bwrapPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const forced = env.REWARDS_BWRAP;
  if (forced !== undefined) return forced !== '' && existsSync(forced) ? forced : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, 'bwrap');
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The file-system and namespace arguments of bubblewrap (everything but the command). */
export function bwrapArgs(): string[] {
  const args = [
    '--unshare-all',
    '--die-with-parent',
    '--new-session',
    '--cap-drop', 'ALL',
    '--clearenv',
    '--setenv', 'PATH', '/usr/bin:/bin',
    '--setenv', 'LANG', 'C.UTF-8',
    '--hostname', 'sandbox',
    '--ro-bind', '/usr', '/usr',
    '--dev', '/dev',
  ];
  for (const dir of ['/lib', '/lib64', '/lib32', '/libx32', '/bin', '/sbin']) {
    let st;
    try {
      st = lstatSync(dir);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
    else if (st.isDirectory()) args.push('--ro-bind', dir, dir);
  }
  // The root and /dev are tmpfs mounts bubblewrap made: read-only too, so nothing the sandbox can
  // write survives (or uses host memory) from one test to the next.
  args.push('--remount-ro', '/dev', '--remount-ro', '/', '--chdir', '/');
  return args;
}

let probed: { launcher?: SandboxLauncher; error?: string } | undefined;

/**
 * How sandboxes can be started in this process, found once by starting a trivial one in each
 * mode. Returns an error message when none works (bubblewrap missing, namespaces refused).
 */
export function sandboxLauncher(): { launcher?: SandboxLauncher; error?: string } {
  if (probed) return probed;
  const bwrap = bwrapPath();
  if (!bwrap) {
    probed = { error: 'bubblewrap (bwrap) is not installed; install it with: apt-get install -y bubblewrap' };
    return probed;
  }
  if (!existsSync(PYTHON_BINARY)) {
    probed = { error: `${PYTHON_BINARY} is not installed; install it with: apt-get install -y python3` };
    return probed;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const candidates: SandboxLauncher[] = [];
  if (isRoot && existsSync('/usr/bin/setpriv')) {
    candidates.push({ file: '/usr/bin/setpriv', prefix: ['--reuid=65534', '--regid=65534', '--clear-groups', '--', bwrap], mode: 'nobody' });
  }
  candidates.push({ file: bwrap, prefix: [], mode: isRoot ? 'root' : 'user' });
  const errors: string[] = [];
  for (const c of candidates) {
    const r = spawnSync(c.file, [...c.prefix, ...bwrapArgs(), PYTHON_BINARY, '-I', '-B', '-c', 'import seccomp; print(6*7)'], { encoding: 'utf8', timeout: 20_000 });
    if (r.status === 0 && r.stdout.trim() === '42') {
      probed = { launcher: c };
      return probed;
    }
    if (/No module named .?seccomp/.test(r.stderr ?? '')) {
      probed = { error: "Python's seccomp binding is missing (the sandbox's kernel filter needs it); install it with: apt-get install -y python3-seccomp" };
      return probed;
    }
    errors.push(`${c.mode}: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim().slice(0, 300)}`);
  }
  probed = { error: `bubblewrap cannot start a sandbox here (${errors.join('; ')})` };
  return probed;
}
