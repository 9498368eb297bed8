/**
 * fast-check arbitraries for the ifeval verifier: IFEval records with one instruction together with
 * a response built to follow it, plain prose, and forbidden-word cases. Use them to property-test
 * reward pipelines built on `ifevalReward` (e.g. "a compliant response scores 1", "loose never
 * scores below strict").
 */
import fc from 'fast-check';
import type { IfevalReference } from '../verifiers/ifeval/evaluate.js';

/** Ordinary lowercase English words (no commas, no regex metacharacters). */
export const IFEVAL_WORDS: readonly string[] = [
  'the', 'river', 'stone', 'garden', 'light', 'morning', 'window', 'quiet', 'bright', 'table', 'market',
  'people', 'water', 'simple', 'paper', 'music', 'travel', 'forest', 'coffee', 'winter', 'summer', 'city',
  'bridge', 'letter', 'friend', 'history', 'planet', 'kitchen', 'mountain', 'ocean', 'story', 'road',
];

/** Words that never occur in {@link ifevalProseArb} (used as forbidden words and keywords). */
export const IFEVAL_RARE_WORDS: readonly string[] = ['zephyrine', 'quixotry', 'vexillum', 'jabberwock', 'xylophonic', 'kumquatly'];

/** A record with one instruction and a response that follows it. */
export interface IfevalCase {
  reference: IfevalReference;
  response: string;
}

const word = fc.constantFrom(...IFEVAL_WORDS);

/** A sentence of 3-12 words, capitalised, ending with a period. */
export const ifevalSentenceArb: fc.Arbitrary<string> = fc
  .array(word, { minLength: 3, maxLength: 12 })
  .map((ws) => {
    const s = ws.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  });

/** Prose: 1-6 sentences on one line, no commas, no asterisks. */
export const ifevalProseArb: fc.Arbitrary<string> = fc.array(ifevalSentenceArb, { minLength: 1, maxLength: 6 }).map((s) => s.join(' '));

const record = (id: string, kwargs: Record<string, unknown>): IfevalReference => ({
  prompt: `Instruction ${id}.`,
  instruction_id_list: [id],
  kwargs: [kwargs],
});

const relation = fc.constantFrom('less than', 'at least');
const rare = fc.constantFrom(...IFEVAL_RARE_WORDS);

/** One case per instruction kind; each response is built to follow its instruction. */
const builders: fc.Arbitrary<IfevalCase>[] = [
  ifevalProseArb.map((p) => ({ reference: record('punctuation:no_comma', {}), response: p })),
  fc.tuple(ifevalProseArb, fc.uniqueArray(rare, { minLength: 1, maxLength: 3 })).map(([p, ks]) => ({
    reference: record('keywords:existence', { keywords: ks }),
    response: `${p} ${ks.join(' ')}.`,
  })),
  fc.tuple(ifevalProseArb, fc.uniqueArray(rare, { minLength: 1, maxLength: 3 })).map(([p, ws]) => ({
    reference: record('keywords:forbidden_words', { forbidden_words: ws }),
    response: p,
  })),
  fc.tuple(ifevalProseArb, rare, fc.integer({ min: 1, max: 5 })).map(([p, k, n]) => ({
    reference: record('keywords:frequency', { keyword: k, frequency: n, relation: 'at least' }),
    response: `${p} ${Array(n).fill(k).join(' ')}.`,
  })),
  fc.tuple(ifevalProseArb, fc.integer({ min: 1, max: 30 })).map(([p, n]) => {
    const words = p.split(' ').length;
    return { reference: record('length_constraints:number_words', { num_words: words + n, relation: 'less than' }), response: p };
  }),
  fc.tuple(fc.array(ifevalSentenceArb, { minLength: 1, maxLength: 8 }), relation).map(([s, rel]) => ({
    reference: record('length_constraints:number_words', {
      num_words: rel === 'at least' ? s.join(' ').split(' ').length : s.join(' ').split(' ').length + 1,
      relation: rel,
    }),
    response: s.join(' '),
  })),
  fc.tuple(ifevalProseArb, fc.array(word, { minLength: 1, maxLength: 4 })).map(([p, t]) => ({
    reference: record('detectable_format:title', {}),
    response: `<<${t.join(' ')}>>\n${p}`,
  })),
  ifevalProseArb.map((p) => ({ reference: record('startend:quotation', {}), response: `"${p}"` })),
  fc.tuple(ifevalProseArb, fc.constantFrom('Any other questions?', 'Is there anything else I can help with?')).map(([p, e]) => ({
    reference: record('startend:end_checker', { end_phrase: e }),
    response: `${p} ${e}`,
  })),
  fc.tuple(ifevalProseArb, ifevalSentenceArb, fc.constantFrom('P.S.', 'P.P.S')).map(([p, s, m]) => ({
    reference: record('detectable_content:postscript', { postscript_marker: m }),
    response: `${p}\n\n${m} ${s}`,
  })),
  fc.tuple(fc.array(fc.tuple(ifevalSentenceArb, fc.array(word, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 5 })).map(([parts]) => ({
    reference: record('detectable_format:number_highlighted_sections', { num_highlights: parts.length }),
    response: parts.map(([s, h]) => `${s} *${h.join(' ')}*`).join('\n'),
  })),
  fc.tuple(ifevalProseArb, ifevalProseArb).filter(([a, b]) => a !== b).map(([a, b]) => ({
    reference: record('combination:two_responses', {}),
    response: `${a}\n******\n${b}`,
  })),
  fc.tuple(ifevalProseArb, ifevalProseArb).map(([prompt, answer]) => ({
    reference: record('combination:repeat_prompt', { prompt_to_repeat: prompt }),
    response: `${prompt} ${answer}`,
  })),
  fc.tuple(fc.array(word, { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 4 })).map(([keys, nums]) => ({
    reference: record('detectable_format:json_format', {}),
    response: '```json\n' + JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, nums[i] ?? k]))) + '\n```',
  })),
  fc.tuple(ifevalProseArb, fc.array(word, { minLength: 1, maxLength: 6 })).map(([p, names]) => ({
    reference: record('detectable_content:number_placeholders', { num_placeholders: names.length }),
    response: `${p} ${names.map((n) => `[${n}]`).join(' ')}`,
  })),
  fc.array(ifevalSentenceArb, { minLength: 1, maxLength: 6 }).map((items) => ({
    reference: record('detectable_format:number_bullet_lists', { num_bullets: items.length }),
    response: items.map((i) => `* ${i}`).join('\n'),
  })),
  fc.array(ifevalProseArb, { minLength: 1, maxLength: 5 }).map((ps) => ({
    reference: record('length_constraints:number_paragraphs', { num_paragraphs: ps.length }),
    response: ps.join('\n***\n'),
  })),
  fc.tuple(fc.array(ifevalProseArb, { minLength: 1, maxLength: 5 }), fc.constantFrom('SECTION', 'Section')).map(([ps, sp]) => ({
    reference: record('detectable_format:multiple_sections', { section_spliter: sp, num_sections: ps.length }),
    response: ps.map((p, i) => `${sp} ${i + 1}\n${p}`).join('\n'),
  })),
  fc.tuple(ifevalProseArb, fc.constantFrom('yes', 'no', 'maybe')).map(([p, a]) => ({
    reference: record('detectable_format:constrained_response', {}),
    response: `${p} My answer is ${a}.`,
  })),
  fc.tuple(ifevalProseArb, fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), fc.integer({ min: 0, max: 12 })).map(([p, l, n]) => ({
    reference: record('keywords:letter_frequency', { letter: l, let_frequency: n, let_relation: 'at least' }),
    response: `${p} ${l.repeat(n)}`,
  })),
  fc.tuple(fc.array(ifevalProseArb, { minLength: 1, maxLength: 4 }), fc.nat(), word).map(([ps, k, w]) => {
    const nth = (k % ps.length) + 1;
    const paragraphs = ps.map((p, i) => (i === nth - 1 ? `${w[0]!.toUpperCase()}${w.slice(1)} ${p}` : p));
    return {
      reference: record('length_constraints:nth_paragraph_first_word', { num_paragraphs: ps.length, nth_paragraph: nth, first_word: w }),
      response: paragraphs.join('\n\n'),
    };
  }),
];

/** A record with one IFEval instruction and a response built to follow it (strict). */
export const ifevalSatisfiedCaseArb: fc.Arbitrary<IfevalCase> = fc.oneof(...builders);

/**
 * A compliant `keywords:forbidden_words` case plus a forbidden word to break it (`broken` has the
 * word inserted as a separate word, so it must fail).
 */
export const ifevalForbiddenWordArb: fc.Arbitrary<IfevalCase & { broken: string }> = fc
  .tuple(ifevalProseArb, fc.uniqueArray(rare, { minLength: 1, maxLength: 3 }), fc.nat(), fc.boolean())
  .map(([p, ws, k, upper]) => {
    const w = ws[k % ws.length]!;
    const words = p.split(' ');
    const at = k % (words.length + 1);
    words.splice(at, 0, upper ? w.toUpperCase() : w);
    return { reference: record('keywords:forbidden_words', { forbidden_words: ws }), response: p, broken: words.join(' ') };
  });

/**
 * Arbitrary response text for an arbitrary valid record: prose, lines, `*`, blank lines and
 * whitespace in any mix (for properties that must hold on any input: score range, determinism,
 * loose >= strict).
 */
export const ifevalAnyResponseArb: fc.Arbitrary<string> = fc
  .array(fc.oneof(ifevalSentenceArb, fc.constantFrom('\n', '\n\n', '*', '**', ' ', '***', ',', '"', 'SECTION 1', 'P.S.'), fc.string()), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));
