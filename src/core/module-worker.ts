/**
 * Starting a worker thread on a module that sits beside the caller. Built, the module is
 * `NAME.js`; run as TypeScript (tests, development under tsx), Node 20 workers do not inherit the
 * loader, so the worker registers tsx itself before importing `NAME.ts`.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Start a worker on the module `name` (no extension) beside `callerUrl` (the caller's `import.meta.url`). */
export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { ...options, eval: true });
}
