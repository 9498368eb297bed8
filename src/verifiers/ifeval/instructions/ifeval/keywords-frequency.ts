/**
 * keywords:frequency — the keyword (a raw Python regex, IGNORECASE, stripped) occurs less than /
 * at least `frequency` times, counted as `len(re.findall(...))`.
 */
import { compare, defineInstruction, nonEmptyString, nonNegativeInt, relation, userRegex } from '../../instruction.js';
import { pyFindallCount } from '../../text/pyregex.js';
import { pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'keywords:frequency',
  suite: 'ifeval',
  properties: { keyword: nonEmptyString, frequency: nonNegativeInt, relation },
  required: ['keyword', 'frequency', 'relation'],
  build: (kw) => {
    const re = userRegex('keyword', pyStrip(kw.keyword as string), { ignoreCase: true });
    return (t) => compare(pyFindallCount(re, t.text), kw.relation, kw.frequency as number);
  },
});
