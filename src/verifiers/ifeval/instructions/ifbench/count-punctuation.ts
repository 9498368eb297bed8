/**
 * count:punctuation — contains an interrobang ("?!", "!?" or "‽") and, besides one "?!" (or "!?")
 * removed, each of . , ! ? ; : at least once.
 */
import { defineInstruction } from '../../instruction.js';

export const instruction = defineInstruction({
  id: 'count:punctuation',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const v = t.text;
    if (!(v.includes('!?') || v.includes('?!') || v.includes('‽'))) return false;
    let rest = v.replace('?!', '');
    if (rest.length === v.length) rest = v.replace('!?', '');
    return ['.', ',', '!', '?', ';', ':'].every((p) => rest.includes(p));
  },
});
