import { describe, expect, it } from 'vitest';
import { loadTemplate, mcqToOpenEnded, optionDependence, parseTemplate, renderRecord, templateNames } from '../../src/index.js';

describe('template files', () => {
  it('every bundled template parses and names its verifier and format', () => {
    for (const name of templateNames()) {
      const t = loadTemplate(name);
      expect(t.name).toBe(name);
      expect(['mcq', 'math', 'code', 'ifeval']).toContain(t.verifier);
      expect(t.placeholders.length).toBeGreaterThan(0);
    }
    expect(templateNames()).toEqual(expect.arrayContaining(['mcq', 'open-ended', 'mcq-think', 'open-ended-think']));
  });
  it('a malformed template is an error naming the file and the problem', () => {
    expect(() => parseTemplate('no header', 'x.md')).toThrow(/x.md: a template starts with a header/);
    expect(() => parseTemplate('---\nname: a\nkind: mcq\nverifier: mcq\n---\nq', 'y.md')).toThrow(/y.md: header misses "answer_format"/);
    expect(() => parseTemplate('---\nname: a\nkind: poem\nverifier: mcq\nanswer_format: boxed\n---\nq', 'z.md')).toThrow(/kind must be one of/);
  });
});

describe('renderRecord', () => {
  const mcq = { id: 7, domain: 'stem', question: 'What is the SI unit of capacitance?', options: ['Henry', 'Farad', 'Ohm'], answer: 'B' };
  it('renders an MCQ record with lettered options and the answer instruction', () => {
    const r = renderRecord(mcq, loadTemplate('mcq'));
    expect(r.prompt).toContain('What is the SI unit of capacitance?\n\nA) Henry\nB) Farad\nC) Ohm');
    expect(r.prompt).toContain("where LETTER is one of ABC");
    expect(r).toMatchObject({ id: 7, domain: 'stem', verifier: 'mcq', format: 'mcq', kind: 'mcq', reference: { answer: 'B', letters: 'ABC', choices: ['Henry', 'Farad', 'Ohm'] } });
  });
  it('an MCQ record under an open-ended template is converted: the gold option text is the answer', () => {
    const r = renderRecord(mcq, loadTemplate('open-ended'));
    expect(r).toMatchObject({ verifier: 'math', reference: 'Farad', kind: 'open-ended', format: 'open-ended' });
    expect(r.prompt).not.toContain('Henry');
    expect(r.prompt).toContain('\\boxed{}');
  });
  it('a placeholder with no value is an error naming it', () => {
    const t = parseTemplate('---\nname: t\nkind: open-ended\nverifier: math\nanswer_format: boxed\n---\n{{question}} in {{unit}}', 't.md');
    expect(() => renderRecord({ question: 'q', answer: '1' }, t)).toThrow(/placeholders with no value: \{\{unit\}\}/);
    expect(renderRecord({ question: 'q', answer: '1', unit: 'cm' }, t).prompt).toBe('q in cm');
  });
  it('a record of another kind is an error', () => {
    expect(() => renderRecord({ question: 'q', answer: '1' }, loadTemplate('mcq'))).toThrow(/renders mcq records, this one is open-ended/);
  });
});

describe('MCQ -> open-ended conversion', () => {
  it('drops questions that only make sense with their options', () => {
    for (const q of ['Which of the following is a noble gas?', 'All of the following are mammals EXCEPT', 'Select the best option.', 'Which statement is true?']) {
      expect(optionDependence(q), q).toBeDefined();
    }
    expect(optionDependence('What is the capital of France?')).toBeUndefined();
    expect(optionDependence('Name the gas', 'All of the above')).toMatch(/refers to the other options/);
  });
  it('keeps the rest and records where it came from', () => {
    const c = mcqToOpenEnded({ id: 1, question: 'Capital of France?', options: ['Rome', 'Paris'], answer: 1, pass_rate: 0.5 });
    expect(c).toEqual({ ok: true, record: { id: 1, question: 'Capital of France?', answer: 'Paris', pass_rate: 0.5, kind: 'open-ended', converted_from: { kind: 'mcq', answer: 'B' } } });
    expect(mcqToOpenEnded({ question: 'Which of the following is red?', options: ['a', 'b'], answer: 'A' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^option-dependent/) });
  });
});
