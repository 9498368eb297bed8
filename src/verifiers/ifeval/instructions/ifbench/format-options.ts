/**
 * format:options — the response is one of the options. Options are split on "/", else "or", else
 * ","; letter options ("a), b), c)") must match exactly, text options match case-insensitively
 * with punctuation and spaces stripped.
 */
import { defineInstruction } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { pyCompile, pyMatch } from '../../text/pyregex.js';
import { PUNCTUATION_SPACE, pyStrip } from '../../text/pystr.js';

const LETTERS = lazy(() => pyCompile(String.raw`\W*[aA]\W*[bB]\W*[cC]\W*`));

export const instruction = defineInstruction({
  id: 'format:options',
  suite: 'ifbench',
  properties: { options: { type: 'string' } },
  required: ['options'],
  build: (kw) => {
    const text = kw.options as string;
    const strict = pyMatch(LETTERS(), text) !== null;
    const sep = text.includes('/') ? '/' : text.includes('or') ? 'or' : ',';
    const options = text.split(sep).map((o) => pyStrip(o));
    const loose = options.map((o) => pyStrip(o, PUNCTUATION_SPACE).toLowerCase());
    return (t) => (strict ? options.includes(t.text) : loose.includes(pyStrip(t.text, PUNCTUATION_SPACE).toLowerCase()));
  },
});
