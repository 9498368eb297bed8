/** detectable_content:number_placeholders — at least N `[...]` placeholders (`re.findall(r"\[.*?\]")`). */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';

/**
 * How many matches Python's `re.findall(r"\[.*?\]", text)` finds, in one pass. The regex rescanned
 * the rest of a line from every `[` with no `]` after it (50,000 `[` took 1 s); the same count,
 * found directly: from each `[`, the first `]` after it on the same line (`.` stops at `\n`) closes
 * a match, and the next search starts after it; a `[` with no `]` left on its line ends that line.
 */
export function countPlaceholders(text: string): number {
  let n = 0;
  let open = text.indexOf('[');
  let close = -1; // the first ']' at or after the last search start (cached: each is found once)
  let newline = -1; // likewise the next '\n'
  while (open >= 0) {
    if (close <= open) close = text.indexOf(']', open + 1);
    if (newline < open) {
      newline = text.indexOf('\n', open);
      if (newline < 0) newline = text.length;
    }
    const lineEnd = newline;
    if (close < 0) break;
    if (close < lineEnd) {
      n++;
      open = text.indexOf('[', close + 1);
    } else open = text.indexOf('[', lineEnd + 1);
  }
  return n;
}

export const instruction = defineInstruction({
  id: 'detectable_content:number_placeholders',
  suite: 'ifeval',
  properties: { num_placeholders: nonNegativeInt },
  required: ['num_placeholders'],
  build: (kw) => (t) => countPlaceholders(t.text) >= (kw.num_placeholders as number),
});
