/**
 * format:emoji — every Punkt sentence ends with an emoji (its last or second-to-last character
 * once punctuation is removed), or the next sentence starts with one; `emoji.is_emoji` on single
 * code points (see text/emoji.ts).
 */
import { defineInstruction } from '../../instruction.js';
import { isEmojiChar } from '../../text/emoji.js';
import { PUNCTUATION, codePoints, pyStrip, removeChars } from '../../text/pystr.js';

const clean = (s: string): string[] => codePoints(pyStrip(removeChars(s, PUNCTUATION)));

export const instruction = defineInstruction({
  id: 'format:emoji',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const sentences = t.sentences();
    for (let i = 0; i < sentences.length; i++) {
      const c = clean(sentences[i]!);
      if (c.length === 0) return false;
      const last = c[c.length - 1];
      const second = c.length > 1 ? c[c.length - 2] : last;
      if (isEmojiChar(last) || isEmojiChar(second)) continue;
      if (i === sentences.length - 1) return false;
      const next = clean(sentences[i + 1]!);
      if (next.length === 0 || !isEmojiChar(next[0])) return false;
    }
    return true;
  },
});
