/**
 * MCQ extraction's weak forms (extract.ts, step 7): what counts as the answer when the response
 * makes no answer statement at all. In order: a lone letter on the last line (or on the first, an
 * explanation after it); a concluding `..., so D.` that ends the text; the letter judged right
 * (`(C) is correct`, `B is the best answer`), among the question's letters; a single bold letter;
 * a one-line response that is an option written out with its label (`B. 42 N`).
 */
import { isSpace } from './chars.js';
import type { McqExtraction } from './extract.js';

const LONE_LETTER_RE = /^[\s*_>#-]*\(?([A-Z])\)?[.)]?[\s*_]*$/;
const BOLD_LETTER_RE = /\*\*\(?([A-Z])\)?\*\*/g;

/**
 * The last non-blank line when it can be a lone letter (at most one letter, no digit or word),
 * else undefined. Walks back from the end and stops at the first character that rules it out,
 * instead of searching a long last paragraph for its line start.
 */
function lastLineIfShort(text: string): string | undefined {
  const end = text.trimEnd().length;
  let letters = 0;
  for (let i = end - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return text.slice(i + 1, end);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (++letters > 1) return undefined;
    }
  }
  return text.slice(0, end);
}

/**
 * Weak forms when no answer statement exists: a lone letter as the last line; else a concluding
 * `so D.` that ends the text; else the letter judged right (`(C) is correct`, `C is the right
 * answer`, `B is the best answer`; two different ones are ambiguous); else a bold letter; else a
 * one-line response that is an option written out with its label (`B. 42 N`).
 */
export function weakForms(text: string, letters: string): McqExtraction {
  const line = lastLineIfShort(text);
  const lone = line === undefined ? null : LONE_LETTER_RE.exec(line);
  if (lone) return { letter: lone[1], rule: 'lone-letter' };
  // The letter alone on the first line, an explanation after it (`B\n\nExplanation: ...`).
  const first = LONE_LETTER_RE.exec(text.slice(0, Math.max(0, text.indexOf('\n'))));
  if (first && letters.includes(first[1]!)) return { letter: first[1], rule: 'lone-letter-first' };
  const concluding = mayConcludeWithLetter(text) ? CONCLUDING_LETTER_RE.exec(text.slice(-CONCLUDING_TAIL)) : null;
  if (concluding) return { letter: (concluding[1] ?? concluding[2])!.toUpperCase(), rule: 'concluding-letter' };
  // Only the question's letters: in `B) 42 N is the correct answer` the unit N is no option.
  const judged = onlyValid(judgedRight(text), letters);
  if (judged) return judged.size === 1 ? { letter: [...judged][0], rule: 'judged-right' } : { reason: 'ambiguous', rule: 'judged-right' };
  if (text.includes('**')) {
    BOLD_LETTER_RE.lastIndex = 0;
    const bold = new Set([...text.matchAll(BOLD_LETTER_RE)].map((m) => m[1]!));
    if (bold.size === 1) return { letter: [...bold][0], rule: 'bold-letter' };
    if (bold.size > 1) return { reason: 'ambiguous', rule: 'bold-letter' };
  }
  const labelled = text.length <= OPTION_LINE_MAX ? OPTION_LINE_RE.exec(text) : null;
  if (labelled) return { letter: labelled[1], rule: 'option-line' };
  return { reason: 'no-answer' };
}

/** The whole response is one option written out with its label: `B. 42 N`, `(B) 42 N`, `**B) 42 N**`. */
const OPTION_LINE_RE = /^[\s*_>#-]*\(?([A-Z])[).:]\**[ \t]+(?!(?:is|are|was|were|would|must|should|can|could|might|may|seems?|has|have|and|or|but|if|not)\b)[^\n]*\S[ \t]*$/;
const OPTION_LINE_MAX = 200;

function onlyValid(found: Set<string> | undefined, letters: string): Set<string> | undefined {
  if (!found) return undefined;
  const valid = new Set([...found].filter((l) => letters.includes(l)));
  return valid.size > 0 ? valid : undefined;
}

/** How far from the end a letter judged right is looked for (a conclusion closes the response). */
const CONCLUDING_WINDOW = 1_500;
/** A concluding `so D.` lies within this many characters of the end. */
const CONCLUDING_TAIL = 120;
/** `..., so D.` / `Hence (D).` / `Therefore, option D` / `I think it's B.` / `After analysis: B` ending the text. */
const CONCLUDING_LETTER_RE = /(?:\b(?:[Ss]o|[Hh]ence|[Tt]hus|[Tt]herefore|[Ii]t's|[Ii]t\s+is)\b[,:]?|:)\s+(?:(?:the\s+)?(?:answer|option|choice)\s+)?(?:\(([A-Za-z])\)|\*{0,2}([A-HJ-Z])\b\*{0,2})[.!]?[\s*_]*$/;
/**
 * Whether the text may end as {@link CONCLUDING_LETTER_RE} wants: past trailing spaces, `*`, `_`,
 * `.` and `!`, its last character is `)` or a capital. Most responses end otherwise, and the
 * expression (unanchored) would be tried at every position of the tail.
 */
function mayConcludeWithLetter(text: string): boolean {
  let p = text.length;
  for (let c = text.charCodeAt(p - 1); isSpace(c) || c === 42 || c === 95 || c === 46 || c === 33; c = text.charCodeAt(--p - 1));
  const c = text.charCodeAt(p - 1);
  return c === 41 || (c >= 65 && c <= 90);
}

/** What comes before a word of judgement: `(C) is `, `C would be the `, `**C** is also `; `I` only in parentheses. */
const JUDGED_BEFORE_RE = /(?:^|[\s*(])(?:\(([A-Za-z])\)|\*{0,2}([A-HJ-Z])\*{0,2})\s+(?:is|would\s+be|must\s+be)\s+(?:also\s+)?(?:the\s+)?(?:(?:best|correct|right|final)\s+)?$/;
/** A judgement that holds only under a condition: `correct only if`, `right when`. */
const JUDGED_CONDITION_RE = /^\s+(?:only\s+)?(?:if|when)\b/;
/**
 * The words of judgement (`correct`, `right`, `true`), each as the tail searched for and the head
 * checked before it: a literal search stops at every occurrence of its first character, and `g`,
 * `u` are rarer in prose than `r`, `t`.
 */
const JUDGEMENT_WORDS: readonly (readonly [head: string, tail: string])[] = [['', 'correct'], ['ri', 'ght'], ['tr', 'ue'], ['ans', 'wer']];

/** Whether a character code is not a letter (NaN past either end counts as an edge). */
function isWordEdge(c: number): boolean {
  return !((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}

/**
 * Whether the text before the space at `space` may end as {@link JUDGED_BEFORE_RE} wants (`is`,
 * `be`, `also`, `the` and spaces): its last character before the spaces is `s`, `e`, `o` or not
 * ASCII. A cheap test that spares the expression most words of judgement in prose.
 */
function mayBeJudged(text: string, space: number): boolean {
  let p = space;
  while (p > 0 && isSpace(text.charCodeAt(p - 1))) p--;
  const c = text.charCodeAt(p - 1);
  return c === 115 || c === 101 || c === 111 || c === 116 || c > 127;
}

/**
 * The letters judged right (`(X) is correct`, `C is the right answer`) within the text's end;
 * several are ambiguous. Finds the words of judgement by literal search and reads the few
 * characters before each (not `is not`, not `incorrect`, not `correct only if`).
 */
function judgedRight(text: string): Set<string> | undefined {
  const from = Math.max(0, text.length - CONCLUDING_WINDOW);
  let letters: Set<string> | undefined;
  for (const [head, tail] of JUDGEMENT_WORDS) {
    for (let t = text.indexOf(tail, from + head.length); t >= 0; t = text.indexOf(tail, t + tail.length)) {
      const k = t - head.length;
      if (head !== '' && !text.startsWith(head, k)) continue;
      const after = t + tail.length;
      // a whole word (`incorrect`, `rightly` are none), preceded by a space and unconditional
      if (!isWordEdge(text.charCodeAt(k - 1)) || !isWordEdge(text.charCodeAt(after)) || text.charCodeAt(k - 1) !== 32) continue;
      if (!mayBeJudged(text, k - 1)) continue;
      if (JUDGED_CONDITION_RE.test(text.slice(after, after + 12))) continue;
      const m = JUDGED_BEFORE_RE.exec(text.slice(Math.max(0, k - 30), k));
      if (m) (letters ??= new Set()).add((m[1] ?? m[2])!.toUpperCase());
    }
  }
  return letters;
}
