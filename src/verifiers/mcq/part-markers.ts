/**
 * Find the part markers of a multi-part answer (`(b) `, `2) ` at a line start, `For (b)`,
 * `the second part`, `Part (b)`: see `PART_MARKER_RE`) exactly as a global search with that
 * expression finds them, without running it over every character (about 4 ns per character).
 *
 * Every marker contains one of: a `)` after a lower-case letter or digit (`(b) `, `2) `,
 * `For (b)`), or a word the scanner finds by its first four letters: `part` (`Part (b)`) or the
 * noun after an ordinal (`second part`, `third case`, `first sub-question`). From each of those
 * the possible starts are read backwards; the sticky expression is tried at each, in increasing
 * order and never before the end of the previous marker, which is what the global search does.
 */
import { isSpace } from './chars.js';
import { PART_MARKER_RE } from './cues.js';
import { MAX_SCAN_CHARS, prefixScanner, type PrefixScanner } from './prefix-scan.js';

/** One marker: where it starts, and its text. */
export interface PartMarker {
  at: number;
  text: string;
}

/** The nouns an ordinal marker ends with, by their first four letters (`sub-question`, `subquestion`). */
const NOUN_PREFIXES = ['part', 'situ', 'case', 'scen', 'ques', 'stat', 'sche', 'cond', 'sub-', 'subq'];
const ORDINALS = ['First', 'first', 'Second', 'second', 'Third', 'third', 'Fourth', 'fourth', '1st', '2nd', '3rd'];
const PART_ID = 0;

const STICKY = new RegExp(PART_MARKER_RE.source, 'y');

let scanner: PrefixScanner | undefined | null = null;

/** Index of the first non-space character at or before `i` going back (i + 1 = no space skipped). */
function backOverSpace(text: string, i: number): number {
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return i;
}

/** Possible marker starts around a `)` at `r`. */
function parenStarts(text: string, r: number, out: number[]): void {
  const c = text.charCodeAt(r - 1);
  const lowerLetter = c >= 97 && c <= 104; // a-h
  const digit = c >= 49 && c <= 57; // 1-9
  if (!lowerLetter && !digit) return;
  if (lowerLetter) {
    // `[\s.;:](b) `, `[\s.;:]b) `, or `(b) `, `b) ` at the very start.
    if (r >= 3) out.push(r - 3);
    if (r >= 2) out.push(r - 2);
    if (r <= 2) out.push(0);
  }
  let j = r - 1;
  if (j > 0 && text.charCodeAt(j - 1) === 40) j--; // optional '('
  if (digit) {
    // `\n[ \t]*(2) ` or the same at the very start.
    let k = j;
    while (k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
    if (k === 0) out.push(0);
    else if (text.charCodeAt(k - 1) === 10) out.push(k - 1);
  }
  // `For (b)`, `For part (b)`.
  const q = backOverSpace(text, j - 1);
  if (q === j - 1) return;
  if (q >= 2) out.push(q - 2);
  if (q >= 3 && text.startsWith('part', q - 3)) {
    const q2 = backOverSpace(text, q - 4);
    if (q2 < q - 4 && q2 >= 2) out.push(q2 - 2);
  }
}

/** Possible marker starts at a `part` or ordinal noun found at `h`. */
function wordStarts(text: string, h: number, id: number, out: number[]): void {
  if (id === PART_ID) out.push(h); // `Part (b)`
  const q = backOverSpace(text, h - 1);
  if (q === h - 1) return;
  for (const o of ORDINALS) if (q + 1 >= o.length && text.startsWith(o, q + 1 - o.length)) out.push(q + 1 - o.length);
}

/** The markers of the global search, the slow way (no WebAssembly, or a text too long to scan). */
function markersByRegex(text: string): PartMarker[] {
  const out: PartMarker[] = [];
  PART_MARKER_RE.lastIndex = 0;
  for (let m = PART_MARKER_RE.exec(text); m; m = PART_MARKER_RE.exec(text)) out.push({ at: m.index, text: m[0] });
  return out;
}

/** Every part marker in the text, left to right, exactly as a global search with `PART_MARKER_RE` finds them. */
export function findPartMarkers(text: string): PartMarker[] {
  if (scanner === null) scanner = prefixScanner(NOUN_PREFIXES);
  if (!scanner || text.length > MAX_SCAN_CHARS) return markersByRegex(text);
  const starts: number[] = [];
  for (let r = text.indexOf(')'); r >= 0; r = text.indexOf(')', r + 1)) parenStarts(text, r, starts);
  const count = scanner.scan(text);
  for (let k = 0; k < 2 * count; k += 2) wordStarts(text, scanner.hits[k]!, scanner.hits[k + 1]!, starts);
  starts.sort((x, y) => x - y);
  const out: PartMarker[] = [];
  let pos = 0;
  let previous = -1;
  for (const s of starts) {
    if (s < pos || s === previous) continue;
    previous = s;
    STICKY.lastIndex = s;
    const m = STICKY.exec(text);
    if (!m) continue;
    out.push({ at: s, text: m[0] });
    pos = s + m[0].length;
  }
  return out;
}
