/**
 * Answer extraction: where in a response (or a gold string) the final answer is.
 *
 * Rules, each finding its last (rightmost) occurrence:
 * - `boxed`: the last `\boxed{}` / `\fbox{}` (balanced braces; brace-less `\boxed 5`); boxes close
 *   together (< 10 characters apart, or < 70 with `and`/`or`/`,`/`;` between them) are parts of
 *   one answer and are joined as a list;
 * - `final-answer`: `Final Answer: The final answer is X. I hope it is correct.` and `final answer ... is X`;
 * - `answer-line`: `Answer: X` (DAPO style, also `**Answer:**`) and `the answer is X`;
 * - `whole`: the whole text, when it is a bare answer (`\frac{1}{2}`, `x = 3`, `Paris`);
 * - `math-span`: the last `$...$`, `$$...$$`, `\(...\)`, `\[...\]` (spans joined by `and`/`or`/`,`
 *   are one answer);
 * - `number`: the last number (`1,000.5`, `-3`, `2/3`, `45%`) not glued to letters before it;
 * - `letter`: a choice letter (`The answer is C`, `C.`), only when asked for.
 * A priority list orders the rules; rules grouped in an inner array compete, and the one whose
 * match ends last in the text wins (so a `Final Answer:` line after a stray `\boxed{}` wins).
 */

import { matchBrace } from './lexer.js';
import { type Span, mathSpans } from './spans.js';
import { headingParagraph } from './headings.js';
import { trustsFallback } from './fallback.js';
import { blankCodeBlocks } from './code-blocks.js';
import { finalAnswerEnds } from './final-cue.js';
import { SCALES } from './text.js';
import { UNIT_WORDS } from './vocabulary.js';
import { isUnitName, plainUnitForm } from './plain-units.js';

/** An extraction rule name. MV-style aliases `latex` and `expr` expand to groups of rules. */
export type ExtractionRule = 'boxed' | 'final-answer' | 'answer-line' | 'whole' | 'math-span' | 'number' | 'letter';
/** Ordered rules; an inner array is a group whose rightmost match wins. */
export type ExtractionPriority = ReadonlyArray<ExtractionRule | ReadonlyArray<ExtractionRule>>;

/** The default priorities (Math-Verify's order for LaTeX + expression extraction). */
export const DEFAULT_EXTRACTION: ExtractionPriority = [['boxed', 'final-answer'], 'answer-line', 'whole', ['math-span', 'number']];
/** What `--mode strict` allows: only answers the response marks as final. */
export const STRICT_EXTRACTION: ExtractionPriority = [['boxed', 'final-answer'], 'answer-line'];

/** What extraction found. */
export interface Extraction {
  /** The answer text, or its parts joined with `, ` when several boxes/spans form one answer. */
  text: string;
  /** The separate parts when several boxes or spans were joined. */
  parts: string[];
  /** The rule that matched. */
  rule: ExtractionRule;
  /** Where the match ends in the searched text. */
  end: number;
  /**
   * For a `number` answer written with plain-text units after it (`1 km`, `30 m/s`): the bare
   * number. The answer is read both ways, so `1 km` meets `1000 m` and still meets `1`.
   */
  number?: string;
}

/** Options of extraction beyond the priority list. */
export interface ExtractOptions {
  /** Valid choice letters for the `letter` rule (default `ABCD`). */
  letters?: string;
  /**
   * The text is a gold answer: `whole` also takes short phrases with digits (`Apollo 11`), since
   * a gold is an answer, not a response that may bury its answer in a sentence.
   */
  gold?: boolean;
}

/** Expand MV-style aliases (`latex`, `expr`) into rule groups. */
export function resolvePriority(spec: ReadonlyArray<string | ReadonlyArray<string>>): ExtractionPriority {
  const names = spec.flat();
  if (names.includes('latex') && names.includes('expr')) return DEFAULT_EXTRACTION;
  const out: Array<ExtractionRule | ExtractionRule[]> = [];
  for (const item of spec) {
    if (item === 'latex') out.push(['boxed', 'final-answer'], 'answer-line', 'math-span');
    else if (item === 'expr') out.push('final-answer', 'answer-line', 'whole', 'number');
    else out.push(item as ExtractionRule | ExtractionRule[]);
  }
  return out as ExtractionPriority;
}

/**
 * Find the answer in `text` following `priority`. The part after the last `</think>` is searched
 * first; code and tool-output blocks are not read (code-blocks.ts).
 */
export function extractAnswer(textIn: string, priority: ExtractionPriority = DEFAULT_EXTRACTION, options: ExtractOptions = {}): Extraction | undefined {
  const text = options.gold ? textIn : blankCodeBlocks(textIn);
  const think = lastThinkEnd(text);
  if (think >= 0) {
    const after = extractFrom(text.slice(think + 8), priority, options);
    if (after) return after;
  }
  return extractFrom(text, priority, options);
}

/**
 * Where the last `</think>` starts, or -1: forward literal searches (a forward search skips to
 * each rare `<`; lastIndexOf compares at every position).
 */
function lastThinkEnd(text: string): number {
  let last = text.indexOf('</think>');
  for (let k = last; k >= 0; k = text.indexOf('</think>', k + 8)) last = k;
  return last;
}

/**
 * A new few-shot turn the model went on to write after answering (`\n\nQuestion: ...`,
 * `\n\nProblem:`, `\n\nQ:`): what follows it answers another question.
 */
const TURN_WORDS = ['Question:', 'Problem:', 'Q:'];
const BLANK_LINE_BEFORE_RE = /\n[ \t]*\n[ \t]*$/;

/** Where the first new turn begins, or -1 (a literal search for each turn word, checked where found). */
function newTurn(text: string): number {
  let first = -1;
  for (const word of TURN_WORDS) {
    for (let k = text.indexOf(word); k > 0 && (first < 0 || k < first); k = text.indexOf(word, k + 1)) {
      if (BLANK_LINE_BEFORE_RE.test(text.slice(Math.max(0, k - 40), k))) {
        first = k;
        break;
      }
    }
  }
  return first;
}

function extractFrom(text: string, priority: ExtractionPriority, options: ExtractOptions): Extraction | undefined {
  const turn = options.gold ? -1 : newTurn(text);
  if (turn > 0) {
    const head = extractIn(text.slice(0, turn), priority, options);
    if (head) return head;
  }
  return extractIn(text, priority, options);
}

function extractIn(text: string, priority: ExtractionPriority, options: ExtractOptions): Extraction | undefined {
  for (const entry of priority) {
    const rules = typeof entry === 'string' ? [entry] : entry;
    let best: Extraction | undefined;
    for (const rule of rules) {
      const found = RULES[rule as ExtractionRule]?.(text, options);
      if (found && (!best || found.end > best.end)) best = found;
    }
    if (best) return options.gold || trustsFallback(text, best) ? best : undefined;
  }
  return undefined;
}

const RULES: Record<ExtractionRule, (text: string, o: ExtractOptions) => Extraction | undefined> = {
  boxed: findBoxed,
  'final-answer': findFinalAnswer,
  'answer-line': findAnswerLine,
  whole: (t, o) => findWhole(t, o.gold === true),
  'math-span': (t) => findMathSpan(t, true),
  number: findNumber,
  letter: (t, o) => findLetter(t, o.letters ?? 'ABCD'),
};

function make(parts: string[], rule: ExtractionRule, end: number): Extraction | undefined {
  const clean = parts.map((p) => p.trim()).filter((p) => p.length > 0);
  if (clean.length === 0) return undefined;
  return { text: clean.join(', '), parts: clean, rule, end };
}

// ---- boxed -----------------------------------------------------------------------------------

interface Box {
  start: number;
  end: number;
  content: string;
}

const BARE_BOX_RE = /[^\s$.,;]+/y;

/** The `\boxed{...}` / `\fbox{...}` in order (doubled backslashes accepted): at least the last {@link MAX_BOXES}, older ones may be dropped. */
export function findBoxes(text: string): Box[] {
  const re = /\\{1,2}(?:boxed|fbox)(?![a-zA-Z])/g;
  const boxes: Box[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let j = m.index + m[0].length;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (text[j] === '{') {
      const close = matchBrace(text, j);
      if (close < 0) {
        boxes.push({ start: m.index, end: text.length, content: text.slice(j + 1) });
        break;
      }
      boxes.push({ start: m.index, end: close + 1, content: text.slice(j + 1, close) });
      if (boxes.length >= 2 * MAX_BOXES) boxes.splice(0, boxes.length - MAX_BOXES);
      re.lastIndex = close + 1;
    } else {
      BARE_BOX_RE.lastIndex = j;
      const tok = BARE_BOX_RE.exec(text);
      if (tok) boxes.push({ start: m.index, end: j + tok[0].length, content: tok[0] });
      if (boxes.length >= 2 * MAX_BOXES) boxes.splice(0, boxes.length - MAX_BOXES);
    }
  }
  return boxes;
}

const SEPARATOR_RE = /\b(?:and|or)\b|,|;/;

function findBoxed(text: string): Extraction | undefined {
  if (!text.includes('box')) return undefined;
  const boxes = findBoxes(text);
  if (boxes.length === 0) return undefined;
  const last = boxes[boxes.length - 1]!;
  const parts = [last.content];
  let next = last;
  for (let k = boxes.length - 2; k >= 0; k--) {
    const b = boxes[k]!;
    const between = text.slice(b.end, next.start);
    const near = between.length < 10;
    const joined = near || (between.length < 70 && b.content.trim() !== next.content.trim() && SEPARATOR_RE.test(between));
    if (!joined) break;
    if (b.content.trim() !== parts[0]!.trim()) parts.unshift(b.content);
    next = b;
  }
  return make(parts, 'boxed', last.end);
}

// ---- final answer and answer lines -----------------------------------------------------------

/**
 * The last `final answer` statement, or the paragraph under the last answer heading, whichever
 * ends later. A `final answer` cue that states nothing (`... so this is my final answer.`,
 * `Provide the final answer to the question`) is passed over for the one before it.
 */
function findFinalAnswer(text: string): Extraction | undefined {
  const heading = headingParagraph(text);
  const fromHeading = heading && innerAnswer(text.slice(heading.start, heading.end));
  const underHeading = fromHeading && make(fromHeading, 'final-answer', heading.end);
  const inline = finalAnswerStatement(text, underHeading?.end ?? 0);
  return inline && (!underHeading || inline.end > underHeading.end) ? inline : underHeading;
}

/** What may follow a `final answer` cue that states an answer (after spaces and emphasis). */
const STATES_ANSWER_RE = /^(?:[:=$\\(\[{\n\d-]|(?:is|are|was|equals|would\s+be|will\s+be|should\s+be|must\s+be)\b|[A-Z])/;

function finalAnswerStatement(text: string, after: number): Extraction | undefined {
  const cues = finalAnswerEnds(text);
  for (let k = cues.length - 1; k >= 0 && cues[k]! > after; k--) {
    const at = cues[k]!;
    let frag = text.slice(at, at + 600);
    if (!STATES_ANSWER_RE.test(frag.replace(/^[ \t*_]+/, ''))) continue;
    const stop = frag.search(/I hope it is correct|\n\s*\n/i);
    if (stop >= 0) frag = frag.slice(0, stop);
    frag = frag.replace(/^[\s*_:#]*(?:is\b)?[\s*_:]*/i, '');
    const parts = innerAnswer(frag);
    if (parts) return make(parts, 'final-answer', at + frag.length);
  }
  return undefined;
}

// `\s*(?:[*_]+\s*)?:` rather than `\s*[*_]*\s*:`: two adjacent `\s*` backtrack quadratically on a long
// run of spaces that ends in neither ':' nor '='.
const ANSWER_LINE_RE = /(?:^|[^A-Za-z])(?:the\s+)?answer(?:\s+is|\s*(?:[*_]+\s*)?:|\s*=)/gi;
const GSM8K_LINE_RE = /(?:^|\n)####(?=[ \t]*\$?-?\.?\d[\d,.]*(?:\/\d+)?[ \t]*(?:[A-Za-z%$]+[ \t]*)?(?:\n|$))/g;
const OTHER_LANGUAGE_ANSWER_RE = /答案\s*(?:(?:是|为|為)\s*[:：]?|[:：])|\br[ée]ponse(?:\s+(?:finale\s+)?est|\s*:)/gi;

/** Where the last match of a global expression ends, or -1. */
function lastEnd(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let end = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) end = m.index + m[0].length;
  return end;
}

/**
 * The last answer statement: `Answer: X`, `the answer is X`, `答案是 X`, `la réponse est X`, and
 * GSM8K's `#### X` (a line of only a number, so a markdown `#### Step 3` heading is none).
 */
function findAnswerLine(text: string): Extraction | undefined {
  // the rarer cues are searched only where their literal is written (one fast literal search each)
  let from = lastEnd(ANSWER_LINE_RE, text);
  if (text.includes('####')) from = Math.max(from, lastEnd(GSM8K_LINE_RE, text));
  if (text.includes('答案') || text.includes('ponse')) from = Math.max(from, lastEnd(OTHER_LANGUAGE_ANSWER_RE, text));
  if (from < 0) return undefined;
  let frag = text.slice(from, from + 400);
  const nl = frag.search(/\n\s*\n|\n(?=\s*[A-Z*#])/);
  if (nl >= 0) frag = frag.slice(0, nl);
  frag = frag.replace(/^[\s*_:]+/, '');
  const parts = innerAnswer(frag);
  return parts && make(parts, 'answer-line', from + frag.length);
}

/**
 * The answer inside a fragment that follows "final answer" / "Answer:": its boxes, else what
 * follows the last " is ", else its math spans, else the fragment itself when it is short, else
 * its last number.
 */
function innerAnswer(fragIn: string): string[] | undefined {
  let frag = fragIn.replace(/\*\*/g, '').trim();
  if (frag === '') return undefined;
  const is = /^(?:[^\n]{0,150}?\s)?(?:is|are|equals)\s+:?\s*(?=\S)/i.exec(frag);
  // "... is X": skip to X, unless a box came before the "is", or a math span did and X states no value
  // ("is $5$. Let me check that this is the final answer.")
  const restates = (x: string): boolean => /\$|\\\(|\\\[/.test(x) && !/[\d$\\]/.test(frag.slice(x.length, x.length + 80).split(/[.\n]/)[0]!);
  if (is && is[0].length < frag.length && !findBoxes(is[0]).length && !restates(is[0])) frag = frag.slice(is[0].length);
  frag = frag.replace(/[\s.。]+$/, '');
  const spans = mathSpans(frag, false);
  // "is $9999$, \boxed{1}": an answer that starts with a math span is that span (and spans joined to it)
  if (spans.length > 0 && /^[\s"'`\\]*$/.test(frag.slice(0, spans[0]!.start))) {
    const parts = [spans[0]!.content];
    for (let k = 1; k < spans.length && SPAN_JOIN_RE.test(frag.slice(spans[k - 1]!.end, spans[k]!.start)); k++) parts.push(spans[k]!.content);
    return parts;
  }
  const boxed = findBoxed(frag);
  if (boxed) return boxed.parts;
  if (spans.length > 0) {
    const joined = joinSpans(frag, spans);
    const rest = frag.slice(0, joined.start) + frag.slice(joined.end);
    // a fragment that is its math spans (plus punctuation) answers with the spans
    if (/^[\s"'.,:;()\\]*$/.test(rest)) return joined.parts;
  }
  if (frag.length <= 80 && !/\n/.test(frag) && (!/\d/.test(frag) || nonMathWords(frag).length === 0)) return [frag];
  const num = findNumber(frag);
  if (num) return num.parts;
  if (spans.length > 0) return [spans[spans.length - 1]!.content];
  return frag.length <= 80 ? [frag] : undefined;
}

// ---- whole text ------------------------------------------------------------------------------

/** Words of 3+ letters that are not math commands, functions, units or scale words. */
export function nonMathWords(t: string): string[] {
  const words = (t.replace(/\\[a-zA-Z]+/g, ' ').match(/[A-Za-z]{3,}/g) ?? []).flatMap((w) => {
    const glued = /^(or|and)(?=[A-Z])/.exec(w);
    return glued ? [glued[0], w.slice(glued[0].length)] : [w];
  });
  return words.filter((w) => w.length >= 3 && !MATH_WORDS.test(w) && !isUnitName(w) && !UNIT_WORDS.has(w.toLowerCase()) && !(w.toLowerCase() in SCALES));
}

const MATH_WORDS = /^(?:and|or|sqrt|pi|inf|infty|infinity|oo|sin|cos|tan|sec|csc|cot|ln|log|exp|abs|frac|text|dfrac|tfrac|cdot|times|le|ge|leq|geq|in|cup|cap|pm|mp|left|right|circ|percent|pct|mbox|mathrm|mathbf|boxed|begin|end|pmatrix|bmatrix|matrix|array|quad|qquad|infty|emptyset|ldots|cdots|dots|approx|ne|neq|lt|gt|binom|lfloor|rfloor|lceil|rceil|overline|displaystyle|textbf|mathbb|varnothing|setminus|operatorname|vert|langle|rangle|colon|prime|sum|prod|max|min|gcd|lcm|arcsin|arccos|arctan)$/i;

/** Letters of scripts with no math words (CJK, kana, Hangul, Arabic, Devanagari, Bengali): prose, not a formula. */
const OTHER_SCRIPT_RE = /[\u0600-\u06ff\u0900-\u09ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/**
 * The whole text as the answer: when it has no math delimiters and is either math-looking (every
 * word of 3+ letters is a math command, function or unit) or a short phrase without digits.
 */
function findWhole(text: string, gold: boolean): Extraction | undefined {
  const t = text.trim();
  if (t.length === 0 || t.length > 300 || /(?<!\\)\$|\\\(|\\\[|\n\s*\n/.test(t)) return undefined;
  const hasDigit = /\d/.test(t);
  const mathy = nonMathWords(t.replace(/\\text\s*\{[^{}]*\}/g, ' ')).length === 0 && !OTHER_SCRIPT_RE.test(t);
  const phrase = (!hasDigit || gold) && t.split(/\s+/).length <= 12 && !/[.!?]\s+\S/.test(t);
  if (!mathy && !phrase) return undefined;
  return make([t], 'whole', text.length);
}

// ---- math spans ------------------------------------------------------------------------------

/** At most this many spans are joined into one answer. */
const MAX_JOINED = 6;
/** Boxes kept while scanning (only the last ones, close together, form the answer). */
const MAX_BOXES = 64;

const SPAN_JOIN_RE = /^\s*(?:,?\s*(?:and|or)|,)\s*$/i;

/** The last span and the spans before it joined by `and` / `or` / `,` (up to 6). */
function joinSpans(text: string, spans: Span[]): { parts: string[]; start: number; end: number } {
  const last = spans[spans.length - 1]!;
  const parts = [last.content];
  let start = last.start;
  for (let k = spans.length - 2; k >= 0 && parts.length < MAX_JOINED; k--) {
    const s = spans[k]!;
    if (!SPAN_JOIN_RE.test(text.slice(s.end, start))) break;
    parts.unshift(s.content);
    start = s.start;
  }
  return { parts, start, end: last.end };
}

function findMathSpan(text: string, inlineSingleLine: boolean): Extraction | undefined {
  if (!/\$|\\\(|\\\[/.test(text)) return undefined;
  const spans = mathSpans(text, inlineSingleLine, MAX_JOINED);
  if (spans.length === 0) return undefined;
  const j = joinSpans(text, spans);
  return make(j.parts, 'math-span', j.end);
}

// ---- numbers and letters ---------------------------------------------------------------------

const NUMBER_RE = /(?<![A-Za-z0-9_.\\/^])(?:[$€£¥]\s?)?(-?(?:[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+)(?:\s*\/\s*\d+(?!\d|[.,]\d))?)(\s*(?:%|percent(?:age)?\b|pct\b))?/g;

function findNumber(textIn: string): Extraction | undefined {
  const text = textIn.includes('\\!') || textIn.includes('{,}') ? textIn.replace(/,\\!|\{,\}/g, ',') : textIn;
  let last: RegExpExecArray | undefined;
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) last = m;
  if (!last) return undefined;
  let n = last[1]!;
  // "2,74" is a decimal comma only when it is not a thousands group
  if (/^-?\d+,\d+$/.test(n) && !/^-?[1-9]\d{0,2}(?:,\d{3})+$/.test(n)) n = n.replace(',', '.');
  else n = n.replace(/,(?=\d{3}\b)/g, '');
  if (last[2]) n += '%';
  n = n.replace(/\s+/g, '');
  const end = last.index + last[0].length;
  const unit = last[2] ? undefined : unitAfter(text, end);
  if (unit) return { text: `${n} ${unit.name}`, parts: [`${n} ${unit.name}`], rule: 'number', end: end + unit.length, number: n };
  return make([n], 'number', end);
}

/** A unit written after a number (`km`, `m/s`, `m^2`, `kWh`, `acres`) that ends its clause (`12 in total` is no unit). */
const UNIT_AFTER_RE = /[ \t]?((?:[A-Za-zµμ]+(?:\^\{?-?\d\}?)?)(?:[ \t]*\/[ \t]*[A-Za-zµμ]+(?:\^\{?-?\d\}?)?)?)(?=[ \t]*(?:[.,;:!?)\]$*]|\n|$))/y;

/** The plain-text unit right after the number ending at `at`, when it names known units. */
function unitAfter(text: string, at: number): { name: string; length: number } | undefined {
  UNIT_AFTER_RE.lastIndex = at;
  const m = UNIT_AFTER_RE.exec(text);
  return m && plainUnitForm(`1 ${m[1]}`) ? { name: m[1]!, length: m[0].length } : undefined;
}

function findLetter(text: string, letters: string): Extraction | undefined {
  const set = `[${letters.replace(/[^A-Za-z]/g, '')}]`;
  const patterns: RegExp[] = [
    new RegExp(`final answer[^\\n]{0,100}?\\bis:?\\s*\\(?(${set})\\b`, 'gi'),
    new RegExp(`answer[^\\n]{0,50}?(?:^|\\s|\\()(?:\\*\\*)?(${set})(?:\\*\\*)?(?:[.,:)\\s]|$)`, 'g'),
    new RegExp(`^(?:\\*\\*)?(${set})(?:\\*\\*)?(?:[.,:)\\s]|$)`, 'gm'),
    new RegExp(`(?:^|\\s|\\()(?:\\*\\*)?(${set})(?:\\*\\*)?(?:[.,:)\\s]|$)`, 'g'),
  ];
  for (const re of patterns) {
    let last: RegExpExecArray | undefined;
    for (let m = re.exec(text); m; m = re.exec(text)) last = m;
    if (last) return make([last[1]!.toUpperCase() === last[1] ? last[1]! : last[1]!.toUpperCase()], 'letter', last.index + last[0].length);
  }
  return undefined;
}

/** Math-Verify's LaTeX-only extraction keeps inline spans on one line; exposed for `latex` priorities. */
export function findMathSpanSingleLine(text: string): Extraction | undefined {
  return findMathSpan(text, true);
}
