/**
 * Python `str` methods with their Python semantics, for JavaScript strings.
 *
 * Python-vs-JS bridges documented here:
 * - `len()` and indexing count code points; JS counts UTF-16 code units. {@link pyLen},
 *   {@link codePoints} and the slicing helpers work on code points wherever the reference indexes.
 * - `str.split()` with no argument splits on runs of Python whitespace (`str.isspace`, which
 *   includes U+001C..U+001F and U+0085 but not U+FEFF, unlike JS `\s`) and drops empty strings.
 * - `str.strip()` strips Python whitespace; `strip(chars)` strips the given code points.
 * - `str.isupper()/islower()` need at least one cased character and no character of the other
 *   case (or titlecase); JS has no equivalent, so we implement CPython's loop over its tables.
 * - `str.lower()/upper()` use JS `toLowerCase()/toUpperCase()` (both apply the full Unicode
 *   mappings, including final sigma); they can differ only for characters whose case mapping
 *   changed between Unicode 14 (CPython 3.11) and the running Node's Unicode version.
 */
import { isAlnumCp, isAlphaCp, isDigitCp, isLowerCp, isSpaceCp, isTitleCp, isUpperCp } from './pyunicode.js';

/** Python's `string.punctuation`. */
export const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
/** Python's `string.punctuation + ' '` (the set IFBench strips words with). */
export const PUNCTUATION_SPACE = PUNCTUATION + ' ';
/** Python's `string.digits`. */
export const DIGITS = '0123456789';
/** Python's `string.ascii_lowercase`. */
export const ASCII_LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';

/** The code points of `s` as one-character strings (Python's view of a string). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Python `len(s)`: the number of code points. */
export function pyLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n -= 1;
        i += 1;
      }
    }
  }
  return n;
}

/** Python `s[start:stop]` with code point indices and Python's slice rules (negatives, clamping). */
export function pySlice(s: string, start?: number, stop?: number): string {
  const cps = codePoints(s);
  const n = cps.length;
  const norm = (i: number | undefined, dflt: number): number => {
    if (i === undefined) return dflt;
    if (i < 0) return Math.max(0, n + i);
    return Math.min(i, n);
  };
  const a = norm(start, 0);
  const b = norm(stop, n);
  return a < b ? cps.slice(a, b).join('') : '';
}

/** Python `s[i]` for one code point index (negative indices count from the end); undefined when out of range. */
export function pyCharAt(s: string, i: number): string | undefined {
  const cps = codePoints(s);
  return cps[i < 0 ? cps.length + i : i];
}

const cpAt = (s: string, i: number): number => s.codePointAt(i)!;
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** Python `s.split()` (no separator): split on runs of Python whitespace, no empty strings. */
export function splitWhitespace(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    const w = width(cp);
    if (isSpaceCp(cp)) {
      if (start >= 0) {
        out.push(s.slice(start, i));
        start = -1;
      }
    } else if (start < 0) {
      start = i;
    }
    i += w;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

function charSet(chars: string): (cp: number) => boolean {
  const set = new Set<number>();
  for (const c of chars) set.add(c.codePointAt(0)!);
  return (cp) => set.has(cp);
}

function stripWith(s: string, test: (cp: number) => boolean, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  if (left) {
    while (a < b) {
      const cp = cpAt(s, a);
      if (!test(cp)) break;
      a += width(cp);
    }
  }
  if (right) {
    while (b > a) {
      let i = b - 1;
      const low = s.charCodeAt(i);
      if (low >= 0xdc00 && low <= 0xdfff && i > a) {
        const high = s.charCodeAt(i - 1);
        if (high >= 0xd800 && high <= 0xdbff) i -= 1;
      }
      if (!test(cpAt(s, i))) break;
      b = i;
    }
  }
  return s.slice(a, b);
}

/** Python `s.strip(chars)`: strips whitespace when `chars` is undefined, else the given code points. */
export function pyStrip(s: string, chars?: string): string {
  return stripWith(s, chars === undefined ? isSpaceCp : charSet(chars), true, true);
}

/** Python `s.lstrip(chars)`. */
export function pyLstrip(s: string, chars?: string): string {
  return stripWith(s, chars === undefined ? isSpaceCp : charSet(chars), true, false);
}

/** Python `s.rstrip(chars)`. */
export function pyRstrip(s: string, chars?: string): string {
  return stripWith(s, chars === undefined ? isSpaceCp : charSet(chars), false, true);
}

/** Python `s.isupper()`: some cased character, all cased characters uppercase. */
export function pyIsUpper(s: string): boolean {
  let cased = false;
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    if (cp < 128) {
      if (cp >= 97 && cp <= 122) return false;
      if (cp >= 65 && cp <= 90) cased = true;
    } else if (isLowerCp(cp) || isTitleCp(cp)) {
      return false;
    } else if (!cased && isUpperCp(cp)) {
      cased = true;
    }
    i += width(cp);
  }
  return cased;
}

/** Python `s.islower()`: some cased character, all cased characters lowercase. */
export function pyIsLower(s: string): boolean {
  let cased = false;
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    if (cp < 128) {
      if (cp >= 65 && cp <= 90) return false;
      if (cp >= 97 && cp <= 122) cased = true;
    } else if (isUpperCp(cp) || isTitleCp(cp)) {
      return false;
    } else if (!cased && isLowerCp(cp)) {
      cased = true;
    }
    i += width(cp);
  }
  return cased;
}

function every(s: string, test: (cp: number) => boolean): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    if (!test(cp)) return false;
    i += width(cp);
  }
  return true;
}

/** Python `s.isdigit()`. */
export const pyIsDigit = (s: string): boolean => every(s, isDigitCp);
/** Python `s.isalpha()`. */
export const pyIsAlpha = (s: string): boolean => every(s, isAlphaCp);
/** Python `s.isalnum()`. */
export const pyIsAlnum = (s: string): boolean => every(s, isAlnumCp);
/** Python `s.isspace()`. */
export const pyIsSpace = (s: string): boolean => every(s, isSpaceCp);

/** Python `s.translate(str.maketrans('', '', chars))`: remove every code point in `chars`. */
export function removeChars(s: string, chars: string): string {
  const has = charSet(chars);
  let out = '';
  let runStart = 0;
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    const w = width(cp);
    if (has(cp)) {
      out += s.slice(runStart, i);
      runStart = i + w;
    }
    i += w;
  }
  return runStart === 0 ? s : out + s.slice(runStart);
}

/** Python `s.count(sub)`: non-overlapping occurrences (`len(s) + 1` for an empty `sub`). */
export function pyCount(s: string, sub: string): number {
  if (sub.length === 0) return pyLen(s) + 1;
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n += 1;
  return n;
}

/** Python `s.lower()` (see the module note on Unicode versions). */
export const pyLower = (s: string): string => s.toLowerCase();
/** Python `s.upper()`. */
export const pyUpper = (s: string): string => s.toUpperCase();
