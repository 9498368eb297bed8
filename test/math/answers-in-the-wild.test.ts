/**
 * Answer forms of real responses (issue 13): plain-text units, Yes/No against True/False, a bare
 * list against a bracketed one, reversed intervals, answer headings, final-answer cues that state
 * no answer, and when the bare last number is trusted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAnswer, verifyMath } from '../../src/verifiers/math/index.js';

const check = (response: string, gold: string): boolean => verifyMath(response, gold).pass;

describe('units as plain text: every unit example of the README, as written', () => {
  it.each([
    ['1 km', '1000 m', true],
    ['3 m^2', '30000 cm^2', true],
    ['5 kWh', '5000 Wh', true],
    ['30 m/s', '108 km/h', true],
    ['1 year', '12 months', true],
    ['100^\\circ C', '212^\\circ F', true],
    ['2 acres', '8093.71 m^2', true],
    ['60 km/h', '60 mph', false],
    ['5 J', '5 W', false],
  ])('%s vs %s -> %s (bare, boxed and in a sentence)', (pred, gold, want) => {
    expect(check(pred, gold)).toBe(want);
    expect(check(`\\boxed{${pred}}`, gold)).toBe(want);
    expect(check(`The answer is ${pred}.`, gold)).toBe(want);
  });

  it('a one-letter unit name after a number is still a variable against a bare number', () => {
    expect(check('\\boxed{3}', '3 m')).toBe(false);
    expect(check('\\boxed{3 m}', '300 cm')).toBe(true);
  });
});

describe('truth values, lists and intervals', () => {
  it.each([
    ['The answer is yes.', 'True', true],
    ['The answer is No.', 'False', true],
    ['\\boxed{Yes}', 'False', false],
    ['\\boxed{True}', 'yes', true],
    ['The answer is 3, 5.', '[3, 5]', true],
    ['The answer is 5, 3.', '[3, 5]', false],
    ['\\boxed{[1/2, 1/6]}', '[0.333, 0.25]', false],
    ['\\boxed{[3, 1]}', '[5, 2]', false],
    ['\\boxed{[1, 3]}', '[1, 3]', true],
    ['\\boxed{(2, 5]}', '(2, 5]', true],
  ])('%s vs %s -> %s', (pred, gold, want) => {
    expect(check(pred, gold)).toBe(want);
  });
});

describe('answer headings and final-answer cues', () => {
  it.each([
    ['Let me compute.\n\n# Answer\n\n12\\pi', '12\\pi'],
    ['Steps.\n\n# Answer\n\n3\\sqrt{13}', '3\\sqrt{13}'],
    ['Steps.\n\n# Answer\n\n(2, 4)', '(2, 4)'],
    ['I think that is right, so this is my final answer.\n# Answer\n\n\\frac{639}{40}', '\\frac{639}{40}'],
    ['Work.\n\n### Final Answer\n\n2x+1', '2x+1'],
    ['Work.\n\n**Final answer**\n\n12', '12'],
    ['Work.\n\nAnswer:\n\n$x = 7$', 'x = 7'],
    ['Step 5: Provide the final answer.\nThe answer is: 4.', '4'],
    ['The final answer is $5$. Let me double-check that this is the final answer.', '5'],
  ])('%j extracts %s', (response, want) => {
    expect(extractAnswer(response)?.text).toBe(want);
  });

  it('# Answer\\n\\nX extracts exactly X for generated X', () => {
    const atom = fc.oneof(fc.integer({ min: -999, max: 999 }).map(String), fc.constantFrom('\\pi', 'x', '\\sqrt{2}', '\\frac{1}{3}', 'e'));
    const answer = fc.oneof(
      atom,
      fc.tuple(atom, fc.constantFrom('+', '-', '\\cdot '), atom).map(([a, o, b]) => `${a}${o}${b}`),
      fc.tuple(atom, atom).map(([a, b]) => `(${a}, ${b})`),
      fc.tuple(fc.integer({ min: 1, max: 99 }), atom).map(([k, a]) => `${k}${a}`),
    );
    const steps = fc.array(fc.constantFrom('We note that 3 + 4 = 7.', 'So x = 12.', 'This is the final answer.', 'Then $y = 2$.'), { maxLength: 4 });
    fc.assert(
      fc.property(steps, answer, (s, x) => extractAnswer(`${s.join('\n\n')}\n\n# Answer\n\n${x}`)?.text === x),
      { numRuns: 300 },
    );
  });
});

describe('the bare last-number fallback', () => {
  const derivation = 'We set up the equation for the area and expand both sides carefully. ';
  it('is trusted in a short response and in a concluding sentence', () => {
    expect(check('So we get 17', '17')).toBe(true);
    expect(check(`${derivation.repeat(20)}\nTherefore, there are 17 ways. I hope it is correct.`, '17')).toBe(true);
    expect(check(`${derivation.repeat(20)}\nSo the pair is $(7, 6)$. <|im_start|>user`, '(7, 6)')).toBe(true);
  });

  it('is not trusted in a long response cut off mid-derivation', () => {
    const v = verifyMath(`${derivation.repeat(20)}\nNow 3x + 5 = 17, so 3x = 12 and then we divide both sides by`, '12');
    expect(v.reason).toBe('no-answer');
  });

  it('an answer stated early survives a long truncated proof', () => {
    const proof = 'Consider n = 5 and the residue 98 modulo 7, then by induction on k we show that '.repeat(30);
    expect(check(`We claim that the answer is $2017^{98}$. Proof: ${proof}`, '2017^{98}')).toBe(true);
  });

  it('appending a truncated, answer-free continuation never turns no-answer into a pass', () => {
    const word = fc.constantFrom('we', 'have', 'so', 'then', 'x', 'equals', 'and', 'the', 'sum', 'of', 'plus', 'times', '=', '+');
    const token = fc.oneof(word, fc.integer({ min: 0, max: 99 }).map(String));
    const sentence = fc.array(token, { minLength: 3, maxLength: 12 }).map((ws) => ws.join(' '));
    const truncated = fc.tuple(fc.array(sentence, { minLength: 6, maxLength: 12 }), fc.constantFrom('and th', 'so we', 'which gives', 'then')).map(([ss, cut]) => `${ss.join('. ')} ${cut}`);
    const start = fc.constantFrom('Let us think. We go step by step.', 'First, we read the problem. Then we plan.', 'Consider the triangle. It is isosceles.');
    fc.assert(
      fc.property(start, truncated, fc.integer({ min: 0, max: 99 }), (head, tail, gold) => {
        expect(verifyMath(head, String(gold)).reason).toBe('no-answer');
        return !verifyMath(`${head}\n${tail}`, String(gold)).pass;
      }),
      { numRuns: 300 },
    );
  });
});
