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
  // where `answer` is written, found forwards (a forward literal search is much faster than lastIndexOf)
  const hits: number[] = [];
  for (let k = text.indexOf('nswer'); k >= 0; k = text.indexOf('nswer', k + 5)) hits.push(k);
  for (let k = text.indexOf('NSWER'); k >= 0; k = text.indexOf('NSWER', k + 5)) hits.push(k);
  hits.sort((a, b) => a - b);
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

/** A heading line that only announces the answer. */
const HEADING_LINE_AT = /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?:the[ \t]+)?(?:final[ \t]+)?answer[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*$/im;
