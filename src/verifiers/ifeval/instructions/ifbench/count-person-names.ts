/** count:person_names — at least N of the listed first names occur as whole words (case-sensitive). */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { pyCompile, pyEscape, pySearch } from '../../text/pyregex.js';

const NAMES = [
  'Emma', 'Liam', 'Sophia', 'Jackson', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Isabella', 'Mason', 'Mia', 'Ethan',
  'Charlotte', 'Alexander', 'Amelia', 'Benjamin', 'Harper', 'Leo', 'Zoe', 'Daniel', 'Chloe', 'Samuel', 'Lily',
  'Matthew', 'Grace', 'Owen', 'Abigail', 'Gabriel', 'Ella', 'Jacob', 'Scarlett', 'Nathan', 'Victoria', 'Elijah',
  'Layla', 'Nicholas', 'Audrey', 'David', 'Hannah', 'Christopher', 'Penelope', 'Thomas', 'Nora', 'Andrew', 'Aria',
  'Joseph', 'Claire', 'Ryan', 'Stella', 'Jonathan',
];
const RES = lazy(() => NAMES.map((n) => pyCompile(String.raw`\b` + pyEscape(n) + String.raw`\b`)));

export const instruction = defineInstruction({
  id: 'count:person_names',
  suite: 'ifbench',
  properties: { N: nonNegativeInt },
  required: ['N'],
  build: (kw) => (t) => RES().filter((re) => pySearch(re, t.text) !== null).length >= (kw.N as number),
});
