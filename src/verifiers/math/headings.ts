/**
 * Answers under a heading of their own line: the PRM800K / GPT-4 step format (`# Answer\n\nX`),
 * `### Final Answer`, `**Final answer**`, `Answer:` alone on a line. The answer is the paragraph
 * that follows the heading (blank lines skipped, up to the next blank line).
 */

/** The paragraph under a heading is at most this long. */
const MAX_PARAGRAPH = 400;

/**
 * Where the paragraph under the last answer heading lies, or undefined when there is none. Walks
 * back over the occurrences of `answer` (a literal search) and tests only their lines.
 */
export function headingParagraph(text: string): { start: number; end: number } | undefined {
  let from = text.length;
  for (;;) {
    const lower = text.lastIndexOf('nswer', from);
    const upper = text.lastIndexOf('NSWER', from);
    const at = Math.max(lower, upper);
    if (at < 1) return undefined;
    from = at - 1;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart > 60 || !HEADING_LINE_AT.test(text.slice(lineStart, lineEnd))) continue;
    from = Math.min(from, lineStart - 1);
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
