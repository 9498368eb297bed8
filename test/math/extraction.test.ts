/**
 * Extraction rules, and Math-Verify's extraction-only test cases (mathverify_parse_cases.jsonl).
 */
import { describe, expect, it } from 'vitest';
import { extractAnswer, type ExtractionPriority } from '../../src/verifiers/math/extract.js';
import { readAnswer, showAnswer } from '../../src/verifiers/math/answer.js';
import { corpus, report } from './corpus.js';

const text = (t: string, p?: ExtractionPriority): string | undefined => extractAnswer(t, p)?.text;

describe('extraction rules', () => {
  it('takes the last \\boxed{} with balanced braces, and a brace-less \\boxed 5', () => {
    expect(text('first \\boxed{1}. We double-check this value by substituting it back, which fails, so finally \\boxed{\\frac{1}{2}}.')).toBe('\\frac{1}{2}');
    expect(text('so \\boxed 5')).toBe('5');
    expect(text('\\fbox{7}')).toBe('7');
    expect(text('\\boxed{\\left\\{ 1, 2 \\right\\}}')).toBe('\\left\\{ 1, 2 \\right\\}');
  });

  it('joins boxes that are parts of one answer, and only those', () => {
    expect(extractAnswer('\\boxed{1} and \\boxed{2}')?.parts).toEqual(['1', '2']);
    expect(extractAnswer('\\boxed{1}, \\boxed{2}, \\boxed{3}')?.parts).toEqual(['1', '2', '3']);
    expect(extractAnswer('\\boxed{1} no no no no no \\boxed{2}')?.parts).toEqual(['2']);
  });

  it('lets a Final Answer line written after a box win', () => {
    expect(text('we get \\boxed{255} so far. Final Answer: The final answer is $10,455$. I hope it is correct.')).toBe('10,455');
  });

  it('reads "Final Answer: ... is X", "Answer: X" and "the answer is X"', () => {
    expect(text('Final Answer: The largest $n$ is 34.')).toBe('34');
    expect(text('blah\nAnswer: 7 3/4')).toBe('7 3/4');
    expect(text('So the answer is Paris.')).toBe('Paris');
    expect(text('Final Answer: **73**')).toBe('73');
  });

  it('takes a bare answer whole, and short phrases without digits', () => {
    expect(text('\\left( 3, \\frac{\\pi}{2} \\right)')).toBe('\\left( 3, \\frac{\\pi}{2} \\right)');
    expect(text('the mitochondria')).toBe('the mitochondria');
    expect(text('There are 15 chickens and 15 rabbits')).toBe('15');
  });

  it('takes the last math span (joining spans linked by and/or) or the last number, whichever is later', () => {
    expect(text('We have $x = 2$ and then $y = 3$ later, so')).toBe('y = 3');
    expect(text('$1$ and $2$ and $3$')).toBe('1, 2, 3');
    expect(text('the count is $n$, which is 12 in total')).toBe('12');
    expect(text('so it costs 1,000.99€')).toBe('1000.99');
    expect(text('AZYUK2A')).toBeUndefined();
  });

  it('searches after </think> first', () => {
    expect(text('<think>maybe \\boxed{3}</think> The answer is \\boxed{4}')).toBe('4');
  });

  it('keeps inline $...$ on one line (Math-Verify\'s rule) but lets display math span lines', () => {
    expect(text('Answer $ \n 9 \n $', [['boxed', 'final-answer'], 'answer-line', 'math-span'])).toBeUndefined();
    expect(text('Answer $$ \n 9 \n $$', [['boxed', 'final-answer'], 'answer-line', 'math-span'])).toBe('9');
  });
});

describe('answer reading', () => {
  const read = (s: string): string[] => readAnswer(s).map(showAnswer);
  it('reads ambiguous notation with several readings', () => {
    expect(read('1,22')).toEqual(['1, 22', '61/50']);
    expect(read('7,425,000')).toEqual(['7425000']);
  });
  it('reads assignments, chains and approximations', () => {
    expect(read('x = 5+5+1 = 7 = 11')).toEqual(['x = 11']);
    expect(read('\\frac{\\sqrt{3}}{3} \\approx 0.577')).toEqual(['(sqrt(3))/(3)']);
    expect(read('x \\approx 11')).toEqual(['x = 11']);
    expect(read('5 \\times 6 = 30')).toEqual(['30']);
  });
  it('reads words as text and number words as numbers', () => {
    expect(read('\\text{No solution}')).toEqual(['no solution']);
    expect(read('three')).toEqual(['3']);
    expect(read('3 million')).toEqual(['3000000']);
  });
});

interface ParseCase {
  pred: string;
  config: string;
  expected_parse?: string[];
  expected_parse_len?: number;
  expected_first?: string;
}

/** Math-Verify extraction configs mapped onto our priorities. */
function priorityOf(config: string): { priority: ExtractionPriority; letters?: string; unsupported?: string } {
  const letters = /strings=\('([A-Z])',\)/.exec(config)?.[1];
  if (config.startsWith('StringExtractionConfig')) return { priority: ['letter'], letters: letters ?? 'ABCD' };
  if (config.includes('boxed_match_priority=-1')) return { priority: ['final-answer', 'answer-line', 'math-span'] };
  if (config.includes('boxed_match_priority=100')) return { priority: ['final-answer', 'answer-line', 'boxed', 'math-span'] };
  if (config.includes('malformed_operators=False')) return { priority: [['boxed', 'final-answer'], 'answer-line', 'math-span'], unsupported: 'turning off the repair of malformed \\frac12 is not offered: we always read \\frac12 as 1/2' };
  return { priority: [['boxed', 'final-answer'], 'answer-line', 'math-span'] };
}

describe('mathverify_parse_cases.jsonl (extraction only)', () => {
  it('extracts what Math-Verify expects except where a Math-Verify-only switch is asked for', () => {
    const rows = corpus<ParseCase>('mathverify_parse_cases.jsonl');
    const failures: string[] = [];
    for (const d of rows) {
      const { priority, letters, unsupported } = priorityOf(d.config);
      const ext = extractAnswer(d.pred, priority, { letters });
      let ok: boolean;
      if (d.expected_parse) ok = d.expected_parse.length === 0 ? ext === undefined : ext?.text === d.expected_parse[1];
      else if (d.expected_parse_len !== undefined) ok = (ext && readAnswer(ext.text).length > 0 ? 1 : 0) === d.expected_parse_len;
      else ok = ext !== undefined && readAnswer(ext.text).map(showAnswer).includes(d.expected_first === '1/2' ? '(1)/(2)' : d.expected_first!);
      if (!ok) failures.push(`${JSON.stringify(d.pred)} with ${d.config}: got ${JSON.stringify(ext?.text)}${unsupported ? ` (${unsupported})` : ''}`);
    }
    const right = report('mathverify_parse_cases', rows.length, failures);
    expect(right).toBeGreaterThanOrEqual(rows.length - 1);
    expect(failures.every((f) => f.includes('not offered'))).toBe(true);
  });
});
