/**
 * Start `rewards serve` as a child process from the TypeScript sources (benches and the replica
 * test), and wait until `/readyz` says ready. The child runs with `--no-node-snapshot` directly
 * (no re-exec), so signals sent to it reach the server itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = new URL('../src/cli/index.ts', import.meta.url).href;
const root = fileURLToPath(new URL('..', import.meta.url));

/** A running server process. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** stderr+stdout so far (for failure messages). */
  log(): string;
}

/** Spawn `rewards serve --port PORT ...args` and resolve once it is ready (rejects after `timeoutMs`). */
export async function startServe(port: number, args: string[], timeoutMs = 60_000, env: NodeJS.ProcessEnv = process.env): Promise<ServeProcess> {
  const script = `import(${JSON.stringify(cli)}).then((m) => m.main(['node', 'rewards', ...process.argv.slice(1)]))`;
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', '--eval', script, 'serve', '--port', String(port), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`rewards serve exited with ${child.exitCode}: ${out}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`rewards serve on ${port} not ready after ${timeoutMs} ms: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, port, log: () => out };
}

/** Send `signal` and resolve with the exit code (or signal name) once the process ends. */
export function stopServe(p: ServeProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
  return new Promise((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve(p.child.exitCode ?? p.child.signalCode!);
    p.child.once('exit', (code, sig) => resolve(code ?? sig ?? -1));
    p.child.kill(signal);
  });
}
