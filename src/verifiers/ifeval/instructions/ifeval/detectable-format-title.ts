/** detectable_format:title — a non-blank `<<title>>` on one line. */
import { defineInstruction } from '../../instruction.js';
import { pyLstrip, pyRstrip, pyStrip } from '../../text/pystr.js';

/**
 * Python's `re.findall(r'<<[^\n]+>>', text)` in one pass. The regex rescanned the rest of a line
 * from every `<<` that has no `>>` after it (50,000 `<` took 1.9 s); the same matches, found
 * directly: a line has at most one, from its first `<<` to its last `>>` (the `+` being greedy),
 * when at least one character lies between them.
 */
export function titleMatches(text: string): string[] {
  const out: string[] = [];
  let open = text.indexOf('<<');
  while (open >= 0) {
    let end = text.indexOf('\n', open);
    if (end < 0) end = text.length;
    const close = text.slice(open, end).lastIndexOf('>>');
    if (close >= 3) out.push(text.slice(open, open + close + 2));
    open = text.indexOf('<<', end + 1);
  }
  return out;
}

export const instruction = defineInstruction({
  id: 'detectable_format:title',
  suite: 'ifeval',
  properties: {},
  required: [],
  build: () => (t) => titleMatches(t.text).some((x) => pyStrip(pyRstrip(pyLstrip(x, '<'), '>')) !== ''),
});
