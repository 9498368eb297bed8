/**
 * The first tag of `nltk.pos_tag(tokens)` (NLTK 3.8's averaged perceptron tagger with nltk_data's
 * English model), the only tag IFBench's `words:start_verb` reads.
 *
 * The tagger is greedy left to right, so the first tag depends only on the first three tokens and
 * the start-of-sentence context: the tag dictionary when the first token is in it, else the
 * perceptron over features of the first token, the next two tokens, and -START- context. The
 * shipped model (data/ifeval/pos-tagger.json) keeps exactly the weights of features that can fire
 * there, so the answer equals the full tagger's. Python slicing (`word[-3:]`, `word[0]`) and
 * `isdigit`/`len` are taken over code points.
 */
import { lazy, loadData } from './data.js';
import { codePoints, pyIsDigit } from './pystr.js';

interface TaggerJson {
  classes: string[];
  tagdict: Record<string, string>;
  weights: Record<string, Record<string, number>>;
}

const model = lazy(() => {
  const m = loadData<TaggerJson>('pos-tagger.json');
  return {
    classes: m.classes,
    tagdict: new Map(Object.entries(m.tagdict)),
    weights: new Map(Object.entries(m.weights).map(([f, w]) => [f, Object.entries(w)] as const)),
  };
});

/** `PerceptronTagger.normalize(word)`. */
function normalize(word: string): string {
  const cps = codePoints(word);
  if (word.includes('-') && cps[0] !== '-') return '!HYPHEN';
  if (pyIsDigit(word) && cps.length === 4) return '!YEAR';
  if (cps.length > 0 && pyIsDigit(cps[0]!)) return '!DIGITS';
  return word.toLowerCase();
}

const suffix3 = (s: string): string => codePoints(s).slice(-3).join('');

/** The tag `nltk.pos_tag(tokens)[0][1]` gives the first token (undefined for no tokens). */
export function firstTag(tokens: readonly string[]): string | undefined {
  const word = tokens[0];
  if (word === undefined) return undefined;
  const m = model();
  const known = m.tagdict.get(word);
  if (known) return known;
  const next1 = tokens.length > 1 ? normalize(tokens[1]!) : '-END-';
  const next2 = tokens.length > 2 ? normalize(tokens[2]!) : tokens.length > 1 ? '-END-' : '-END2-';
  const w0 = normalize(word);
  const features = [
    'bias',
    `i suffix ${suffix3(word)}`,
    `i pref1 ${codePoints(word)[0] ?? ''}`,
    'i-1 tag -START-',
    'i-2 tag -START2-',
    'i tag+i-2 tag -START- -START2-',
    `i word ${w0}`,
    `i-1 tag+i word -START- ${w0}`,
    'i-1 word -START2-',
    'i-1 suffix T2-',
    'i-2 word -START-',
    `i+1 word ${next1}`,
    `i+1 suffix ${suffix3(next1)}`,
    `i+2 word ${next2}`,
  ];
  const scores = new Map<string, number>();
  for (const f of features) {
    const ws = m.weights.get(f);
    if (!ws) continue;
    for (const [label, w] of ws) scores.set(label, (scores.get(label) ?? 0) + w);
  }
  let best = m.classes[0]!;
  let bestScore = scores.get(best) ?? 0;
  for (const label of m.classes) {
    const s = scores.get(label) ?? 0;
    if (s > bestScore || (s === bestScore && label > best)) {
      best = label;
      bestScore = s;
    }
  }
  return best;
}
