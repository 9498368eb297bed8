/**
 * Python `re` patterns, translated to JavaScript RegExps with Python's semantics.
 *
 * The reference checkers pass user data straight into `re` (IFEval's keywords are raw patterns, not
 * escaped: "war" counts inside "software", and a keyword like "C++" is a regex error there too), and
 * NLTK's tokenizers are written as Python regexes. JavaScript differs in ways that change results:
 * - `\w`, `\b`, `\d` are ASCII in JS; Python's are Unicode (Python `\w` excludes combining marks).
 * - `\s` differs (see pyunicode.ts); `.` in JS also stops at `\r`, U+2028, U+2029 (Python: `\n` only).
 * - Python `$` matches at the end or before a final `\n`; in MULTILINE mode `^`/`$` only see `\n`
 *   (JS `m` mode also breaks at `\r`, U+2028, U+2029).
 * - Python-only syntax: `(?P<name>...)`, `(?P=name)`, `\Z`, `{,n}`, a literal `{`, `]` first in a
 *   class, `(?#...)`, leading inline flags `(?i)`.
 * We parse the Python pattern and emit an equivalent JS pattern (`u` flag) whose classes come from
 * CPython 3.11's tables. Python 3.11's possessive quantifiers (`C++` is one: "C" possessively
 * repeated) and atomic groups `(?>...)` are emulated with JS's lookahead-capture idiom
 * `(?=(X))\k`, whose extra groups are hidden from callers (Python group numbers are mapped).
 * Constructs JS cannot express (scoped inline flags, conditionals) raise {@link PyRegexError};
 * invalid Python patterns raise it too.
 * Iteration follows Python 3.7+: after an empty match the search resumes one code point later
 * (CPython could still return a non-empty match at that same position; such patterns, e.g. `|a`,
 * are the only known difference).
 */
import { PyRegexError, Translator, type PyFlags } from './pyregex-translate.js';

export { PyRegexError, type PyFlags } from './pyregex-translate.js';

/** A compiled Python pattern. */
export interface PyRegex {
  /** The Python source. */
  readonly pattern: string;
  /** Global JS RegExp for searching and iteration. */
  readonly re: RegExp;
  /** Sticky JS RegExp for Python `match` (anchored at a position). */
  readonly sticky: RegExp;
  /**
   * The same two with every class cut down to ASCII: equivalent on ASCII-only input, and much
   * faster there (Python's Unicode classes have hundreds of ranges).
   */
  readonly reAscii: RegExp;
  readonly stickyAscii: RegExp;
  /** Number of capturing groups (Python's count). */
  readonly groups: number;
  /** JS group index of each Python group (index 0 unused). */
  readonly groupIndex: readonly number[];
  /**
   * For a pattern that starts with a greedy run of whitespace (`\s*`, `\n*`, or `^\s*` under
   * MULTILINE): searches take the linear path of {@link leadSearch} (see there).
   */
  readonly lead?: Lead;
  /**
   * For a pattern that is a plain ASCII literal (optionally between `\b`s): that literal,
   * lowercased under IGNORECASE. A text that does not contain it cannot match, so searches skip
   * the RegExp (see {@link pySearch}).
   */
  readonly literal?: string;
}

const NON_ASCII = /[^\x00-\x7f]/;

let asciiText = '';
let lastAscii = true;

/**
 * Whether `s` is pure ASCII (then the ASCII-cut RegExps apply). The last answer is remembered:
 * the search loops ask once per match about the same text, and a scan each time made a 49,000
 * character response take a second (quadratic).
 */
export function isAscii(s: string): boolean {
  if (s === asciiText) return lastAscii;
  const ascii = !NON_ASCII.test(s);
  asciiText = s;
  lastAscii = ascii;
  return ascii;
}

const globalRe = (rx: PyRegex, s: string): RegExp => (isAscii(s) ? rx.reAscii : rx.re);
const stickyRe = (rx: PyRegex, s: string): RegExp => (isAscii(s) ? rx.stickyAscii : rx.sticky);

const cache = new Map<string, PyRegex>();
const CACHE_LIMIT = 5000;

/**
 * Compile a Python pattern (cached). Throws {@link PyRegexError} for patterns Python rejects or
 * JavaScript cannot express.
 */
export function pyCompile(pattern: string, flags: PyFlags = {}): PyRegex {
  const key = `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}${flags.verbose ? 'x' : ''}${flags.indices ? 'd' : ''}\u0000${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const t = new Translator(pattern, flags, false);
  const source = t.translate();
  const sourceAscii = new Translator(pattern, flags, true).translate();
  const jsFlags = `u${t.flags.ignoreCase ? 'i' : ''}${flags.indices ? 'd' : ''}`;
  let compiled: PyRegex;
  try {
    compiled = {
      pattern,
      re: new RegExp(source, `${jsFlags}g`),
      sticky: new RegExp(source, `${jsFlags}y`),
      reAscii: new RegExp(sourceAscii, `${jsFlags}g`),
      stickyAscii: new RegExp(sourceAscii, `${jsFlags}y`),
      groups: t.groups,
      groupIndex: t.groupIndex,
      literal: plainLiteral(pattern, t.flags.ignoreCase),
      lead: leadOf(pattern, t.flags),
    };
  } catch (err) {
    throw new PyRegexError(`pattern not expressible in JavaScript: ${(err as Error).message}`);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

/** The literal of a pattern that is a plain ASCII literal, optionally wrapped in `\b`. */
function plainLiteral(pattern: string, ignoreCase: boolean): string | undefined {
  const m = /^(?:\\b)?([A-Za-z0-9 _'"!#%&,\-\/:;<=>@`~]+)(?:\\b)?$/.exec(pattern);
  if (!m) return undefined;
  return ignoreCase ? m[1]!.toLowerCase() : m[1]!;
}

// Characters that match ASCII letters under IGNORECASE without lowercasing to them.
const FOLDS_TO_ASCII = /[\u0130\u0131\u017f\u212a]/;
let lastText = '';
let lastLower = '';

/** Whether `s` may contain `rx.literal` (always true when the prefilter does not apply). */
function mayMatch(rx: PyRegex, s: string, ignoreCase: boolean): boolean {
  const lit = rx.literal;
  if (lit === undefined) return true;
  if (!ignoreCase) return s.includes(lit);
  if (s !== lastText) {
    lastText = s;
    lastLower = FOLDS_TO_ASCII.test(s) ? '' : s.toLowerCase();
  }
  return lastLower === '' ? true : lastLower.includes(lit);
}

/** A leading greedy whitespace run of a pattern: which characters, and whether `^` precedes it. */
interface Lead {
  /** `\s*` (ASCII whitespace is certainly in it) rather than `\n*`. */
  space: boolean;
  /** `^\s*` under MULTILINE: only line starts can begin a match. */
  lineStart: boolean;
}

function leadOf(pattern: string, flags: { multiline: boolean; verbose?: boolean }): Lead | undefined {
  if (flags.verbose) return undefined;
  const m = /^(\^?)\\([sn])\*(?![?+])/.exec(pattern);
  if (!m || (m[1] && !flags.multiline)) return undefined;
  return { space: m[2] === 's', lineStart: m[1] === '^' };
}

/**
 * The first match at or after `from` of a pattern with a leading whitespace run. A plain search
 * tries every start inside a run of W characters and each try runs W* to the run's end: quadratic
 * (postscript's `\s*p\.\s?s` over 50,000 spaces took 3-5 s). But the try at the run's first
 * position already tried the rest of the pattern at every later position of the run (W* gives
 * back one character at a time), so when it fails the starts up to the run's end fail too and are
 * skipped. Same matches as the plain search, linear time. W is taken as ASCII whitespace (or only
 * `\n`): a subset of the pattern's class, which keeps the skip sound.
 */
function leadSearch(rx: PyRegex, lead: Lead, s: string, from: number): RegExpExecArray | null {
  const re = stickyRe(rx, s);
  const inRun = lead.space ? (c: number) => c === 32 || (c >= 9 && c <= 13) : (c: number) => c === 10;
  const lineStart = (p: number): number => {
    if (!lead.lineStart || p === 0 || s.charCodeAt(p - 1) === 10) return p;
    const k = s.indexOf('\n', p);
    return k < 0 ? s.length + 1 : k + 1;
  };
  let p = lineStart(from);
  while (p <= s.length) {
    re.lastIndex = p;
    const m = re.exec(s);
    if (m) return m;
    let next = p + 1;
    if (p < s.length && inRun(s.charCodeAt(p))) {
      let end = p + 1;
      while (end < s.length && inRun(s.charCodeAt(end))) end++;
      next = end + 1;
    }
    p = lineStart(next);
  }
  return null;
}

/** The first match at or after `from` (the linear path for a leading whitespace run). */
function searchFrom(rx: PyRegex, s: string, from: number): RegExpExecArray | null {
  if (rx.lead) return leadSearch(rx, rx.lead, s, from);
  const re = globalRe(rx, s);
  re.lastIndex = from;
  return re.exec(s);
}

/** Python `re.search`: the first match, or null. */
export function pySearch(rx: PyRegex, s: string): RegExpExecArray | null {
  if (!mayMatch(rx, s, rx.re.ignoreCase)) return null;
  return searchFrom(rx, s, 0);
}

/** Python `rx.match(s, pos)`: a match starting exactly at `pos` (code unit index), or null. */
export function pyMatch(rx: PyRegex, s: string, pos = 0): RegExpExecArray | null {
  const re = stickyRe(rx, s);
  re.lastIndex = pos;
  return re.exec(s);
}

/** Python `re.finditer` (all matches, Python 3.7+ empty-match rules; see the module note). */
export function pyFinditer(rx: PyRegex, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (;;) {
    const m = searchFrom(rx, s, from);
    if (!m) break;
    out.push(m);
    from = m.index + m[0].length;
    if (m[0].length === 0) {
      if (m.index >= s.length) break;
      const cp = s.codePointAt(m.index)!;
      from = m.index + (cp > 0xffff ? 2 : 1);
    }
  }
  return out;
}

/** `len(re.findall(pattern, s))`. */
export function pyFindallCount(rx: PyRegex, s: string): number {
  return pyFinditer(rx, s).length;
}

/** Python `re.findall` for patterns with at most one group (the whole match, or group 1). */
export function pyFindall(rx: PyRegex, s: string): string[] {
  return pyFinditer(rx, s).map((m) => (rx.groups === 0 ? m[0] : (m[rx.groupIndex[1]!] ?? '')));
}

/** Python `re.split(pattern, s)`: pieces and, for capturing patterns, the groups (undefined = None). */
export function pySplit(rx: PyRegex, s: string): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let last = 0;
  for (const m of pyFinditer(rx, s)) {
    out.push(s.slice(last, m.index));
    for (let g = 1; g <= rx.groups; g++) out.push(m[rx.groupIndex[g]!]);
    last = m.index + m[0].length;
  }
  out.push(s.slice(last));
  return out;
}

/** A compiled Python replacement template (`\1`, `\g<0>`, `\g<name>`, escapes). */
export type Replacement = (m: RegExpExecArray) => string;

/**
 * Compile a Python `re.sub` replacement template. `groupIndex` maps Python group numbers to JS
 * ones (see {@link PyRegex.groupIndex}); identity by default.
 */
export function pyTemplate(template: string, groupIndex?: readonly number[]): Replacement {
  const parts: (string | number)[] = [];
  let buf = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== '\\') {
      buf += c;
      continue;
    }
    const d = template[++i];
    if (d === 'g') {
      const m = /^<([^>]*)>/.exec(template.slice(i + 1));
      if (!m || !/^\d+$/.test(m[1]!)) throw new PyRegexError(`unsupported group reference in template: ${template}`);
      parts.push(buf, Number(m[1]));
      buf = '';
      i += m[0].length;
    } else if (d !== undefined && /\d/.test(d)) {
      let num = d;
      if (/\d/.test(template[i + 1] ?? '')) num += template[++i];
      parts.push(buf, Number(num));
      buf = '';
    } else {
      const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };
      buf += d !== undefined && map[d] !== undefined ? map[d] : `\\${d ?? ''}`;
    }
  }
  parts.push(buf);
  return (m) => {
    let s = '';
    for (const p of parts) s += typeof p === 'number' ? (m[p === 0 || !groupIndex ? p : groupIndex[p]!] ?? '') : p;
    return s;
  };
}

/** Python `re.sub(pattern, repl, s)` with a template or a function. */
export function pySub(rx: PyRegex, repl: string | Replacement, s: string): string {
  const f = typeof repl === 'string' ? pyTemplate(repl, rx.groupIndex) : repl;
  const matches = pyFinditer(rx, s);
  if (matches.length === 0) return s;
  let out = '';
  let last = 0;
  for (const m of matches) {
    out += s.slice(last, m.index) + f(m);
    last = m.index + m[0].length;
  }
  return out + s.slice(last);
}

/** Python `re.escape(s)`, as a Python pattern (for building patterns from literal text). */
export function pyEscape(s: string): string {
  return s.replace(/[^A-Za-z0-9_\u0080-\u{10ffff}]/gu, '\\$&');
}
