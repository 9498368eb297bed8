/**
 * The Python-to-JavaScript regex translator behind {@link pyCompile} (see pyregex.ts for the
 * semantics it bridges). It parses a Python 3.11 pattern and emits the source of an equivalent
 * JS `u`-mode RegExp, classes taken from CPython's tables; `cut` emits the twin whose classes
 * are restricted to ASCII (equivalent on ASCII-only input, and much faster).
 */
import { classSource, complement, pyRanges, union, type Ranges } from './pyunicode.js';

/** A Python pattern that is invalid, or valid but not expressible in JavaScript. */
export class PyRegexError extends Error {
  override name = 'PyRegexError';
}

/** Python `re` flags that the reference uses. */
export interface PyFlags {
  ignoreCase?: boolean;
  multiline?: boolean;
  dotAll?: boolean;
  verbose?: boolean;
  /** Also record group offsets (JS `d` flag) on matches. */
  indices?: boolean;
}

const ASCII_WORD: Ranges = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const ASCII_SPACE: Ranges = [
  [9, 13],
  [32, 32],
];
const ASCII_DIGIT: Ranges = [[48, 57]];

type Category = 'w' | 'W' | 's' | 'S' | 'd' | 'D';

/** i, I, İ, ı: one equivalence class under Python's IGNORECASE. */
const I_VARIANTS = [0x49, 0x69, 0x130, 0x131];
const I_RANGES: Ranges = [
  [0x49, 0x49],
  [0x69, 0x69],
  [0x130, 0x131],
];

/** `ranges` restricted to ASCII. */
function cutAscii(ranges: Ranges): [number, number][] {
  const out: [number, number][] = [];
  for (const [lo, hi] of ranges) if (lo <= 127) out.push([lo, Math.min(hi, 127)]);
  return out;
}

function categoryRanges(c: Category, ascii: boolean): Ranges {
  const lower = c.toLowerCase() as 'w' | 's' | 'd';
  const base = ascii
    ? { w: ASCII_WORD, s: ASCII_SPACE, d: ASCII_DIGIT }[lower]
    : pyRanges(({ w: 'word', s: 'space', d: 'decimal' } as const)[lower]);
  return c === lower ? base : complement(base);
}

const HEX = /^[0-9a-fA-F]+$/;
const isOct = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAsciiAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);

function lit(cp: number): string {
  const c = String.fromCodePoint(cp);
  return /^[A-Za-z0-9_ ]$/.test(c) ? c : `\\u{${cp.toString(16)}}`;
}

/** Parses one Python pattern and emits the JS source. */
export class Translator {
  private readonly p: string[];
  private i = 0;
  groups = 0;
  /** JS capturing groups emitted so far (Python's plus the emulation groups). */
  jsGroups = 0;
  /** JS index of each Python group. */
  readonly groupIndex: number[] = [0];
  private readonly open = new Set<number>();
  readonly names = new Map<string, number>();
  flags: Required<Omit<PyFlags, 'indices'>> & { ascii: boolean };

  /** `cut`: emit every class restricted to ASCII (for the ASCII-input twin of the RegExp). */
  constructor(
    pattern: string,
    flags: PyFlags,
    private readonly cut: boolean,
  ) {
    this.p = Array.from(pattern);
    this.flags = {
      ignoreCase: !!flags.ignoreCase,
      multiline: !!flags.multiline,
      dotAll: !!flags.dotAll,
      verbose: !!flags.verbose,
      ascii: false,
    };
  }

  private cls(ranges: Ranges, negate = false): string {
    if (!this.cut) return classSource(ranges, negate);
    return classSource(cutAscii(negate ? complement(ranges) : ranges));
  }

  private err(msg: string): never {
    throw new PyRegexError(`${msg} at position ${this.i}`);
  }

  private peek(k = 0): string | undefined {
    return this.p[this.i + k];
  }

  private next(): string | undefined {
    return this.p[this.i++];
  }

  private skipVerbose(): void {
    if (!this.flags.verbose) return;
    for (;;) {
      const c = this.peek();
      if (c !== undefined && /^[ \t\n\r\f\v]$/.test(c)) this.i++;
      else if (c === '#') {
        while (this.peek() !== undefined && this.peek() !== '\n') this.i++;
      } else return;
    }
  }

  translate(): string {
    // Leading global inline flags: (?aiLmsux)
    for (;;) {
      const m = /^\(\?([aiLmsux]+)\)/.exec(this.p.slice(this.i, this.i + 12).join(''));
      if (!m) break;
      for (const f of m[1]!) this.applyFlag(f);
      this.i += m[0].length;
    }
    const out = this.alternation();
    if (this.i < this.p.length) this.err(this.peek() === ')' ? 'unbalanced parenthesis' : 'unexpected character');
    return out;
  }

  private applyFlag(f: string): void {
    if (f === 'i') this.flags.ignoreCase = true;
    else if (f === 'm') this.flags.multiline = true;
    else if (f === 's') this.flags.dotAll = true;
    else if (f === 'x') this.flags.verbose = true;
    else if (f === 'a') this.flags.ascii = true;
    else if (f === 'L') this.err('bad inline flag: cannot use LOCALE flag with a str pattern');
    // 'u' is the default for str patterns.
  }

  private alternation(): string {
    const parts = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      parts.push(this.sequence());
    }
    return parts.join('|');
  }

  private sequence(): string {
    let out = '';
    for (;;) {
      this.skipVerbose();
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') return out;
      const atom = this.atom();
      if (atom === null) continue;
      out += this.quantified(atom);
    }
  }

  /** An atom: [source, repeatable]. Null for comments that emit nothing. */
  private atom(): [string, boolean] | null {
    const c = this.next()!;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return [this.charClass(), true];
      case '.':
        return [this.flags.dotAll ? '[\\s\\S]' : '[^\\n]', true];
      case '^':
        // JS `^`/`$` without the `m` flag are the input's start/end; we never set `m`.
        return [this.flags.multiline ? '(?:^|(?<=\\n))' : '^', false];
      case '$':
        return [this.flags.multiline ? '(?=\\n|$)' : '(?=\\n?$)', false];
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        return this.err('nothing to repeat');
      case '{':
        if (this.quantifierAhead(this.i - 1)) this.err('nothing to repeat');
        return ['\\{', true];
      default:
        return [this.literalAtom(c.codePointAt(0)!), true];
    }
  }

  /**
   * A literal character. Under IGNORECASE, Python also equates i, I, U+0130 (İ) and U+0131 (ı)
   * (its lowercase mapping and its equivalence table); JS case folding only equates i and I, so we
   * spell the four out. (K/U+212A and s/U+017F fold alike in both.)
   */
  private literalAtom(cp: number): string {
    if (this.flags.ignoreCase && I_VARIANTS.includes(cp)) return this.cls(I_RANGES);
    return lit(cp);
  }

  /** Whether a `{m,n}` quantifier starts at index `at`. */
  private quantifierAhead(at: number): boolean {
    return /^\{(\d*)(,(\d*))?\}/.test(this.p.slice(at, at + 24).join('')) && this.p[at + 1] !== '}';
  }

  private quantified([src, repeatable]: [string, boolean]): string {
    this.skipVerbose();
    const c = this.peek();
    let q = '';
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      q = c;
    } else if (c === '{' && this.quantifierAhead(this.i)) {
      const m = /^\{(\d*)(,(\d*))?\}/.exec(this.p.slice(this.i, this.i + 24).join(''))!;
      this.i += m[0].length;
      const lo = m[1] === '' ? '0' : m[1]!;
      const hi = m[2] === undefined ? lo : m[3]!;
      if (hi !== '' && Number(hi) < Number(lo)) this.err('min repeat greater than max repeat');
      q = m[2] === undefined ? `{${lo}}` : `{${lo},${hi}}`;
    } else {
      return src;
    }
    if (!repeatable) this.err('nothing to repeat');
    if (this.peek() === '?') {
      this.i++;
      q += '?';
    } else if (this.peek() === '+') {
      this.i++;
      return this.atomic(`(?:${src})${q}`);
    }
    return `(?:${src})${q}`;
  }

  /** An atomic match of `src` (no backtracking into it): `(?=(src))\k`. */
  private atomic(src: string): string {
    const k = ++this.jsGroups;
    return `(?:(?=(${src}))\\${k})`;
  }

  private newGroup(): number {
    const n = ++this.groups;
    this.groupIndex[n] = ++this.jsGroups;
    return n;
  }

  private group(): [string, boolean] | null {
    if (this.peek() !== '?') {
      const n = this.newGroup();
      this.open.add(n);
      const body = this.alternation();
      if (this.next() !== ')') this.err('missing ), unterminated subpattern');
      this.open.delete(n);
      return [`(${body})`, true];
    }
    this.i++;
    const c = this.next();
    if (c === ':' || c === '=' || c === '!') {
      const body = this.alternation();
      if (this.next() !== ')') this.err('missing ), unterminated subpattern');
      return [`(?${c}${body})`, c === ':'];
    }
    if (c === '<' && (this.peek() === '=' || this.peek() === '!')) {
      const k = this.next()!;
      const body = this.alternation();
      if (this.next() !== ')') this.err('missing ), unterminated subpattern');
      return [`(?<${k}${body})`, false];
    }
    if (c === '>') {
      const body = this.alternation();
      if (this.next() !== ')') this.err('missing ), unterminated subpattern');
      return [this.atomic(`(?:${body})`), true];
    }
    if (c === 'P' && this.peek() === '<') {
      this.i++;
      const name = this.readUntil('>');
      if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) this.err(`bad character in group name '${name}'`);
      const n = this.newGroup();
      this.names.set(name, n);
      this.open.add(n);
      const body = this.alternation();
      if (this.next() !== ')') this.err('missing ), unterminated subpattern');
      this.open.delete(n);
      return [`(?<${name}>${body})`, true];
    }
    if (c === 'P' && this.peek() === '=') {
      this.i++;
      const name = this.readUntil(')');
      if (!this.names.has(name)) this.err(`unknown group name '${name}'`);
      return [`(?:\\k<${name}>)`, true];
    }
    if (c === '#') {
      this.readUntil(')');
      return null;
    }
    if (c !== undefined && /[aiLmsux-]/.test(c)) {
      this.err('inline flags not at the start of the pattern, or scoped flags, are not supported');
    }
    return this.err(`unknown extension ?${c ?? ''}`);
  }

  private readUntil(end: string): string {
    let s = '';
    for (;;) {
      const c = this.next();
      if (c === undefined) this.err(`missing ${end}`);
      if (c === end) return s;
      s += c;
    }
  }

  private hexEscape(len: number, what: string): number {
    const h = this.p.slice(this.i, this.i + len).join('');
    if (h.length !== len || !HEX.test(h)) this.err(`incomplete escape \\${what}${h}`);
    this.i += len;
    const cp = parseInt(h, 16);
    if (cp > 0x10ffff) this.err(`bad escape \\${what}${h}`);
    return cp;
  }

  /** Escapes common to both contexts: returns a code point, or null when not a simple literal escape. */
  private literalEscape(c: string): number | null {
    switch (c) {
      case 'a':
        return 7;
      case 'f':
        return 12;
      case 'n':
        return 10;
      case 'r':
        return 13;
      case 't':
        return 9;
      case 'v':
        return 11;
      case 'x':
        return this.hexEscape(2, 'x');
      case 'u':
        return this.hexEscape(4, 'u');
      case 'U':
        return this.hexEscape(8, 'U');
      case 'N':
        return this.err('\\N{...} escapes are not supported');
      default:
        return null;
    }
  }

  private escape(): [string, boolean] {
    const c = this.next();
    if (c === undefined) this.err('bad escape (end of pattern)');
    const ascii = this.flags.ascii;
    const W = (neg: boolean): string => this.cls(categoryRanges('w', ascii), neg);
    switch (c) {
      case 'A':
        return ['^', false];
      case 'Z':
        return ['$', false];
      case 'b':
        // On ASCII input Python's Unicode \b is JS's own \b (cheaper than the lookarounds).
        if (this.cut) return ['\\b', false];
        return [`(?:(?<=${W(false)})(?!${W(false)})|(?<!${W(false)})(?=${W(false)}))`, false];
      case 'B':
        if (this.cut) return ['\\B', false];
        return [`(?:(?<=${W(false)})(?=${W(false)})|(?<!${W(false)})(?!${W(false)}))`, false];
      case 'w':
      case 'W':
      case 's':
      case 'S':
      case 'd':
      case 'D':
        return [this.cls(categoryRanges(c, ascii)), true];
    }
    const simple = this.literalEscape(c);
    if (simple !== null) return [this.literalAtom(simple), true];
    if (c === '0') {
      let o = '0';
      while (o.length < 3 && isOct(this.peek())) o += this.next();
      return [lit(parseInt(o, 8)), true];
    }
    if (isDigit(c)) {
      let d = c;
      if (isDigit(this.peek())) {
        d += this.next();
        if (isOct(d[0]) && isOct(d[1]) && isOct(this.peek())) {
          d += this.next();
          const cp = parseInt(d, 8);
          if (cp > 0o377) this.err(`octal escape value \\${d} outside of range 0-0o377`);
          return [lit(cp), true];
        }
      }
      const g = Number(d);
      if (g > this.groups) this.err(`invalid group reference ${g}`);
      if (this.open.has(g)) this.err('cannot refer to an open group');
      return [`(?:\\${this.groupIndex[g]})`, true];
    }
    if (isAsciiAlnum(c)) this.err(`bad escape \\${c}`);
    return [this.literalAtom(c.codePointAt(0)!), true];
  }

  /** One class item: a set of ranges, plus the code point when it is a single literal. */
  private classItem(first: string): { ranges: Ranges; cp?: number } {
    if (first !== '\\') {
      const cp = first.codePointAt(0)!;
      return { ranges: [[cp, cp]], cp };
    }
    const c = this.next();
    if (c === undefined) this.err('unterminated character set');
    if ('wWsSdD'.includes(c)) return { ranges: categoryRanges(c as Category, this.flags.ascii) };
    if (c === 'b') return { ranges: [[8, 8]], cp: 8 };
    const simple = this.literalEscape(c);
    if (simple !== null) return { ranges: [[simple, simple]], cp: simple };
    if (isOct(c)) {
      let o = c;
      while (o.length < 3 && isOct(this.peek())) o += this.next();
      const cp = parseInt(o, 8);
      if (cp > 0o377) this.err(`octal escape value \\${o} outside of range 0-0o377`);
      return { ranges: [[cp, cp]], cp };
    }
    if (isAsciiAlnum(c)) this.err(`bad escape \\${c}`);
    const cp = c.codePointAt(0)!;
    return { ranges: [[cp, cp]], cp };
  }

  private charClass(): string {
    const negate = this.peek() === '^';
    if (negate) this.i++;
    const items: Ranges[] = [];
    for (;;) {
      const t = this.next();
      if (t === undefined) this.err('unterminated character set');
      if (t === ']' && items.length > 0) break;
      const a = this.classItem(t);
      if (this.peek() === '-') {
        this.i++;
        const u = this.next();
        if (u === undefined) this.err('unterminated character set');
        if (u === ']') {
          items.push(a.ranges, [[45, 45]]);
          break;
        }
        const b = this.classItem(u);
        if (a.cp === undefined || b.cp === undefined) this.err(`bad character range`);
        if (b.cp < a.cp) this.err('bad character range');
        items.push([[a.cp, b.cp]]);
      } else {
        items.push(a.ranges);
      }
    }
    let set = union(...items);
    if (this.flags.ignoreCase && I_VARIANTS.some((cp) => set.some(([lo, hi]) => cp >= lo && cp <= hi))) set = union(set, I_RANGES);
    return this.cls(set, negate);
  }
}
