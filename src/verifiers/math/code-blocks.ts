/**
 * Fenced code and tool-output blocks of tool-integrated reasoning (```python ... ```,
 * ```output ... ```): what a program says or prints is not the response's statement of its
 * answer (`answer = 12`, `print(f"The answer is {x}")`), so extraction reads the response with
 * their contents blanked out. Blocks of math or plain text (no language, `latex`, `markdown`)
 * are kept: some responses put their answer there.
 */

/** Languages (and tool-output tags) whose blocks are blanked. */
const CODE_INFO_RE = /^(?:python3?|py|sympy|output|stdout|console|bash|sh|shell|javascript|js|typescript|ts|cpp|c\+\+|c|java|julia|matlab|r|sage|wolfram|mathematica)\s*$/i;
/** At most this many blocks are blanked (a response with more keeps the rest). */
const MAX_BLOCKS = 256;

/**
 * `text` with the contents of its code and output blocks replaced by spaces (newlines kept, so
 * offsets and lines stay where they were); `text` itself when it has none.
 */
export function blankCodeBlocks(text: string): string {
  let open = text.indexOf('```');
  if (open < 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (let n = 0; open >= 0 && n < MAX_BLOCKS; n++) {
    const lineEnd = text.indexOf('\n', open + 3);
    if (lineEnd < 0) break;
    const close = text.indexOf('```', lineEnd);
    const end = close < 0 ? text.length : close;
    if (CODE_INFO_RE.test(text.slice(open + 3, lineEnd))) {
      parts.push(text.slice(from, lineEnd), text.slice(lineEnd, end).replace(/[^\n]/g, ' '));
      from = end;
    }
    if (close < 0) break;
    open = text.indexOf('```', close + 3);
  }
  if (from === 0) return text;
  parts.push(text.slice(from));
  return parts.join('');
}
