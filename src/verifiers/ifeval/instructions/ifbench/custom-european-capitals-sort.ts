/** custom:european_capitals_sort — exactly the 27 capitals north of 45°, comma-separated, north to south (NFKD, ASCII). */
import { defineInstruction } from '../../instruction.js';
import { pyStrip } from '../../text/pystr.js';

const ORDER = [
  'Reykjavik', 'Helsinki', 'Oslo', 'Tallinn', 'Stockholm', 'Riga', 'Moscow', 'Copenhagen', 'Vilnius', 'Minsk',
  'Dublin', 'Berlin', 'Amsterdam', 'Warsaw', 'London', 'Brussels', 'Prague', 'Luxembourg', 'Paris', 'Vienna',
  'Bratislava', 'Budapest', 'Vaduz', 'Chisinau', 'Bern', 'Ljubljana', 'Zagreb',
];

export const instruction = defineInstruction({
  id: 'custom:european_capitals_sort',
  suite: 'ifbench',
  properties: {},
  required: [],
  open: true,
  build: () => (t) => {
    const v = t.text.normalize('NFKD').replace(/[^\x00-\x7f]/gu, '');
    const caps = v.split(',').filter((c) => pyStrip(c) !== '');
    return caps.length === ORDER.length && caps.every((c, i) => pyStrip(c) === ORDER[i]);
  },
});
