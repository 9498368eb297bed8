/**
 * MCQ answer extraction: which option letter did the response commit to?
 *
 * 1. Keep the part of the response that answers: after the last `</think>`, before a new
 *    conversation turn the model went on to write, within the last 32k characters.
 * 2. If the template declared a format (`Answer: X` line, `\boxed{X}`), read exactly that first.
 * 3. Otherwise collect every answer statement (see `cues.ts`) in order and let the LAST
 *    statement decide: a letter is the answer; several letters, or answers to different parts
 *    of a multi-part question, are `ambiguous`; a number, "none of the above", or a refusal is
 *    `no-answer`. Statements that deny their letter (`(E) is incorrect`) or are conditional
 *    (`if ..., then the answer is (G)`) do not count. A bare `option (D)` mention or a lone
 *    letter on the last line counts only when no answer statement exists.
 * 4. A long run of repeated answer lines at the end is a degenerate loop: `degenerate`.
 */
import { MCQ_TAIL_CHARS } from './window.js';
import type { FormatSpec } from '../../core/format.js';
import { FIRST_PART_RE, type CueKind } from './cues.js';
import { findTurnBreak } from './turn-break.js';
import { findCues } from './find-cues.js';
import { findPartMarkers } from './part-markers.js';
import { DEFAULT_LETTERS, foldNonAscii, foldText, isAscii } from './letters.js';
import { weakForms } from './weak-forms.js';
import { aliasLetter, readLetter, sentenceEnd } from './read-letter.js';

/** Why no single letter was extracted. */
export type McqNoLetterReason = 'no-answer' | 'ambiguous' | 'degenerate' | 'invalid-letter';

/** The result of extraction. */
export interface McqExtraction {
  /** The option letter committed to, when exactly one was. */
  letter?: string;
  /** Why there is no letter. */
  reason?: McqNoLetterReason;
  /** Which rule decided: `declared-format`, `last-statement`, `mention`, `lone-letter`, `choice-text`. */
  rule?: string;
}

/** Extraction options. */
export interface McqExtractOptions {
  /** Valid letters (default A to J). A letter outside them is `invalid-letter`. */
  letters?: string;
  /** The declared answer format of the template, read first when given. */
  format?: FormatSpec;
  /** Option texts, in letter order: a final answer given as the option's text counts as its letter. */
  choices?: readonly string[];
}

interface Statement {
  kind: CueKind;
  at: number;
  end: number;
  letters: string[];
  negated: boolean;
  conditional: boolean;
  final: boolean;
}

const MAX_TAIL = MCQ_TAIL_CHARS;
const DEGENERATE_RUN = 8;
const CONDITIONAL_RE = /\bif\b[^.!?\n]*\bthen\b[^.!?\n]*$/i;
const ANSWER_LINE_RE = /^[ \t>*_#]*(?:final\s+)?answer[ \t*_]*:(.*)$/gim;
const BOXED_RE = /\\(?:boxed|fbox)\s*\{/g;
/** A short bare answer line, `3. The answer is (B).`: at most {@link SHORT_LINE_MAX} characters. */
const SHORT_ANSWER_LINE_RE = /^\s{0,20}(?:\d{1,4}[.)]\s{0,20})?(?:answer\s{0,20}:\s{0,20})?(?:the\s{1,20})?(?:final\s{1,20})?answer\s{1,20}is\s{0,20}\(?[A-Za-z]?\)?\.?\s{0,20}$/i;
const SHORT_LINE_MAX = 240;

/** The span of the response that holds its answer (see step 1 above). */
export function answerRegion(response: string): string {
  return foldText(rawRegion(response));
}

/** The answer region before folding: after the last `</think>`, within the last 32k characters. */
function rawRegion(response: string): string {
  let text = response.length > MAX_TAIL ? response.slice(-MAX_TAIL) : response;
  if (text.includes('</think>')) {
    const after = text.slice(text.lastIndexOf('</think>') + 8);
    if (after.trim()) text = after;
  }
  return text;
}

const HEADING_AFTER_RE = /^\s*:/;

/**
 * Whether the sentence before `at` reads "if ..., then": a conditional answer does not count.
 * `thens` (where the text says `then`, from the cue scan) spares searching the window for it.
 */
function isConditional(text: string, at: number, thens: number[] | undefined): boolean {
  const from = Math.max(0, at - 200);
  if (thens && !thenBetween(thens, from, at)) return false;
  const window = text.slice(from, at);
  if (!window.includes('then')) return false;
  const start = Math.max(window.lastIndexOf('.'), window.lastIndexOf('\n')) + 1;
  return CONDITIONAL_RE.test(window.slice(start));
}

/** Whether a `then` lies within [from, at) (`thens` ascending; a binary search keeps many cues linear). */
function thenBetween(thens: number[], from: number, at: number): boolean {
  let lo = 0;
  let hi = thens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (thens[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < thens.length && thens[lo]! + 4 <= at;
}

/**
 * Answer statements read per response: the last {@link MAX_CUES} cues. Reading a statement looks
 * up to a sentence (200 characters) past its cue, so a text of back-to-back cues ("the answer is
 * the answer is ...", 2,000 in the 32k-character window) re-read each sentence a dozen times: 5 ms
 * where an honest response takes microseconds. The last statements decide the answer; no honest
 * response states an answer hundreds of times.
 */
export const MAX_CUES = 128;

/** Read the answer statements of the text, the last {@link MAX_CUES} (`nonAscii`: whether it has non-ASCII characters). */
function scan(text: string, nonAscii: boolean): Statement[] {
  const out: Statement[] = [];
  let skipTo = 0;
  const found = findCues(text, nonAscii);
  const thens = found.thens;
  const cues = found.cues.length > MAX_CUES ? found.cues.slice(-MAX_CUES) : found.cues;
  for (const { kind, at, end: after } of cues) {
    // A cue inside a value already read ("the answer is option (D)") is not a new statement.
    if (at < skipTo) continue;
    if (kind === 'list' || kind === 'refusal') {
      out.push({ kind, at, end: after, letters: [], negated: false, conditional: false, final: false });
      continue;
    }
    const read = readLetter(text, after, kind === 'mention');
    let letters = read.letters;
    // A value that is not a letter, then "i.e. option (C)": the option named is the answer.
    if ((read.inSentence || letters.length === 0) && kind !== 'mention') {
      const alias = aliasLetter(text, after);
      if (alias) letters = [alias];
    }
    // A mention that is a heading ("Option B:") or gives no letter says nothing.
    if (kind === 'mention' && (letters.length === 0 || HEADING_AFTER_RE.test(text.slice(read.end, read.end + 3)))) continue;
    const conditional = isConditional(text, at, thens);
    const previous = out[out.length - 1];
    const final = kind === 'final' || (previous?.kind === 'final' && at - previous.end <= 40);
    out.push({ kind, at, end: Math.max(read.end, after), letters, negated: read.negated, conditional, final });
    skipTo = read.end;
  }
  return out;
}

/**
 * A new question or turn after one blank line (`\n\nQuestion:`, `Q:`, `Human:`, `User:`): the
 * few-shot layout of MMLU-Pro and of chat transcripts, which a model that keeps generating
 * continues. It ends the answer only after an answer statement (see cutContinuation).
 */
const NEW_QUESTION_RE = /\n[ \t]*\n[ \t]*(?:question\s*:|q\s*:|human\s*:|user\s*:)/i;

/**
 * Cut a continuation the model wrote after answering (a new few-shot turn, an EOS token as
 * text): at the first turn break whose text before it holds an answer statement with a letter.
 */
function cutContinuation(text: string, nonAscii: boolean): { text: string; statements?: Statement[] } {
  const breaks: number[] = [];
  if (mayHaveTurnBreak(text)) breaks.push(findTurnBreak(text));
  breaks.push(text.search(NEW_QUESTION_RE));
  for (const at of breaks.filter((b) => b > 0).sort((a, b) => a - b)) {
    const head = text.slice(0, at);
    const statements = scan(head, nonAscii);
    // The head's statements are returned with it, so they are not read twice.
    if (statements.some((s) => s.letters.length > 0 && s.kind !== 'mention')) return { text: head, statements };
  }
  return { text };
}

/**
 * Whether a turn break (`TURN_BREAK_RE`) can be there: the text has a `<` or two blank lines in a row (lines
 * of only spaces and tabs). Cheaper than the expression, which most responses fail.
 */
function mayHaveTurnBreak(text: string): boolean {
  if (text.includes('<')) return true;
  let blank = 0;
  for (let i = text.indexOf('\n'); i >= 0; ) {
    let j = i + 1;
    while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
    if (text.charCodeAt(j) === 10) {
      if (++blank === 2) return true;
      i = j;
    } else {
      blank = 0;
      i = text.indexOf('\n', j);
    }
  }
  return false;
}

/** A trailing run of many bare "The answer is (X)" lines: the model is looping. */
function isDegenerateLoop(text: string): boolean {
  // Quick exit: the last line is too long to be a short answer line (most responses end in prose).
  let end = text.trimEnd().length;
  if (end > SHORT_LINE_MAX && !text.includes('\n', end - SHORT_LINE_MAX)) return false;
  let run = 0;
  while (end > 0 && run < DEGENERATE_RUN) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (!line.trim()) continue;
    if (!SHORT_ANSWER_LINE_RE.test(line)) return false;
    run += 1;
  }
  return run >= DEGENERATE_RUN;
}

function fromDeclaredFormat(text: string, format: FormatSpec): string | undefined {
  let value: string | undefined;
  if (format.answer === 'answer-line') {
    ANSWER_LINE_RE.lastIndex = 0;
    for (let m = ANSWER_LINE_RE.exec(text); m; m = ANSWER_LINE_RE.exec(text)) value = m[1];
  } else if (format.answer === 'boxed') {
    BOXED_RE.lastIndex = 0;
    let last = -1;
    for (let m = BOXED_RE.exec(text); m; m = BOXED_RE.exec(text)) last = m.index + m[0].length;
    if (last >= 0) value = text.slice(last, last + 40);
  }
  if (value === undefined) return undefined;
  const read = readLetter(value, 0);
  return read.letters.length === 1 && !read.negated ? read.letters[0] : undefined;
}

function normalizeChoice(s: string): string {
  return s.toLowerCase().replace(/[\s*_`"'.,;:!?()[\]{}$\\]+/g, ' ').trim();
}

/**
 * The option whose text the final answer gives: the text after the last answer statement (or the
 * last line) equals one option's text, or contains exactly one option's text as whole words.
 */
function fromChoiceText(text: string, statements: Statement[], choices: readonly string[], letters: string): string | undefined {
  const norm = choices.map(normalizeChoice);
  const last = statements.filter((s) => s.kind !== 'mention' && s.kind !== 'list').at(-1);
  const lines = text.trimEnd().split('\n');
  const spans = [last ? text.slice(last.end, sentenceEnd(text, last.end, 300)) : undefined, lines[lines.length - 1]];
  for (const span of spans) {
    if (span === undefined) continue;
    const v = ` ${normalizeChoice(span)} `;
    const exact = norm.findIndex((c) => c.length > 0 && ` ${c} ` === v);
    if (exact >= 0) return letters[exact];
    const contained = norm.flatMap((c, k) => (c.length > 0 && v.includes(` ${c} `) ? [k] : []));
    if (contained.length === 1) return letters[contained[0]!];
  }
  return undefined;
}

/**
 * Where the parts of a multi-part answer begin. When the first part marker names the first part
 * (`(a)`, `1)`, `first part`), text before it is a preamble and its answer is not a part's answer;
 * when the first marker is a later part (`For the second part`), the text before it is part one.
 */
function partsStart(text: string): { markers: number[]; start: number } {
  const found = findPartMarkers(text);
  const first = found[0];
  return { markers: found.map((m) => m.at), start: first && FIRST_PART_RE.test(first.text) ? first.at : 0 };
}

function decide(text: string, statements: Statement[], letters: string): McqExtraction {
  const counted = statements.filter((s) => !s.negated && !s.conditional);
  // A non-letter value after "the closest option is" restates the option's content ("15.42 psia").
  const strong = counted.filter((s) => s.kind !== 'mention' && !(s.kind === 'option' && s.letters.length === 0));
  if (strong.length === 0) {
    // (an `option` statement without a letter, `the right choice here`, is no mention of one)
    const mention = counted.at(-1);
    if (mention && mention.letters.length > 0) return { letter: mention.letters[0], rule: 'mention' };
    return weakForms(text, letters);
  }
  const last = strong[strong.length - 1]!;
  const distinct = new Set(last.letters);
  if (distinct.size > 1) return { reason: 'ambiguous', rule: 'last-statement' };
  // A list of answers ("The answers to the first five are: ...") with different letters.
  const list = strong.findLast((s) => s.kind === 'list');
  if (list) {
    const after = new Set(strong.filter((s) => s.at > list.at).flatMap((s) => s.letters));
    if (after.size > 1) return { reason: 'ambiguous', rule: 'answer-list' };
  }
  if (distinct.size === 0) return { reason: 'no-answer', rule: 'last-statement' };
  const letter = last.letters[0]!;
  if (!last.final) {
    // Answers to the parts of a multi-part question: (a) ... (A). (b) ... (F).
    const withLetters = strong.filter((s) => s.letters.length > 0);
    let parts: { markers: number[]; start: number } | undefined;
    for (let k = withLetters.length - 1; k > 0; k--) {
      const cur = withLetters[k]!;
      const prev = withLetters[k - 1]!;
      if (prev.letters[0] === cur.letters[0]) continue;
      parts ??= partsStart(text);
      const between = parts.markers.some((p) => p > prev.at && p < cur.at);
      if (prev.at >= parts.start && between) {
        return { reason: 'ambiguous', rule: 'per-part' };
      }
    }
  }
  return { letter, rule: 'last-statement' };
}

/** Extract the option letter a response commits to. Pure and total: never throws on any string. */
export function extractMcqLetter(response: string, options: McqExtractOptions = {}): McqExtraction {
  const letters = options.letters ?? DEFAULT_LETTERS;
  const raw = rawRegion(response);
  const nonAscii = !isAscii(raw);
  let text = nonAscii ? foldNonAscii(raw) : raw;
  if (options.format) {
    const declared = fromDeclaredFormat(text, options.format);
    if (declared) return letters.includes(declared) ? { letter: declared, rule: 'declared-format' } : { reason: 'invalid-letter' };
  }
  const cut = cutContinuation(text, nonAscii);
  text = cut.text;
  if (isDegenerateLoop(text)) return { reason: 'degenerate', rule: 'repeated-answer-lines' };
  const statements = cut.statements ?? scan(text, nonAscii);
  let result = decide(text, statements, letters);
  if (!result.letter && result.reason === 'no-answer' && options.choices?.length) {
    const byText = fromChoiceText(text, statements, options.choices, letters);
    if (byText) result = { letter: byText, rule: 'choice-text' };
  }
  if (result.letter && !letters.includes(result.letter)) return { reason: 'invalid-letter', rule: result.rule };
  if (result.letter && isFewShotEcho(statements, letters, result.letter)) return { reason: 'no-answer', rule: 'few-shot-echo' };
  return result;
}

/**
 * Answer statements that go on after a valid answer to name a letter this question does not have
 * (`The answer is (B). The answer is (H). The answer is (E). The answer is (C).` with options A-D):
 * the model is answering other questions (a few-shot echo), so its last statement is this
 * question's answer only when it repeats the first one, which answered this question before the
 * echo began (`(A) (H) (E) (I) (B) (A)` answers A). A wrong letter corrected later
 * (`(E)? No, only A-D: the answer is (C)`) is no echo: no valid answer came before it.
 */
function isFewShotEcho(statements: Statement[], letters: string, last: string): boolean {
  let first: string | undefined;
  for (const s of statements) {
    if (s.kind === 'mention' || s.negated || s.conditional || s.letters.length !== 1) continue;
    const letter = s.letters[0]!;
    if (letters.includes(letter)) first ??= letter;
    else if (first !== undefined) return first !== last;
  }
  return false;
}
