/**
 * The helpers a JavaScript/TypeScript prompt defines before the function the response writes
 * (HumanEval-X's `poly` above `findZero`). The tests judge with them, so they must be the
 * prompt's, never the solution's: without them every name the tests use that the solution
 * defines answered from the solution, and a solution defining `poly` to return 0 passed
 * `Math.abs(poly(xs, findZero(xs))) < 1e-4`.
 */

/** A top-level declaration of `name` at a line start (function, async/generator function, const/let/var, class). */
function declarationRe(name: string): RegExp {
  const n = name.replace(/[$]/g, '\\$');
  return new RegExp(String.raw`^[ \t]*(?:export[ \t]+)?(?:(?:async[ \t]+)?function[ \t]*\*?[ \t]*${n}\b|(?:const|let|var)[ \t]+${n}[ \t]*(?::[^=\n]*)?=|class[ \t]+${n}\b)`, 'gm');
}

/** Names declared at line starts, in order. */
const ANY_DECLARATION = /^[ \t]*(?:export[ \t]+)?(?:(?:async[ \t]+)?function[ \t]*\*?[ \t]*([A-Za-z_$][\w$]*)|(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]*)?=|class[ \t]+([A-Za-z_$][\w$]*))/gm;

/**
 * The prompt's text before the last declaration of `entry` (default: the prompt's last declared
 * name), when that text declares something; else undefined. The caller still checks that it
 * compiles and runs, and goes on without it when it does not.
 */
export function promptHelpers(prompt: string, entry?: string): string | undefined {
  let name = entry;
  if (name === undefined) {
    for (const m of prompt.matchAll(ANY_DECLARATION)) name = m[1] ?? m[2] ?? m[3];
  }
  if (name === undefined) return undefined;
  let at = -1;
  for (const m of prompt.matchAll(declarationRe(name))) at = m.index;
  if (at <= 0) return undefined;
  const head = prompt.slice(0, at);
  ANY_DECLARATION.lastIndex = 0;
  return ANY_DECLARATION.test(head) ? head : undefined;
}
