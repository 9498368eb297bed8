/**
 * Turning a response into a script the isolate can run: TypeScript is transpiled with esbuild
 * (types stripped, not checked; TypeScript 7 has no JS compiler API), and ES module syntax
 * (`import`/`export`) is rewritten to CommonJS so that it runs as a classic script with the
 * sandbox's `require` and `module`. Plain JavaScript without module syntax is left untouched.
 *
 * esbuild runs as its own process with a deadline, killed when it passes: its time grows faster
 * than linearly with nesting (100k nested parentheses, unary operators or arrows take 5-20 s),
 * and a submission must not get that time outside every limit.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** The result of preparing source for the isolate. */
export type Prepared = { ok: true; code: string } | { ok: false; error: string };

const MODULE_KEYWORD = /import\s*[\w{*'"]|export\s+|export\s*[{*]/g;

/**
 * True when the source uses `import`/`export` statements (a cheap syntactic check): what
 * `/(^|[\n;])\s*(import\s*[\w{*'"]|export\s+|export\s*[{*])/` finds, in linear time (that
 * expression rescans a run of newlines from each of them: 1 MB of blank lines took minutes, on the
 * host, outside every limit). A keyword counts when the blanks before it hold a newline, or follow
 * a `;` or the start of the source.
 */
export function hasModuleSyntax(code: string): boolean {
  MODULE_KEYWORD.lastIndex = 0;
  for (let m = MODULE_KEYWORD.exec(code); m; m = MODULE_KEYWORD.exec(code)) {
    let j = m.index - 1;
    while (j >= 0 && /\s/.test(code[j]!)) {
      if (code[j] === '\n') return true;
      j--;
    }
    if (j < 0 || code[j] === ';') return true;
    MODULE_KEYWORD.lastIndex = m.index + 1; // the match may have eaten the start of the next keyword
  }
  return false;
}

let esbuildPath: string | undefined;
function esbuildBinary(): string {
  esbuildPath ??= process.env.ESBUILD_BINARY_PATH || createRequire(import.meta.url).resolve('esbuild/bin/esbuild');
  return esbuildPath;
}

/** Default deadline of one transpilation (ms). */
export const DEFAULT_TRANSPILE_MS = 10_000;

/**
 * Prepare `code` for the isolate: transpile TypeScript, rewrite module syntax to CommonJS, within
 * `timeoutMs`. A syntax error comes back as `{ ok: false, error }` with esbuild's first message and
 * line; so does a transpilation that runs out of time.
 */
export function prepareJs(source: string, typescript: boolean, timeoutMs = DEFAULT_TRANSPILE_MS): Prepared {
  // A hashbang line is legal only at a script's very start, and the sandbox wraps the program in a
  // function: it becomes a comment (same line count, so error lines still match).
  const code = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  const esm = hasModuleSyntax(code);
  if (!typescript && !esm) return { ok: true, code };
  const args = [`--loader=${typescript ? 'ts' : 'js'}`, '--target=es2022', `--sourcefile=${typescript ? 'solution.ts' : 'solution.js'}`, '--log-level=error', '--color=false'];
  if (esm) args.push('--format=cjs');
  const r = spawnSync(esbuildBinary(), args, { input: code, encoding: 'utf8', timeout: Math.max(1, Math.ceil(timeoutMs)), maxBuffer: 256 << 20, killSignal: 'SIGKILL' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return { ok: false, error: `SyntaxError: transpiling took longer than ${Math.ceil(timeoutMs)} ms (the source nests too deeply?)` };
  }
  if (r.error) throw new Error(`esbuild could not run (${esbuildBinary()}): ${r.error.message}`);
  if (r.status === 0) return { ok: true, code: r.stdout };
  const text = r.stderr ?? '';
  const message = /\[ERROR\] ([^\n]*)/.exec(text)?.[1];
  const line = /solution\.[jt]s:(\d+):\d+:/.exec(text)?.[1];
  if (message) return { ok: false, error: `SyntaxError: ${message}${line ? ` (line ${line})` : ''}` };
  return { ok: false, error: `SyntaxError: esbuild failed (${r.signal ?? r.status}): ${text.slice(0, 200)}` };
}

/** Most transpiled reference sources kept per thread (least recently used dropped first). */
const REFERENCE_CACHE_ENTRIES = 256;
/** Longest reference source the cache takes (characters). */
const REFERENCE_CACHE_MAX_CHARS = 64 << 10;
const referenceCache = new Map<string, Prepared>();

/**
 * {@link prepareJs} for a reference's test code or helpers: the same source comes with every
 * sample of a problem, so its result is kept (esbuild is deterministic, and the source is the
 * dataset's, not the response's). A transpilation that ran out of time is not kept.
 */
export function prepareReferenceJs(code: string, typescript: boolean): Prepared {
  if (!typescript && !hasModuleSyntax(code)) return { ok: true, code };
  const key = `${typescript ? 't' : 'j'}${code}`;
  const hit = referenceCache.get(key);
  if (hit) {
    referenceCache.delete(key);
    referenceCache.set(key, hit);
    return hit;
  }
  const out = prepareJs(code, typescript);
  if (code.length <= REFERENCE_CACHE_MAX_CHARS && (out.ok || !out.error.includes('transpiling took longer'))) {
    referenceCache.set(key, out);
    if (referenceCache.size > REFERENCE_CACHE_ENTRIES) referenceCache.delete(referenceCache.keys().next().value!);
  }
  return out;
}
