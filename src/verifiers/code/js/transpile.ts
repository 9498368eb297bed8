/**
 * Turning a response into a script the isolate can run: TypeScript is transpiled with esbuild
 * (types stripped, not checked; TypeScript 7 has no JS compiler API), and ES module syntax
 * (`import`/`export`) is rewritten to CommonJS so that it runs as a classic script with the
 * sandbox's `require` and `module`. Plain JavaScript without module syntax is left untouched.
 */
import { transformSync } from 'esbuild';

/** The result of preparing source for the isolate. */
export type Prepared = { ok: true; code: string } | { ok: false; error: string };

const MODULE_SYNTAX = /(^|[\n;])\s*(import\s*[\w{*'"]|export\s+|export\s*[{*])/;

/** True when the source uses `import`/`export` statements (a cheap syntactic check). */
export function hasModuleSyntax(code: string): boolean {
  return MODULE_SYNTAX.test(code);
}

/**
 * Prepare `code` for the isolate: transpile TypeScript, rewrite module syntax to CommonJS.
 * A syntax error comes back as `{ ok: false, error }` with esbuild's first message and line.
 */
export function prepareJs(code: string, typescript: boolean): Prepared {
  const esm = hasModuleSyntax(code);
  if (!typescript && !esm) return { ok: true, code };
  try {
    const out = transformSync(code, {
      loader: typescript ? 'ts' : 'js',
      format: esm ? 'cjs' : undefined,
      target: 'es2022',
      sourcefile: typescript ? 'solution.ts' : 'solution.js',
      logLevel: 'silent',
    });
    return { ok: true, code: out.code };
  } catch (err) {
    const e = err as { errors?: { text: string; location?: { line: number } | null }[]; message?: string };
    const first = e.errors?.[0];
    if (first) return { ok: false, error: `SyntaxError: ${first.text}${first.location ? ` (line ${first.location.line})` : ''}` };
    return { ok: false, error: String(e.message ?? err) };
  }
}
