/**
 * Find every answer cue of `cues.ts` in a response, left to right, without running the big cue
 * expression over every character.
 *
 * Every Latin-script cue contains an anchor word (`answer`, `option`, `choice`, `\boxed`, `choose`,
 * `determined`, `Antwort`, ...) and starts at most five words before it, each of those words one of
 * {@link LEAD_WORDS}. So the finder locates anchors by their first four letters in one WebAssembly
 * pass (`prefix-scan.ts`, about 1 ns per character against about 6 for the cue expression), walks
 * back over lead words to the possible starts, and runs the sticky cue expression only there. Trying the starts in increasing order, never before the end of the previous cue,
 * gives exactly the matches of a global left-to-right search (the test suite checks this against
 * `CUE_GLOBAL_RE` on the labelled corpus and on generated text).
 */
import { CUE_GLOBAL_RE, CUE_GROUPS, CUE_OTHER_SCRIPTS_RE, cueKind, type CueKind } from './cues.js';
import { isSpace, isWordChar, lowerCode } from './chars.js';
import { MAX_SCAN_CHARS, prefixScanner, type PrefixScanner } from './prefix-scan.js';

/** One cue found: its kind and span. */
export interface CueMatch {
  kind: CueKind;
  at: number;
  end: number;
}

/**
 * An anchor: the 4-character prefix the scanner finds and the words it must begin. `glued`
 * anchors may start inside a word (the cue has no `\b` before them: `Antwort:`, `\boxed{`);
 * `lead` cues start that many letters before the anchor (`Ìdáhùn:`); `goWith` finds `with`
 * and reads the `go` before it (`I go with`).
 */
interface Anchor {
  prefix: string;
  words: readonly string[];
  glued?: boolean;
  lead?: number;
  goWith?: boolean;
}

const ANCHORS: readonly Anchor[] = [
  { prefix: 'answ', words: ['answer'] },
  { prefix: 'opti', words: ['option'] },
  { prefix: 'choi', words: ['choice'] },
  { prefix: 'choo', words: ['choose'] },
  { prefix: '\\box', words: ['\\boxed'], glued: true },
  { prefix: '\\fbo', words: ['\\fbox'], glued: true },
  { prefix: 'pick', words: ['pick'] },
  { prefix: 'sele', words: ['select'] },
  { prefix: 'with', words: ['with'], goWith: true },
  { prefix: 'matc', words: ['match'] },
  { prefix: 'alte', words: ['alternative'] },
  { prefix: 'stat', words: ['statement'] },
  { prefix: 'dete', words: ['determined'] },
  { prefix: 'antw', words: ['antwort'], glued: true },
  { prefix: 'resp', words: ['respuesta', 'resposta'], glued: true },
  { prefix: 'risp', words: ['risposta'], glued: true },
  { prefix: 'repo', words: ['reponse'], glued: true },
  { prefix: 'r\u00e9po', words: ['r\u00e9ponse'], glued: true },
  { prefix: 'jawa', words: ['jawaban'], glued: true },
  { prefix: 'jibu', words: ['jibu'], glued: true },
  { prefix: 'dahu', words: ['dahun'], glued: true, lead: 1 },
  { prefix: 'dah\u00f9', words: ['dah\u00f9n'], glued: true, lead: 1 },
  { prefix: 'd\u00e1hu', words: ['d\u00e1hun'], glued: true, lead: 1 },
  { prefix: 'd\u00e1h\u00f9', words: ['d\u00e1h\u00f9n'], glued: true, lead: 1 },
];

/** The anchors with every field present (one object shape keeps the per-hit code monomorphic). */
const ANCHOR_LIST: readonly Required<Anchor>[] = ANCHORS.map((a) => ({ glued: false, lead: 0, goWith: false, ...a }));

/**
 * The scan also notes where `then` is written (lower case): extraction's conditional check
 * ("if ..., then the answer is (G)") looks for it before each statement, and searching the text
 * for it costs more than the whole scan, since "the" is everywhere.
 */
const THEN = 'then';
const THEN_ID = ANCHOR_LIST.length;

let scanner: PrefixScanner | undefined | null = null;

/**
 * Every word that can stand between a cue's start and its anchor (`the final answer`, `none of
 * the given options`, `I would choose`, `die richtige Antwort`), lower case.
 */
const LEAD_WORDS = new Set([
  'final', 'overall', 'the', 'full', 'complete', 'i', 'would', 'will', "'ll", 'la', 'die', 'richtige', 'a',
  'closest', 'correct', 'right', 'best', 'most', 'appropriate', 'likely', 'accurate', 'suitable', 'plausible',
  'answer', 'to', 'cannot', "can't", 'can', 'not', 'unable', "won't", 'be', 'provide', 'an', 'give', 'select',
  'choose', 'determine', 'none', 'of', 'given', 'provided', 'above', 'listed', 'available', 'present',
  'included', 'in', 'among', "i'd", "i'll",
]);
const MAX_LEAD = 5;
const LONGEST_LEAD = Math.max(...[...LEAD_WORDS].map((w) => w.length));

/** A word's length and first character (ASCII, lower case) as a table index; -1 when no lead word has it. */
function shape(length: number, first: number): number {
  const c = lowerCode(first);
  return length <= LONGEST_LEAD && c < 128 ? length * 128 + c : -1;
}

/** The lead words by {@link shape}, so a token is compared with one or two of them. */
const LEADS_BY_SHAPE: (string[] | undefined)[] = new Array((LONGEST_LEAD + 1) * 128);
for (const word of LEAD_WORDS) (LEADS_BY_SHAPE[shape(word.length, word.charCodeAt(0))] ??= []).push(word);

const SPACE = 32;
const APOSTROPHE = 39;

/** Whether `word` (lower case) is written at `at`, in any case. */
function wordAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) if (lowerCode(text.charCodeAt(at + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether the text from `from` to `to` is a lead word, in any case. */
function isLead(text: string, from: number, to: number): boolean {
  const key = shape(to - from, text.charCodeAt(from));
  const words = key < 0 ? undefined : LEADS_BY_SHAPE[key];
  if (!words) return false;
  for (const word of words) if (wordAt(text, from, word)) return true;
  return false;
}

/** Start of the run of word characters that ends at `q`. */
function runStart(text: string, q: number): number {
  let s = q;
  while (s > 0 && isWordChar(text.charCodeAt(s - 1))) s--;
  return s;
}

/**
 * Where the lead word that ends at `q` starts, or -1. Lead words are letters ("the"), letters
 * with an apostrophe inside ("can't") or after one ("'ll"), and begin at a word boundary.
 */
function leadStart(text: string, q: number): number {
  const ws = runStart(text, q);
  if (ws === q) return -1;
  if (isLead(text, ws, q)) return ws;
  if (ws === 0 || text.charCodeAt(ws - 1) !== APOSTROPHE) return -1;
  const before = runStart(text, ws - 1);
  if (before < ws - 1 && isLead(text, before, q)) return before; // can't, won't
  if (before === ws - 1 && isLead(text, ws - 1, q)) return ws - 1; // 'll
  return -1;
}

/**
 * The possible cue starts before an anchor word starting at `w`, written to `out` from index
 * `n` (latest first): the start of each lead word before it, walking back over whitespace.
 * Returns the new count.
 */
function leadStarts(text: string, w: number, out: Int32Array, n: number): number {
  let p = w;
  for (let k = 0; k < MAX_LEAD; k++) {
    let q = p;
    while (q > 0 && isSpace(text.charCodeAt(q - 1))) q--;
    if (q === p || q === 0) return n;
    const start = leadStart(text, q);
    if (start < 0) return n;
    out[n++] = start;
    p = start; // an earlier word joins only across whitespace (checked at the top)
  }
  return n;
}

/** Write the possible cue starts for an anchor hit at `i` to `out` (latest first); returns their number. */
function anchorStarts(text: string, i: number, anchor: Required<Anchor>, out: Int32Array): number {
  let w = i;
  if (anchor.goWith) {
    // "go with": the anchor word is the "go" before the whitespace before "with".
    let q = i;
    while (q > 0 && isSpace(text.charCodeAt(q - 1))) q--;
    if (q === i || q < 2 || !wordAt(text, q - 2, 'go')) return 0;
    w = q - 2;
  } else {
    let found = false;
    for (const word of anchor.words) found ||= wordAt(text, i, word);
    if (!found) return 0;
  }
  if (anchor.lead) {
    if (w < anchor.lead) return 0;
    out[0] = w - anchor.lead;
    return 1;
  }
  const before = w > 0 ? text.charCodeAt(w - 1) : SPACE;
  if (!anchor.glued && isWordChar(before)) return 0; // inside a longer word: no cue has a \b there
  out[0] = w;
  return isSpace(before) ? leadStarts(text, w, out, 1) : 1;
}

/** Scratch space for one hit's starts: the anchor word and at most {@link MAX_LEAD} lead words. */
const STARTS = new Int32Array(MAX_LEAD + 1);

/** Each cue kind's pattern, sticky and case-insensitive, in the order they are tried. */
const GROUP_RES = CUE_GROUPS.map((g) => new RegExp(g.source, 'iy'));
const ALL_GROUPS = CUE_GROUPS.map((_, k) => k);

/** For each ASCII character (lower-cased), the cue kinds that can begin with it, in order. */
const GROUPS_BY_FIRST: number[][] = Array.from({ length: 128 }, (_, c) =>
  ALL_GROUPS.filter((k) => CUE_GROUPS[k]!.first.includes(String.fromCharCode(lowerCode(c)))),
);

/**
 * The cue that starts exactly at `s`, or undefined. The same as the combined sticky expression
 * (whose alternatives are the kinds in this order), but only the kinds that can begin with the
 * character at `s` are tried, and `test` spares building a match array.
 */
function cueAt(text: string, s: number): CueMatch | undefined {
  const c = text.charCodeAt(s);
  for (const k of c < 128 ? GROUPS_BY_FIRST[c]! : ALL_GROUPS) {
    const re = GROUP_RES[k]!;
    re.lastIndex = s;
    if (re.test(text)) return { kind: CUE_GROUPS[k]!.kind, at: s, end: re.lastIndex };
  }
  return undefined;
}

/** The cues of the global expression, the slow way (no WebAssembly, or a text too long to scan). */
function findCuesByRegex(text: string): CueMatch[] {
  const out: CueMatch[] = [];
  CUE_GLOBAL_RE.lastIndex = 0;
  for (let m = CUE_GLOBAL_RE.exec(text); m; m = CUE_GLOBAL_RE.exec(text)) {
    out.push({ kind: cueKind(m), at: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The cues of a text, and where it says `then` (undefined when the slow path ran and did not look). */
export interface CueScan {
  cues: CueMatch[];
  thens: number[] | undefined;
}

/** The Latin-script cues, in order, exactly as a global search with `CUE_GLOBAL_RE` finds them. */
export function findLatinCues(text: string): CueMatch[] {
  return scanLatin(text).cues;
}

/** The Latin-script cues and the `then`s, from one prefix scan (or the global search where it cannot run). */
function scanLatin(text: string): CueScan {
  if (scanner === null) scanner = prefixScanner([...ANCHORS.map((a) => a.prefix), THEN]);
  if (!scanner || text.length > MAX_SCAN_CHARS) return { cues: findCuesByRegex(text), thens: undefined };
  const count = scanner.scan(text);
  const hits = scanner.hits;
  const cues: CueMatch[] = [];
  const thens: number[] = [];
  let pos = 0;
  // Hits come in text order; each hit's starts are written latest first and tried earliest
  // first. A hit inside the previous cue has no start at or after its end.
  for (let k = 0; k < 2 * count; k += 2) {
    if (hits[k + 1] === THEN_ID) {
      if (text.startsWith(THEN, hits[k])) thens.push(hits[k]!);
      continue;
    }
    if (hits[k]! < pos) continue;
    const n = anchorStarts(text, hits[k]!, ANCHOR_LIST[hits[k + 1]!]!, STARTS);
    for (let j = n - 1; j >= 0; j--) {
      const s = STARTS[j]!;
      if (s < pos) continue;
      const cue = cueAt(text, s);
      if (!cue) continue;
      pos = cue.end;
      cues.push(cue);
    }
  }
  return { cues, thens };
}

/** Every cue in the text, Latin-script and (when it has non-ASCII characters) other scripts, in order. */
export function findCues(text: string, nonAscii: boolean): CueScan {
  const scan = scanLatin(text);
  if (!nonAscii) return scan;
  CUE_OTHER_SCRIPTS_RE.lastIndex = 0;
  let added = false;
  for (let m = CUE_OTHER_SCRIPTS_RE.exec(text); m; m = CUE_OTHER_SCRIPTS_RE.exec(text)) {
    scan.cues.push({ kind: 'answer', at: m.index, end: m.index + m[0].length });
    added = true;
  }
  if (added) scan.cues.sort((x, y) => x.at - y.at);
  return scan;
}
