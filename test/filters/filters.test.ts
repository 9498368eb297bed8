import { describe, expect, it } from 'vitest';
import { createFilterRun, FILTERS, recordSchemaError, wordCount } from '../../src/index.js';
import { createHashLineSet } from '../../src/filters/hash-set.js';

async function judge(records: Record<string, unknown>[], options = {}): Promise<(string | undefined)[]> {
  const run = createFilterRun(options);
  const results = await run.check(records, records.map((_, k) => k + 1));
  await run.dispose();
  return results.map((r) => (r.keep ? undefined : r.reason));
}

describe('CrossThink filters', () => {
  it('keeps verifiable records of each kind', async () => {
    expect(
      await judge([
        { question: 'Unit of capacitance?', options: ['Henry', 'Farad'], answer: 'B' },
        { question: 'Capital of France?', answer: 'Paris' },
        { question: '2+2?', answer: 4 },
        { prompt: 'Write a haiku.', instruction_id_list: ['punctuation:no_comma'], kwargs: [{}] },
      ]),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });
  it('MCQ: the gold letter must exist among the options, options must be distinct', async () => {
    const r = await judge([
      { question: 'q1', options: ['a', 'b'], answer: 'C' },
      { question: 'q2', options: ['Same', 'same.'], answer: 'A' },
      { question: 'q3', options: ['x', ''], answer: 'A' },
      { question: 'q4', options: { A: 'x', B: 'y' }, answer: 'b' },
    ]);
    expect(r[0]).toBe('mcq-gold-in-options: gold letter C is not among the options AB');
    expect(r[1]).toBe('mcq-distinct-options: options A and B are the same');
    expect(r[2]).toBe('mcq-distinct-options: option B is empty');
    expect(r[3]).toBeUndefined();
  });
  it('open-ended answers longer than the word limit are dropped (default 10, as CrossThink)', async () => {
    const long = { question: 'q', answer: 'one two three four five six seven eight nine ten eleven' };
    expect(await judge([long])).toEqual(['answer-too-long: the answer has 11 words (limit 10)']);
    expect(await judge([long], { maxAnswerWords: 11 })).toEqual([undefined]);
    expect(wordCount('  a  b\tc\n')).toBe(3);
  });
  it('empty and duplicate questions are dropped, naming the earlier line', async () => {
    const r = await judge([
      { question: 'What is 2+2?', answer: '4' },
      { question: '   ', answer: '4' },
      { question: 'what is  2+2', answer: '5' },
      { question: 'Which is true?', options: ['a', 'b'], answer: 'A' },
      { question: 'Which is true?', options: ['c', 'd'], answer: 'A' },
    ]);
    expect(r).toEqual([undefined, 'empty-question: the question is empty', 'duplicate-question: same question as line 1', undefined, undefined]);
  });
  it('records must match their kind\'s schema, with errors that name the field', async () => {
    expect(recordSchemaError({ question: 'q', options: ['a', 'b'] })).toBe('mcq record: answer is required');
    expect(recordSchemaError({ question: 'q', options: ['a', 3], answer: 'A' })).toMatch(/^mcq record: \/options/);
    expect(recordSchemaError({ question: 'q', reference: { language: 'cobol', tests: [] } })).toMatch(/\/reference\/language must be equal to one of the allowed values/);
    expect(recordSchemaError({ problem: 'q', gold: '1' })).toBeUndefined();
    expect((await judge([{ question: 42, answer: '1' }]))[0]).toBe('record-schema: open-ended record: /question must be string');
  });
  it('the difficulty filter drops what a small model already solves, only when asked', async () => {
    const recs = [
      { question: 'a', answer: '1', pass_rate: 1 },
      { question: 'b', answer: '1', pass_rate: 0.5 },
      { question: 'c', answer: '1' },
      { question: 'd', answer: '1', pass_rate: 'high' },
    ];
    expect(await judge(recs)).toEqual([undefined, undefined, undefined, undefined]);
    expect(await judge(recs, { difficultyField: 'pass_rate', maxPassRate: 0.5 })).toEqual([
      'too-easy: pass_rate 1 >= 0.5',
      'too-easy: pass_rate 0.5 >= 0.5',
      undefined,
      'too-easy: pass_rate is not a number: "high"',
    ]);
  });
  it('--skip removes a filter, and an unknown name is an error', () => {
    expect(createFilterRun({ skip: ['duplicate-question'] }).names).not.toContain('duplicate-question');
    expect(() => createFilterRun({ skip: ['nope'] })).toThrow(/unknown filter to skip: nope/);
    expect(FILTERS.map((f) => f.name)).toContain('record-schema');
  });
  it('a filter that throws rejects its window with the error, losing nothing', async () => {
    const broken = { name: 'broken', kinds: 'all' as const, create: () => () => { throw new Error('boom'); } };
    const run = createFilterRun({}, [broken]);
    expect(await run.check([{ question: 'q' }], [1])).toEqual([{ keep: false, reason: 'broken: filter failed: boom' }]);
  });
});

describe('hash set used for duplicates', () => {
  it('remembers first lines across growth', () => {
    const set = createHashLineSet(16);
    for (let i = 1; i <= 5000; i++) expect(set.addOrGet(`q${i}`, i)).toBeUndefined();
    expect(set.size).toBe(5000);
    expect(set.addOrGet('q1234', 9999)).toBe(1234);
  });
});
