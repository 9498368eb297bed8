/**
 * Answers under a heading of their own line: the PRM800K / GPT-4 step format (`# Answer\n\nX`),
 * `### Final Answer`, `**Final answer**`, `Answer:` alone on a line. The answer is the paragraph
 * that follows the heading (blank lines skipped, up to the next blank line).
 */

/** A heading line that only announces the answer. */
const HEADING_RE = /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?:the[ \t]+)?(?:final[ \t]+)?answer[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*$/gim;
/** The paragraph under a heading is at most this long. */
const MAX_PARAGRAPH = 400;

/** Where the paragraph under the last answer heading lies, or undefined when there is none. */
export function headingParagraph(text: string): { start: number; end: number } | undefined {
  // a literal search is much cheaper than a case-insensitive expression over the whole response
  if (!text.includes('nswer') && !text.includes('NSWER')) return undefined;
  HEADING_RE.lastIndex = 0;
  let found: { start: number; end: number } | undefined;
  for (let m = HEADING_RE.exec(text); m; m = HEADING_RE.exec(text)) {
    if (m[0].length === 0) HEADING_RE.lastIndex++;
    let start = m.index + m[0].length;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    if (start >= text.length) continue;
    const window = text.slice(start, start + MAX_PARAGRAPH);
    const blank = window.search(/\n[ \t]*\n/);
    const end = start + (blank >= 0 ? blank : window.length);
    // a heading followed by another heading (or nothing) announces nothing
    if (end > start && !HEADING_LINE_AT.test(text.slice(start, end))) found = { start, end };
  }
  return found;
}

const HEADING_LINE_AT = /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?:the[ \t]+)?(?:final[ \t]+)?answer[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*$/im;
