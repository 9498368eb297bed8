/**
 * fast-check arbitraries for multiple-choice responses. Any response `mcqResponse(letter)`
 * produces must extract to `letter`; use them to test your own extractors or prompts.
 */
import fc from 'fast-check';

/** Ways a response states its final letter; `X` is replaced by the letter. */
const PHRASINGS = [
  'The answer is (X).',
  'The answer is X.',
  'Answer: X',
  'Answer: (X)',
  '**Answer:** X',
  '**Answer: X**',
  'Final answer: X',
  'Final Answer: The final answer is (X).',
  'Therefore, the correct answer is X.',
  'So the answer is $\\boxed{X}$.',
  '\\boxed{X}',
  '\\[\n\\boxed{\\text{X}}\n\\]',
  'The correct option is (X).',
  'The best choice is X.',
  'I choose X.',
  'I would go with option X.',
  'The answer is \\( X \\).',
  'answer: x',
  'Respuesta: X',
  'La respuesta correcta es X.',
  'Die Antwort ist X.',
  'La réponse est (X).',
  '答案：X',
  '答案是X',
  'Ｔｈｅ ａｎｓｗｅｒ ｉｓ （X）',
];

const FULL_WIDTH_OFFSET = 0xff21 - 0x41;

/** Reasoning words that never state an answer (no cue words, no stand-alone capitals). */
const SAFE_WORDS = [
  'we', 'compute', 'the', 'value', 'of', 'each', 'term', 'then', 'compare', 'with', 'given', 'data', 'so', 'result',
  'is', 'about', 'first', 'step', 'energy', 'force', 'mass', 'rate', 'and', 'this', 'gives', 'total', 'because',
  'law', 'case', 'court', 'cell', 'growth', 'price', 'market', 'thus', 'it', 'follows', 'that', 'sum',
];

/** A sentence of reasoning that states no answer. */
export const mcqReasoning = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...SAFE_WORDS), { minLength: 3, maxLength: 14 }),
      fc.array(fc.integer({ min: 0, max: 9999 }), { maxLength: 2 }),
      fc.constantFrom('.', '.', ':', ';', '!'),
    )
    .map(([words, numbers, end]) => {
      const s = [...words, ...numbers.map(String)].join(' ');
      return s.charAt(0).toUpperCase() + s.slice(1) + end;
    });

/** Several sentences of reasoning joined by spaces or newlines. */
export const mcqReasoningText = (): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(mcqReasoning(), fc.constantFrom(' ', '\n', '\n\n')), { maxLength: 6 })
    .map((parts) => parts.map(([s, sep]) => s + sep).join(''));

/** One final-answer phrasing of `letter` (upper case A-Z; full-width forms included). */
export const mcqAnswerPhrase = (letter: string): fc.Arbitrary<string> =>
  fc.constantFrom(...PHRASINGS).map((p) => {
    if (p.includes('（X）')) return p.replace('X', String.fromCharCode(letter.charCodeAt(0) + FULL_WIDTH_OFFSET));
    if (p === 'answer: x') return `answer: ${letter.toLowerCase()}`;
    return p.replace('X', letter);
  });

/**
 * A whole response that commits to `letter`: reasoning, the final answer in one of many
 * phrasings, and optionally a closing remark that states no answer.
 */
export const mcqResponse = (letter: string): fc.Arbitrary<string> =>
  fc
    .tuple(mcqReasoningText(), mcqAnswerPhrase(letter), fc.option(mcqReasoning(), { nil: undefined }), fc.constantFrom('\n', ' ', '\n\n'))
    // A bare lowercase letter counts only at the end of its line, so the closing remark moves down.
    .map(([before, answer, after, sep]) => `${before}${answer}${after === undefined ? '' : (/[a-z]$/.test(answer) ? '\n' : sep) + after}`);

/** A letter from `letters` (default A-J). */
export const mcqLetter = (letters = 'ABCDEFGHIJ'): fc.Arbitrary<string> => fc.constantFrom(...letters.split(''));
