/**
 * Read the option letter a cue introduces: `(C)`, `C`, `**C**`, `\boxed{C}`, `\( C \)`,
 * `option C`, `C. text`, lowercase only in parentheses `(c)`; plus the statement's shape around
 * it (several letters, a negation, a non-letter value such as a number or "none of the above").
 */
import { isSpace } from './chars.js';

/** What followed a cue. */
export interface LetterRead {
  /** Letters read, in order (usually one; several for `(A) and (C)`). Empty when the value is not a letter. */
  letters: string[];
  /** The statement denies its letter: `(E) is incorrect`, `the answer is not (A)`. */
  negated: boolean;
  /** Index just after what was read. */
  end: number;
  /** The value was not a letter; `letters` are those named later in its sentence. */
  inSentence?: boolean;
}

// Decorations between a cue and its value: spaces, markdown emphasis, quotes, `$`, `\(`, `\[`,
// `{`, and LaTeX wrappers such as `\boxed{`, `\text{`, `\textbf{`.
const OPENERS_RE = /(?:[\s*_"'“”‘’`$:]|\\[([]|\\(?:boxed|fbox|text|textbf|mathbf|mathrm|mathit|textit|bf)\s*\{|\{)*/y;
const LABEL_WORD_RE = /(?:(?:answer\s+)?(?:option|choice|letter)|answer)\b\s*/iy;
const HEDGE_RE = /(?:probably|likely|most\s+likely|clearly|definitely|indeed|simply|just|still|then|either)\s+/iy;
// `(A)`, a capital before `,`/`and`/`or`, or after `and`/`or` (matched with the conjunction rather
// than behind a lookbehind, which would be tried at every position).
const ANY_PAREN_LETTER_RE = /\(([A-Za-z])\)|(?<![\w'])([A-Z])(?=,|\s+(?:and|or)\b)|\b(?:and|or)\s+([A-Z])(?![\w'/])/g;
const NOT_RE = /not\s+/iy;
const PAREN_LETTER_RE = /[([]\s*([A-Za-z])\s*[)\]]/y;
// A bare capital letter that stands alone: not followed by a letter, digit, `/` (N/A) or `'` + letter (I'm).
const BARE_LETTER_RE = /([A-Z])(?=$|[\s).,:;*$\\}!?"\]\u3001\u3002\uff09\uff0c\uff1b\u4e00-\u9fff\uac00-\ud7af]|'(?![a-z]))/y;
// A bare lowercase letter only when it ends the line: "answer: c", "the answer is d."
const BARE_LOWER_END_RE = /([a-j])(?=[ \t]*[.)]?[ \t]*(?:$|\n))/y;
const LOWER_WORD_AFTER_RE = /\s+[a-z]/y;
// After the letter: "is not / incorrect / wrong ...", or in Chinese "(项)不对 / 错误 / 不正确".
const NEGATION_RE =
  /[\s)\]}*$\\]*(?:(?:is|was|would\s+be|seems|are)\s+(?:not\b|incorrect|wrong|false|eliminated|ruled\s+out|excluded|invalid)|[项項]?\s*(?:不对|不對|不正确|不正確|错误|錯誤|是错的|是錯的|是错误的|错了|錯了))/iy;
const JOIN_RE = /[\s)\]}*$\\]*(?:,\s*(?:and|or)?|\band\b|\bor\b|&|\/)\s*(?:option\s*|choice\s*)?/iy;
const LATER_PAREN_RE = /(?:\band\b|\bor\b|,|&)\s*\(([A-Za-z])\)/g;
const ALIAS_RE =
  /\b(?:or|i\.e\.?|which\s+is|which\s+corresponds\s+to|corresponding\s+to|that\s+is)\s*,?\s*(?:(?:the\s+)?(?:answer\s+)?(?:option|choice)\s*)?(?:\(([A-Z])\)|([A-Z])(?=$|[\s.,;:!?)]))/g;

/**
 * The ASCII characters a sticky pattern can begin with. Each call below first looks at the next
 * character and runs the expression only when it can start there (any non-ASCII character
 * can): most calls fail on their first character, and the lookup is cheaper than the call.
 */
function firsts(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}
const SPACE_CHARS = ' \t\n\v\f\r';
const OPENERS_FIRST = firsts(`${SPACE_CHARS}*_"'\`$:\\{`);
const LABEL_FIRST = firsts('oclaOCLA');
const HEDGE_FIRST = firsts('plmcdisjtePLMCDISJTE');
const NOT_FIRST = firsts('nN');
const PAREN_FIRST = firsts('([');
const BARE_FIRST = firsts('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const BARE_LOWER_FIRST = firsts('abcdefghij');
const SPACE_FIRST = firsts(SPACE_CHARS);
const JOIN_FIRST = firsts(`${SPACE_CHARS})]}*$\\,aAoO&/`);
const NEGATION_FIRST = firsts(`${SPACE_CHARS})]}*$\\iIwWsSaA`);

/** Whether the character at `at` can begin a pattern with these first characters (false at the end). */
function may(first: Uint8Array, text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 128 || first[c] === 1;
}

function sticky(re: RegExp, first: Uint8Array, text: string, at: number): RegExpExecArray | null {
  if (!may(first, text, at)) return null;
  re.lastIndex = at;
  return re.exec(text);
}

/** Where a sticky match of `re` at `at` ends (`at` when none); `test` spares the match array. */
function skip(re: RegExp, first: Uint8Array, text: string, at: number): number {
  if (!may(first, text, at)) return at;
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : at;
}

/** One letter at `at`, in parentheses (any case) or bare (capital, standing alone). */
function letterAt(text: string, at: number, labelled = false): { letter: string; end: number } | undefined {
  const p = sticky(PAREN_LETTER_RE, PAREN_FIRST, text, at);
  if (p) return { letter: p[1]!.toUpperCase(), end: at + p[0].length };
  const b = sticky(BARE_LETTER_RE, BARE_FIRST, text, at) ?? sticky(BARE_LOWER_END_RE, BARE_LOWER_FIRST, text, at);
  if (!b) return undefined;
  const letter = b[1]!.toUpperCase();
  const end = at + 1;
  // "I cannot...", "A combination...": a pronoun or an article, not an option (unless "option A is").
  if (!labelled && (letter === 'I' || letter === 'A') && skip(LOWER_WORD_AFTER_RE, SPACE_FIRST, text, end) > end) return undefined;
  return { letter, end };
}

/**
 * End of the sentence that contains `at` (exclusive), at most `max` characters on: a newline, or
 * `.` `!` `?` before whitespace or the end. Looks at no more than `max` characters (a search for
 * the next sentence end could walk a long unpunctuated text once per cue: quadratic).
 * With `abbreviations`, the dots of `i.e.` and `e.g.` do not end it.
 */
export function sentenceEnd(text: string, at: number, max = 160, abbreviations = false): number {
  const stop = Math.min(text.length, at + max);
  for (let i = at; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i;
    if (c !== 46 && c !== 33 && c !== 63) continue;
    if (i + 1 < text.length && !isSpace(text.charCodeAt(i + 1))) continue;
    if (abbreviations && c === 46 && isAbbreviationDot(text, i)) continue;
    return i;
  }
  return stop;
}

/**
 * Whether the `.` at `i`, followed by a space or the end, closes `i.e.` / `e.g.` (any case). The
 * first dot of either is followed by a letter, so it never reaches this test.
 */
function isAbbreviationDot(text: string, i: number): boolean {
  if (i < 3 || text.charCodeAt(i - 2) !== 46) return false;
  const a = text.charCodeAt(i - 3) | 32;
  const b = text.charCodeAt(i - 1) | 32;
  return (a === 105 && b === 101) || (a === 101 && b === 103);
}

/** Read the value a cue introduces, starting at `at` (just after the cue). */
export function readLetter(text: string, at: number, labelled = false): LetterRead {
  let i = skip(OPENERS_RE, OPENERS_FIRST, text, at);
  let negated = false;
  const not = sticky(NOT_RE, NOT_FIRST, text, i);
  if (not) {
    const j = skip(OPENERS_RE, OPENERS_FIRST, text, skip(LABEL_WORD_RE, LABEL_FIRST, text, i + not[0].length));
    if (letterAt(text, j)) negated = true;
    // "The answer is not A because ...", "the answer is not obvious": says what it is not, never
    // what it is, so it leaves the statements before it standing.
    else return { letters: [], negated: true, end: i };
    i = j;
  }
  i = skip(HEDGE_RE, HEDGE_FIRST, text, i);
  const label = skip(LABEL_WORD_RE, LABEL_FIRST, text, i);
  const hasLabel = label > i;
  i = skip(OPENERS_RE, OPENERS_FIRST, text, label);
  const first = letterAt(text, i, labelled || label > at) ?? (hasLabel ? numberedOption(text, i) : undefined);
  if (!first) return { letters: lettersInSentence(text, i), negated: false, end: i, inSentence: true };
  const letters = [first.letter];
  let end = first.end;
  // "(A), (C) and (J)", "F or G": a statement that gives several letters.
  for (;;) {
    const j = sticky(JOIN_RE, JOIN_FIRST, text, end);
    if (!j) break;
    const next = letterAt(text, end + j[0].length);
    if (!next) break;
    letters.push(next.letter);
    end = next.end;
  }
  if (skip(NEGATION_RE, NEGATION_FIRST, text, end) > end) negated = true;
  // "(a) 0.217, (b) 0.356": more parenthesised letters later in the same sentence.
  const rest = text.slice(end, sentenceEnd(text, end));
  if (rest.includes('(')) {
    LATER_PAREN_RE.lastIndex = 0;
    for (let m = LATER_PAREN_RE.exec(rest); m; m = LATER_PAREN_RE.exec(rest)) letters.push(m[1]!.toUpperCase());
  }
  return { letters, negated, end };
}

const NUMBERED_OPTION_RE = /\(?([1-9])\)?(?![\d.,]\d|\d)/y;

/** `option 2`, `choice (3)`: options numbered from 1, read as the letter in that place (2 -> B). */
function numberedOption(text: string, at: number): { letter: string; end: number } | undefined {
  NUMBERED_OPTION_RE.lastIndex = at;
  const m = NUMBERED_OPTION_RE.exec(text);
  return m ? { letter: String.fromCharCode(64 + Number(m[1])), end: at + m[0].length } : undefined;
}

/**
 * Letters named in the rest of a sentence whose value is not a letter ("a combination of (A) and
 * (C)", "a combination of A, B, and D"): two or more distinct ones make the statement ambiguous;
 * fewer say nothing.
 */
function lettersInSentence(text: string, at: number): string[] {
  const span = text.slice(at, sentenceEnd(text, at, 200));
  ANY_PAREN_LETTER_RE.lastIndex = 0;
  const found = new Set<string>();
  for (let m = ANY_PAREN_LETTER_RE.exec(span); m; m = ANY_PAREN_LETTER_RE.exec(span)) found.add((m[1] ?? m[2] ?? m[3])!.toUpperCase());
  return found.size >= 2 ? [...found] : [];
}

/**
 * After a non-letter value, a letter given as an alias in the same sentence:
 * "the final answer is $1083.33, or C", "Fe^+3, or (D)", "5.04, which is option B".
 */
export function aliasLetter(text: string, at: number): string | undefined {
  const span = text.slice(at, sentenceEnd(text, at, 200, true));
  ALIAS_RE.lastIndex = 0;
  const m = ALIAS_RE.exec(span);
  return m ? (m[1] ?? m[2]) : undefined;
}
