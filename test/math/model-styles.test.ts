/**
 * Responses in the styles of different models and datasets (issue 13), written for these tests:
 * Llama/Mistral and Minerva closing lines, DeepSeek/Qwen boxes with text after them, PRM800K
 * `# Answer`, GSM8K `####`, TheoremQA values, tool-integrated outputs, other languages' cue
 * words, truncated derivations, and numbers with plain-text units.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAnswer, verifyMath } from '../../src/verifiers/math/index.js';

const check = (response: string, gold: string): boolean => verifyMath(response, gold).pass;
const steps = 'Step 1: We multiply 12 by 3 to get 36.\nStep 2: We add 9 to get 45.\nStep 3: We divide by 5 to get 9.\n';

describe('closing lines of different models', () => {
  it.each([
    ['The final answer is $\\boxed{7}$. I hope it is correct.', '7', true],
    ['Therefore, the final answer is: $\\boxed{12\\pi}$. I hope it is correct.', '12\\pi', true],
    ['Final Answer: The final answer is (2, 4). I hope it is correct.', '(2,4)', true],
    ['Final Answer: The final answer is 10 \\text{ cm}. I hope it is correct.', '10', true],
    ['So the sum is \\boxed{42}.\n\nLet me double check: 40+2 = 42. Yes.', '42', true],
    ['<think>3? no, 4.</think>\nThe answer is \\boxed{4}. This follows since the graph has four components.', '4', true],
    [`${steps}\n# Answer\n\n9`, '9', true],
    [`${steps}\n**Final Answer:** 9 dollars`, '9', true],
    [`${steps}#### 9`, '9', true],
    [`${steps}#### 8`, '9', false],
    [`${steps}#### Step 4: check\nWe get 45 / 5 = 9.`, '9', true],
    ['The total is $1,200.\n#### $1200', '1200', true],
    ['所以答案是 $\\boxed{5}$。', '5', true],
    ['因此，答案是 12。', '12', true],
    ['答案：12', '12', true],
    ['La réponse est 12.', '12', true],
  ])('%j vs %s -> %s', (response, gold, want) => {
    expect(check(response, gold)).toBe(want);
  });
});

describe('TheoremQA values', () => {
  it.each([
    ['Thus the statement holds. The answer is True.', 'True', true],
    ['Therefore, the answer is no.', 'True', false],
    ['The answer is 1.2e-3.', '0.0012', true],
    ['The answer is 6.02 x 10^23.', '6.02e23', true],
    ['The answer is 12.5%.', '0.125', true],
    ['The answer is 299792458 m/s.', '299792458', true],
    ['The answer is 9.8 m/s^2.', '9.8', true],
    ['The answer is 30 m/s^2.', '30 m/s', false],
    ['The answer is [2, 1].', '[1, 2]', false],
  ])('%j vs %s -> %s', (response, gold, want) => {
    expect(check(response, gold)).toBe(want);
  });
});

describe('tool-integrated outputs: the printed output is not the answer unless stated', () => {
  const code = '```python\nprint(7*8)\n```\n```output\n56\n```\n';
  it('a statement after the output wins over the output', () => {
    expect(check(`${code}The product is 56. But we must subtract the overlap of 6, giving 50.`, '50')).toBe(true);
    expect(check(`${code}The product is 56. But we must subtract the overlap of 6, giving 50.`, '56')).toBe(false);
    expect(check(`${code}So there are $\\boxed{56}$ arrangements.`, '56')).toBe(true);
  });
  it('an output block with nothing after it is no answer', () => {
    expect(verifyMath(`Let me compute this with code.\n${code}`, '56').reason).toBe('no-answer');
  });
  it('what code says or prints is no answer statement', () => {
    const printed = '```python\nprint(f"The answer is {3*4}")\n```\n```output\nThe answer is 12\n```\n';
    expect(verifyMath(printed, '12').reason).toBe('no-answer');
    expect(check(`${printed}However, we double counted, so the answer is 6.`, '6')).toBe(true);
    expect(check('```python\nanswer = sum(range(10))\nprint(answer)\n```\n```output\n45\n```\nThe sum is 45.', '45')).toBe(true);
    // a block of plain text or math is read: some responses put their answer there
    expect(check('The result:\n```\nAnswer: 7\n```', '7')).toBe(true);
  });
  it('appending a code block and its output to a response without an answer never makes it pass', () => {
    const word = fc.constantFrom('we', 'compute', 'the', 'sum', 'and', 'then', 'check', 'it');
    const prose = fc.array(fc.array(word, { minLength: 4, maxLength: 9 }).map((ws) => ws.join(' ')), { minLength: 6, maxLength: 10 }).map((ss) => `${ss.join('. ')}.`);
    fc.assert(
      fc.property(prose, fc.integer({ min: 0, max: 999 }), fc.constantFrom('print(x)', 'answer = x\nprint(answer)', 'print(f"The answer is {x}")'), (text, n, body) => {
        const printed = body.includes('The answer') ? `The answer is ${n}` : String(n);
        return !check(`${text}\n\`\`\`python\nx = ${n}\n${body}\n\`\`\`\n\`\`\`output\n${printed}\n\`\`\`\n`, String(n));
      }),
      { numRuns: 200 },
    );
  });
});

describe('a number with plain-text units, as the last number of a response', () => {
  it.each([
    ['So the distance is 1 km.', '1000 m', true],
    ['So the distance is 1 km.', '1', true],
    ['So the distance is 2 km.', '1000 m', false],
    ['So the distance is 1 km.', '1000', false],
    ['So the energy is 5 kWh.', '5000 Wh', true],
    ['The speed is 30 m/s.', '108 km/h', true],
    ['The area is 3 m^2.', '30000 cm^2', true],
    ['The field is 2 acres.', '8093.71 m^2', true],
    ['It takes 2 hours.', '120 minutes', true],
    ['The length is 12 cm.', '0.12 m', true],
  ])('%j vs %s -> %s', (response, gold, want) => {
    expect(check(response, gold)).toBe(want);
  });
  it('a word after the unit makes it no unit (`12 in total`)', () => {
    expect(extractAnswer('the count is $n$, which is 12 in total')?.text).toBe('12');
  });
  it('"So the distance is X km." equals X*1000 m and X, for generated X', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('So the distance is', 'The road is', 'Hence it travels'), (x, lead) => {
        const response = `${steps}${lead} ${x} km.`;
        return check(response, `${x * 1000} m`) && check(response, String(x)) && !check(response, `${x * 1000 + 1} m`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('truncated responses', () => {
  it('a long response that stops on an operand (`2y + 3`) has no answer', () => {
    const long = 'We expand the expression and simplify step by step. '.repeat(12);
    expect(verifyMath(`${long}Now let x = 3 and substitute, so we get 2y + 3`, '3').reason).toBe('no-answer');
    expect(check(`${long}Now let x = 3 and substitute, so we get y = 3`, '3')).toBe(true);
  });
  it('a derivation cut off after an operator never passes, whatever the last number', () => {
    const sentence = fc.constantFrom('We add the two equations.', 'Then 4 + 5 = 9.', 'So x = 12 and y = 7.', 'Next we square both sides.');
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 8, maxLength: 14 }), fc.constantFrom('2y +', 'x \\cdot', '3a -', '(x+1) *', 'b^'), fc.integer({ min: 0, max: 999 }), (ss, op, n) =>
        verifyMath(`${ss.join(' ')}\nSubstituting, we get ${op} ${n}`, String(n)).reason === 'no-answer'),
      { numRuns: 200 },
    );
  });
});

describe('step formats extract exactly the answer for generated answers', () => {
  const answer = fc.oneof(
    fc.integer({ min: -99999, max: 99999 }).map(String),
    fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 2, max: 99 })).map(([a, b]) => `\\frac{${a}}{${b}}`),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom('\\sqrt{2}', '\\pi', 'x')).map(([k, a]) => `${k}${a}`),
  );
  it('GSM8K `#### X` (numbers, also before a few-shot continuation) and Minerva `Final Answer: The final answer is $X$. I hope it is correct.`', () => {
    fc.assert(
      fc.property(answer, fc.integer({ min: -99999, max: 99999 }), (x, n) => {
        expect(extractAnswer(`${steps}#### ${n}`)?.text).toBe(String(n));
        expect(extractAnswer(`${steps}#### ${n}\n\nQuestion: Tom has 3 apples and buys 4 more. How many does he have?\nAnswer: Tom has 3 + 4 = 7`)?.text).toBe(String(n));
        expect(extractAnswer(`${steps}Final Answer: The final answer is $${x}$. I hope it is correct.`)?.text).toBe(x);
      }),
      { numRuns: 200 },
    );
  });
});
