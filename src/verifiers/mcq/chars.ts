/**
 * Character classes as regular expressions (without the `u` flag) see them, for the hand-written
 * walks of the cue and part-marker finders.
 */

/** Character classes of ASCII for the walks: 1 whitespace, 2 word character (`\w`). */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c === 32 || (c >= 9 && c <= 13)) ASCII_CLASS[c] = 1;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) ASCII_CLASS[c] = 2;
}

/** `\w` of a regular expression without the `u` flag. */
export function isWordChar(c: number): boolean {
  return c < 128 && ASCII_CLASS[c] === 2;
}

/** `\s` of a regular expression. */
export function isSpace(c: number): boolean {
  if (c < 128) return ASCII_CLASS[c] === 1;
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A character code in lower case, for ASCII and Latin-1 letters (the cue expression's case folding there). */
export function lowerCode(c: number): number {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c;
}
