/**
 * Answers under a heading of their own line: the PRM800K / GPT-4 step format (`# Answer\n\nX`),
 * `### Final Answer`, `**Final answer**`, `Answer:` alone on a line. The answer is the paragraph
 * that follows the heading (blank lines skipped, up to the next blank line).
 */

/** A heading line is at most this long. */
const MAX_HEADING = 60;
/** The paragraph under a heading is at most this long. */
const MAX_PARAGRAPH = 400;

/**
 * Where the paragraph under the last answer heading lies, or undefined when there is none. Walks
 * back over the occurrences of `answer` (a literal search) and tests only their lines.
 */
export function headingParagraph(text: string): { start: number; end: number } | undefined {
  const hits = answersEndingLines(text);
  for (let h = hits.length - 1; ; h--) {
    if (h < 0) return undefined;
    const at = hits[h]!;
    // a heading line is short: look no further than MAX_HEADING characters either side
    let lineStart = at;
    while (lineStart > 0 && at - lineStart <= MAX_HEADING && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
    let lineEnd = at;
    while (lineEnd < text.length && lineEnd - lineStart <= MAX_HEADING && text.charCodeAt(lineEnd) !== 10) lineEnd++;
    if (lineEnd - lineStart > MAX_HEADING || !HEADING_LINE_AT.test(text.slice(lineStart, lineEnd))) continue;
    let start = lineEnd;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    if (start >= text.length) continue;
    const window = text.slice(start, start + MAX_PARAGRAPH);
    const blank = window.search(/\n[ \t]*\n/);
    const end = start + (blank >= 0 ? blank : window.length);
    // a heading followed by another heading announces nothing
    if (end > start && !HEADING_LINE_AT.test(text.slice(start, end))) return { start, end };
  }
}

/**
 * Where `nswer` / `NSWER` is written with nothing but spaces, tabs, `*`, `_` and `:` after it on
 * its line (what {@link HEADING_LINE_AT} allows after `answer`), in order. Found by a literal
 * search for `wer` (one for `nswer` stops at every `n` of the text, `w` is rarer).
 */
function answersEndingLines(text: string): number[] {
  const hits = wordsEndingLines(text, 'wer', 'ns');
  const upper = wordsEndingLines(text, 'WER', 'NS');
  return upper.length === 0 ? hits : hits.concat(upper).sort((a, b) => a - b);
}

/** Where `before + tail` is written and ends its line but for spaces, tabs, `*`, `_`, `:`. */
function wordsEndingLines(text: string, tail: string, before: string): number[] {
  const hits: number[] = [];
  for (let k = text.indexOf(tail); k >= 0; k = text.indexOf(tail, k + tail.length)) {
    if (k >= before.length && text.startsWith(before, k - before.length) && endsLine(text, k + tail.length)) hits.push(k - before.length);
  }
  return hits;
}

/** Whether only spaces, tabs, `*`, `_` and `:` stand between `at` and the end of its line. */
function endsLine(text: string, at: number): boolean {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 42 && c !== 95 && c !== 58) return false;
  }
  return true;
}

/** A heading line that only announces the answer. */
const HEADING_LINE_AT = /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?:the[ \t]+)?(?:final[ \t]+)?answer[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*$/im;
