/**
 * `syllapy.count(word)` (syllapy 0.7.2): the syllable count IFBench's
 * `words:odd_even_syllables` uses. Known words come from syllapy's dictionary
 * (data/ifeval/syllapy.json); hyphenated compounds add their parts; anything else counts vowel
 * groups with syllapy's silent-e and "-le" rules. Counted over code points, like Python.
 */
import { lazy, loadData } from './data.js';
import { pyCompile, pyMatch, pySearch } from './pyregex.js';
import { PUNCTUATION, codePoints, pyStrip } from './pystr.js';

const words = lazy(() => new Map(Object.entries(loadData<{ words: Record<string, number> }>('syllapy.json').words)));
const res = lazy(() => ({ number: pyCompile(String.raw`\d`), compound: pyCompile('([^-]+)-(.+)') }));

const VOWELS = 'aeiouy';

function vowelGroups(word: string): number {
  const cps = codePoints(word);
  let n = VOWELS.includes(cps[0]!) ? 1 : 0;
  for (let i = 1; i < cps.length; i++) if (VOWELS.includes(cps[i]!) && !VOWELS.includes(cps[i - 1]!)) n += 1;
  if (word.endsWith('e')) n -= 1;
  if (word.endsWith('le') && cps.length > 2 && !VOWELS.includes(cps[cps.length - 3]!)) n += 1;
  return n === 0 ? 1 : n;
}

/** `syllapy.count(word)`. */
export function countSyllables(raw: string): number {
  const word = pyStrip(pyStrip(raw).toLowerCase(), PUNCTUATION);
  if (word === '') return 0;
  if (pySearch(res().number, word)) return 0;
  const known = words().get(word);
  if (known !== undefined) return known;
  const m = pyMatch(res().compound, word);
  if (m) {
    const a = countSyllables(m[1]!);
    const b = countSyllables(m[2]!);
    return a === 0 || b === 0 ? 0 : a + b;
  }
  return vowelGroups(word);
}
