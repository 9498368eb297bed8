/**
 * Text answers ("Paris", "the mitochondria", `\text{No solution}`) and number words.
 *
 * Normalized string comparison: LaTeX text wrappers (`\text{}`, `\textbf{}`, `\mathrm{}`,
 * `\boxed{}`) and `$` are removed, then the text is lower-cased, accents are stripped,
 * punctuation becomes whitespace, the articles a/an/the are dropped and whitespace is collapsed.
 */

const WRAPPER_RE = /\\(?:text|textbf|textit|textrm|textsf|texttt|textnormal|mathrm|mathbf|mathit|mathsf|mbox|emph|boxed|fbox|operatorname)\s*\{([^{}]*)\}/g;

/** Normalize a text answer for comparison (see the module comment for the rules). */
export function normalizeText(s: string): string {
  let t = s;
  for (let k = 0; k < 4 && WRAPPER_RE.test(t); k++) {
    WRAPPER_RE.lastIndex = 0;
    t = t.replace(WRAPPER_RE, ' $1 ');
  }
  WRAPPER_RE.lastIndex = 0;
  t = t
    .replace(/\\[$%&]/g, ' ')
    .replace(/\\[a-zA-Z]+/g, ' ')
    .replace(/\$/g, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(?:a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return t;
}

/** Whether two text answers are equal after {@link normalizeText}; both must be non-empty. */
export function textEqual(a: string, b: string): boolean {
  const x = normalizeText(a);
  return x.length > 0 && x === normalizeText(b);
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Scale words: `3 million`, `two thousand`. */
export const SCALES: Record<string, bigint> = {
  hundred: 100n, thousand: 1000n, million: 1_000_000n, billion: 1_000_000_000n, trillion: 1_000_000_000_000n,
};

/**
 * Read a number written in words ("three", "twenty-five", "one hundred and two", "3 million").
 * Returns the integer, or `undefined` when the text is not only a number phrase.
 */
export function parseNumberWords(s: string): bigint | undefined {
  const words = s.toLowerCase().replace(/-/g, ' ').replace(/\band\b/g, ' ').trim().split(/\s+/);
  if (words.length === 0 || words.length > 12 || words[0] === '') return undefined;
  let total = 0n;
  let current = 0n;
  let seen = false;
  let negative = false;
  for (const [idx, w] of words.entries()) {
    if (idx === 0 && (w === 'minus' || w === 'negative')) {
      negative = true;
      continue;
    }
    if (w in UNITS) {
      current += BigInt(UNITS[w]!);
      seen = true;
    } else if (/^\d+$/.test(w) && !seen) {
      current += BigInt(w);
      seen = true;
    } else if (w in SCALES) {
      if (!seen) return undefined;
      const scale = SCALES[w]!;
      if (scale === 100n) current = (current === 0n ? 1n : current) * 100n;
      else {
        total += (current === 0n ? 1n : current) * scale;
        current = 0n;
      }
    } else return undefined;
  }
  if (!seen) return undefined;
  const v = total + current;
  return negative ? -v : v;
}

/** Whether a string has at least one number word (used to avoid treating "three" as a text answer). */
export function hasOnlyNumberWords(s: string): boolean {
  return parseNumberWords(s) !== undefined && /[a-z]/i.test(s);
}
