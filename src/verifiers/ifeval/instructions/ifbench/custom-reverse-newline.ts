/**
 * custom:reverse_newline — from the first line mentioning Zimbabwe, at least 52 non-empty lines in
 * non-increasing order once NFKD-normalised and reduced to ASCII (JS `normalize('NFKD')`; the
 * reference uses Python's unicodedata, a different Unicode version only for new characters).
 */
import { defineInstruction } from '../../instruction.js';
import { PUNCTUATION_SPACE, pyStrip } from '../../text/pystr.js';

const ascii = (s: string): string => s.normalize('NFKD').replace(/[^\x00-\x7f]/gu, '');

export const instruction = defineInstruction({
  id: 'custom:reverse_newline',
  suite: 'ifbench',
  properties: {},
  required: [],
  open: true,
  build: () => (t) => {
    const lines = t.text
      .split('\n')
      .map((l) => pyStrip(l, PUNCTUATION_SPACE))
      .filter((l) => l !== '');
    const start = lines.findIndex((l) => l.includes('Zimbabwe'));
    if (start < 0) return false;
    const target = lines.slice(start);
    if (target.length < 52) return false;
    const norm = target.map(ascii);
    for (let i = 0; i + 1 < norm.length; i++) if (norm[i]! < norm[i + 1]!) return false;
    return true;
  },
});
