/**
 * NLTK's Punkt sentence tokenizer (English), ported from the algorithm of NLTK 3.8
 * (`PunktSentenceTokenizer.tokenize`: candidate contexts, two annotation passes, boundary
 * realignment) with the trained English parameters of nltk_data's `punkt/english.pickle`
 * (data/ifeval/punkt-english.json). The reference's `count_sentences` and `sent_tokenize` are this.
 *
 * Bridges: the Python regexes are compiled with {@link pyCompile} (Unicode `\w`, `\s`, `\d` and
 * Python `$`); offsets are JS code-unit offsets throughout, which is equivalent because every test
 * on them is a slice or a comparison of whole code points. `tok[0].isupper()` reads the first code
 * point. NLTK's `_get_last_whitespace_index` uses ASCII `string.whitespace`, and treats an index of
 * 0 as "not found"; we keep both quirks.
 */
import { lazy, loadData } from './data.js';
import { pyCompile, pyFinditer, pyMatch } from './pyregex.js';
import { isLowerCp, isUpperCp } from './pyunicode.js';
import { pyRstrip, pyStrip } from './pystr.js';

interface PunktJson {
  abbrev_types: string[];
  collocations: [string, string][];
  sent_starters: string[];
  ortho_context: Record<string, number>;
}

interface Params {
  abbrev: Set<string>;
  collocations: Set<string>;
  starters: Set<string>;
  ortho: Map<string, number>;
}

const ORTHO_BEG_UC = 1 << 1;
const ORTHO_MID_UC = 1 << 2;
const ORTHO_UNK_UC = 1 << 3;
const ORTHO_BEG_LC = 1 << 4;
const ORTHO_MID_LC = 1 << 5;
const ORTHO_UNK_LC = 1 << 6;
const ORTHO_UC = ORTHO_BEG_UC + ORTHO_MID_UC + ORTHO_UNK_UC;
const ORTHO_LC = ORTHO_BEG_LC + ORTHO_MID_LC + ORTHO_UNK_LC;

const params = lazy((): Params => {
  const p = loadData<PunktJson>('punkt-english.json');
  return {
    abbrev: new Set(p.abbrev_types),
    collocations: new Set(p.collocations.map(([a, b]) => `${a}\u0000${b}`)),
    starters: new Set(p.sent_starters),
    ortho: new Map(Object.entries(p.ortho_context)),
  };
});

// PunktLanguageVars (English defaults), as Python patterns.
const MULTI_CHAR = String.raw`(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)`;
const WORD_START = String.raw`[^\(\"\`{\[:;&\#\*@\)}\]\-,]`;
const NON_WORD = String.raw`(?:[)\";}\]\*:@\'\({\[\?!])`;

const res = lazy(() => ({
  wordTokenizer: pyCompile(
    `(${MULTI_CHAR}|(?=${WORD_START})\\S+?(?=\\s|$|${NON_WORD}|${MULTI_CHAR}|,(?=$|\\s|${NON_WORD}|${MULTI_CHAR}))|\\S)`,
  ),
  periodContext: pyCompile(String.raw`[\.\?!](?=(?P<after_tok>${NON_WORD}|\s+(?P<next_tok>\S+)))`),
  ellipsis: pyCompile(String.raw`\.\.+$`),
  numeric: pyCompile(String.raw`^-?[\.,]?\d[\d,\.-]*\.?$`),
  initial: pyCompile(String.raw`[^\W\d]\.$`),
  realign: pyCompile(String.raw`["\')\]}]+?(?:\s+|(?=--)|$)`, { multiline: true }),
}));

/** A token with Punkt's annotations. */
interface Token {
  tok: string;
  type: string;
  periodFinal: boolean;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
}

function makeToken(tok: string): Token {
  const lower = tok.toLowerCase();
  const type = pyMatch(res().numeric, lower) ? '##number##' : lower;
  return { tok, type, periodFinal: tok.endsWith('.'), sentbreak: false, abbr: false, ellipsis: false };
}

const typeNoPeriod = (t: Token): string => (t.type.length > 1 && t.type.endsWith('.') ? t.type.slice(0, -1) : t.type);
const typeNoSentperiod = (t: Token): string => (t.sentbreak ? typeNoPeriod(t) : t.type);
const firstUpper = (t: Token): boolean => isUpperCp(t.tok.codePointAt(0)!);
const firstLower = (t: Token): boolean => isLowerCp(t.tok.codePointAt(0)!);

/** Punkt's word tokenizer (`PunktLanguageVars.word_tokenize`) over one line. */
export function punktWordTokenize(line: string): string[] {
  return pyFinditer(res().wordTokenizer, line).map((m) => m[0]);
}

function tokenizeWords(text: string): Token[] {
  const out: Token[] = [];
  for (const line of text.split('\n')) {
    if (pyStrip(line) === '') continue;
    for (const tok of punktWordTokenize(line)) out.push(makeToken(tok));
  }
  return out;
}

function firstPass(t: Token, p: Params): void {
  const tok = t.tok;
  if (tok === '.' || tok === '?' || tok === '!') {
    t.sentbreak = true;
  } else if (pyMatch(res().ellipsis, tok)) {
    t.ellipsis = true;
  } else if (t.periodFinal && !tok.endsWith('..')) {
    const base = tok.slice(0, -1).toLowerCase();
    const parts = base.split('-');
    if (p.abbrev.has(base) || p.abbrev.has(parts[parts.length - 1]!)) t.abbr = true;
    else t.sentbreak = true;
  }
}

const PUNCT = new Set([';', ':', ',', '.', '!', '?']);

function orthoHeuristic(t: Token, p: Params): boolean | 'unknown' {
  if (PUNCT.has(t.tok)) return false;
  const oc = p.ortho.get(typeNoSentperiod(t)) ?? 0;
  if (firstUpper(t) && oc & ORTHO_LC && !(oc & ORTHO_MID_UC)) return true;
  if (firstLower(t) && (oc & ORTHO_UC || !(oc & ORTHO_BEG_LC))) return false;
  return 'unknown';
}

function secondPass(t1: Token, t2: Token, p: Params): void {
  if (!t1.periodFinal) return;
  const typ = typeNoPeriod(t1);
  const nextTyp = typeNoSentperiod(t2);
  const isInitial = pyMatch(res().initial, t1.tok) !== null;
  if (p.collocations.has(`${typ}\u0000${nextTyp}`)) {
    t1.sentbreak = false;
    t1.abbr = true;
    return;
  }
  if ((t1.abbr || t1.ellipsis) && !isInitial) {
    const starter = orthoHeuristic(t2, p);
    if (starter === true) {
      t1.sentbreak = true;
      return;
    }
    if (firstUpper(t2) && p.starters.has(nextTyp)) {
      t1.sentbreak = true;
      return;
    }
  }
  if (isInitial || typ === '##number##') {
    const starter = orthoHeuristic(t2, p);
    if (starter === false) {
      t1.sentbreak = false;
      t1.abbr = true;
      return;
    }
    if (starter === 'unknown' && isInitial && firstUpper(t2) && !((p.ortho.get(nextTyp) ?? 0) & ORTHO_LC)) {
      t1.sentbreak = false;
      t1.abbr = true;
    }
  }
}

/** `PunktSentenceTokenizer.text_contains_sentbreak`: a break on any token but the last. */
function containsSentbreak(text: string, p: Params): boolean {
  const toks = tokenizeWords(text);
  for (const t of toks) firstPass(t, p);
  for (let i = 0; i + 1 < toks.length; i++) {
    secondPass(toks[i]!, toks[i + 1]!, p);
    if (toks[i]!.sentbreak) return true;
  }
  return false;
}

const ASCII_WS = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c']);

function lastWhitespaceIndex(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (ASCII_WS.has(s[i]!)) return i;
  return 0;
}

type Span = [number, number];

function potentialEndContexts(text: string): { match: RegExpExecArray; context: string }[] {
  const out: { match: RegExpExecArray; context: string }[] = [];
  let prevSlice: Span = [0, 0];
  let prevMatch: RegExpExecArray | undefined;
  const emit = (): void => {
    out.push({ match: prevMatch!, context: text.slice(prevSlice[0], prevSlice[1]) + prevMatch![0] + prevMatch!.groups!.after_tok! });
  };
  for (const match of pyFinditer(res().periodContext, text)) {
    const before = text.slice(prevSlice[1], match.index);
    let idx = lastWhitespaceIndex(before);
    idx = idx ? idx + prevSlice[1] + 1 : prevSlice[0];
    const wordSlice: Span = [idx, match.index];
    if (prevMatch && prevSlice[1] <= wordSlice[0]) emit();
    prevMatch = match;
    prevSlice = wordSlice;
  }
  if (prevMatch) emit();
  return out;
}

function slicesFromText(text: string, p: Params): Span[] {
  const out: Span[] = [];
  let lastBreak = 0;
  // A context seen before in the same text is not tokenized again (a flood of '.\n' is 25,000
  // copies of one context).
  const memo = new Map<string, boolean>();
  for (const { match, context } of potentialEndContexts(text)) {
    let brk = memo.get(context);
    if (brk === undefined) memo.set(context, (brk = containsSentbreak(context, p)));
    if (brk) {
      const end = match.index + match[0].length;
      out.push([lastBreak, end]);
      // next_tok ends the lookahead group after_tok, which starts right after the punctuation.
      const { after_tok: after, next_tok: next } = match.groups!;
      lastBreak = next ? end + after!.length - next.length : end;
    }
  }
  out.push([lastBreak, pyRstrip(text).length]);
  return out;
}

function realignBoundaries(text: string, slices: Span[]): Span[] {
  const out: Span[] = [];
  let realign = 0;
  for (let i = 0; i < slices.length; i++) {
    const s1: Span = [slices[i]![0] + realign, slices[i]![1]];
    const s2 = slices[i + 1];
    if (!s2) {
      if (s1[0] < s1[1]) out.push(s1);
      continue;
    }
    const m = pyMatch(res().realign, text.slice(s2[0], s2[1]), 0);
    if (m) {
      out.push([s1[0], s2[0] + pyRstrip(m[0]).length]);
      realign = m.index + m[0].length;
    } else {
      realign = 0;
      if (s1[0] < s1[1]) out.push(s1);
    }
  }
  return out;
}

/** `nltk.sent_tokenize(text)` / Punkt English `tokenize(text)`: the sentences of `text`. */
export function sentTokenize(text: string): string[] {
  const p = params();
  return realignBoundaries(text, slicesFromText(text, p)).map(([a, b]) => text.slice(a, b));
}
