/**
 * Where `final answer` cues end (`/final\s+answer/gi`, every match), found from the rarest letter:
 * a literal search for `w` / `W` stops far less often than the expression, which tries every
 * `f`. Exactly the ends of a global search with that expression (no match can overlap another).
 */

/** `\s` of a regular expression. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether `word` (ASCII lower case) is written at `at`, in any ASCII case. */
function wordAt(text: string, at: number, word: string): boolean {
  if (at < 0 || at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(at + k);
    if (c !== word.charCodeAt(k) && c + 32 !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Whether a `final answer` match ends with the `answer` whose `w` is at `w`. */
function endsFinalAnswer(text: string, w: number): boolean {
  if (!wordAt(text, w - 3, 'answer')) return false;
  let p = w - 3;
  while (p > 0 && isSpace(text.charCodeAt(p - 1))) p--;
  return p < w - 3 && wordAt(text, p - 5, 'final');
}

/** The ends of the `final answer` cues of `text`, in order. */
export function finalAnswerEnds(text: string): number[] {
  const ends: number[] = [];
  for (let k = text.indexOf('w'); k >= 0; k = text.indexOf('w', k + 1)) if (endsFinalAnswer(text, k)) ends.push(k + 3);
  const upper: number[] = [];
  for (let k = text.indexOf('W'); k >= 0; k = text.indexOf('W', k + 1)) if (endsFinalAnswer(text, k)) upper.push(k + 3);
  return upper.length === 0 ? ends : ends.concat(upper).sort((a, b) => a - b);
}
