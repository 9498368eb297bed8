/**
 * The allow-list of pure npm modules a JavaScript solution may `require` inside the isolate. Their
 * source is read from this package's dependencies and evaluated inside the isolate as CommonJS:
 * they get no Node built-ins, only the sandbox's shims. Today: `js-md5` (HumanEval-X problem 162),
 * which also backs the sandbox's `crypto.createHash('md5')`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Modules a solution may require, by the name it requires them with. */
export const PURE_MODULES: readonly string[] = ['js-md5'];

const requireHere = createRequire(import.meta.url);
const sources = new Map<string, string>();

function sourceOf(name: string): string {
  let s = sources.get(name);
  if (s === undefined) {
    s = readFileSync(requireHere.resolve(name), 'utf8');
    sources.set(name, s);
  }
  return s;
}

/** Other names that need an allow-listed module: the sandbox's `crypto` shim hashes with js-md5. */
const NEEDED_BY: Record<string, string[]> = { 'js-md5': ['js-md5', 'crypto'] };

/** The sources of the allow-listed modules that `code` may use (only those are sent into the isolate). */
export function modulesFor(...codes: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PURE_MODULES) {
    const triggers = NEEDED_BY[name] ?? [name];
    if (codes.some((c) => triggers.some((t) => c.includes(t)))) out[name] = sourceOf(name);
  }
  return out;
}

/** The sources of every allow-listed module (the reused checker context takes them all once). */
export function allModules(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PURE_MODULES) out[name] = sourceOf(name);
  return out;
}
