/**
 * Option letters: the valid set, and the non-Latin forms that mean the same letter.
 */

/** Default valid letters: A to J (MMLU-Pro has ten options). */
export const DEFAULT_LETTERS = 'ABCDEFGHIJ';

/**
 * Letters of other scripts used as option labels, as in simple-evals' multilingual MMLU:
 * Arabic أ ب ج د and Bengali অ ব ড ঢ for A to D. Full-width Ａ..Ｚ are handled by NFKC.
 */
const SCRIPT_LETTERS: Record<string, string> = {
  'أ': 'A',
  'ب': 'B',
  'ج': 'C',
  'د': 'D',
  'অ': 'A',
  'ব': 'B',
  'ড': 'C',
  'ঢ': 'D',
};

/** Map a one-character option label (any script, any case) to its Latin capital, or undefined. */
export function toLatinLetter(ch: string): string | undefined {
  if (/^[A-Za-z]$/.test(ch)) return ch.toUpperCase();
  return SCRIPT_LETTERS[ch];
}

const NON_ASCII = /[^\x00-\x7f]/;
const NodeBuffer = (globalThis as { Buffer?: { byteLength(s: string, encoding: 'utf8'): number } }).Buffer;

/**
 * Whether every character of `s` is ASCII (then folding changes nothing and no cue of another
 * script can occur). Node's UTF-8 byte count answers it natively: one byte per character only
 * for ASCII; elsewhere a regular expression does.
 */
export function isAscii(s: string): boolean {
  return NodeBuffer ? NodeBuffer.byteLength(s, 'utf8') === s.length : !NON_ASCII.test(s);
}

/**
 * Fold the text so that letter patterns match: NFKC (full-width `Ａ（Ｂ）：` become `A(B):`), and
 * the multilingual option letters above become Latin capitals. ASCII text is returned unchanged.
 */
export function foldText(s: string): string {
  return isAscii(s) ? s : foldNonAscii(s);
}

const SCRIPT_LETTER_CHARS = Object.keys(SCRIPT_LETTERS);

/** {@link foldText} for a text already known to have non-ASCII characters (extraction tests that once). */
export function foldNonAscii(s: string): string {
  const n = s.normalize('NFKC');
  // most texts have none of the script letters: a literal search for each is cheaper than the expression
  if (!SCRIPT_LETTER_CHARS.some((c) => n.includes(c))) return n;
  return n.replace(/(?<![\u0600-\u06ff\u0980-\u09ff])[أبجدঅবডঢ](?![\u0600-\u06ff\u0980-\u09ff])/g, (c) => SCRIPT_LETTERS[c] ?? c);
}

/** Validate and normalise a set of valid letters (e.g. `"abcd"` -> `"ABCD"`). Throws on a bad set. */
export function normalizeLetters(letters: unknown): string {
  if (letters === undefined) return DEFAULT_LETTERS;
  if (typeof letters !== 'string' || !/^[A-Za-z]{1,26}$/.test(letters)) {
    throw new TypeError(`letters must be a string of 1 to 26 Latin letters, got ${JSON.stringify(letters)}`);
  }
  const up = letters.toUpperCase();
  if (new Set(up).size !== up.length) throw new TypeError(`letters must not repeat: "${letters}"`);
  return up;
}
