/**
 * ifeval stays bounded on adversarial responses: format:line_indent's one-pass emulation of the
 * reference's remove-while-iterating equals the reference's quadratic loop on any input, and a
 * response over the documented cap fails with its own reason without being evaluated.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCheck } from '../../src/verifiers/ifeval/kwargs.js';
import { backtrackRisk } from '../../src/verifiers/ifeval/instruction.js';
import { getInstruction } from '../../src/verifiers/ifeval/registry.js';
import { FeatureCache } from '../../src/verifiers/ifeval/text/features.js';
import { verifyIfeval, DEFAULT_MAX_RESPONSE_CHARS, RESPONSE_TOO_LONG } from '../../src/verifiers/ifeval/index.js';
import { verifyOne } from '../../src/index.js';
import { pyCompile, pyFindall, pyFindallCount } from '../../src/verifiers/ifeval/text/pyregex.js';
import { titleMatches } from '../../src/verifiers/ifeval/instructions/ifeval/detectable-format-title.js';
import { countPlaceholders } from '../../src/verifiers/ifeval/instructions/ifeval/detectable-content-number-placeholders.js';

/** The reference's loop, literally: `for line in lines: if line.strip() == '': lines.remove(line)`. */
function referenceLineIndent(text: string): boolean {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') lines.splice(lines.indexOf(line), 1);
  }
  const indent = (s: string): number => s.length - s.replace(/^ +/, '').length;
  for (let i = 0; i + 1 < lines.length; i++) if (indent(lines[i + 1]!) <= indent(lines[i]!)) return false;
  return true;
}

describe('ifeval bounded', () => {
  it('counts every match of a run just under the cap (the per-match ASCII scan made this a second)', async () => {
    const run = 'a'.repeat(DEFAULT_MAX_RESPONSE_CHARS - 1_000);
    const freq = (frequency: number, relation: string) => ({ instruction_id_list: ['keywords:frequency'], kwargs: [{ keyword: 'a', frequency, relation }] });
    expect((await verifyIfeval(run, freq(run.length, 'at least'))).score).toBe(1);
    expect((await verifyIfeval(run, freq(run.length, 'less than'))).score).toBe(0);
    // the same pattern over texts that alternate between ASCII and not gives each its own count
    const rx = pyCompile('a', { ignoreCase: true });
    for (const t of ['aaa', 'äaä', 'aaa', 'ääa']) expect(pyFindallCount(rx, t)).toBe([...t].filter((c) => c === 'a').length);
  });

  it('format:line_indent in one pass equals the reference loop', () => {
    const check = buildCheck(getInstruction('format:line_indent')!, {}, 'line_indent');
    const line = fc.constantFrom('', ' ', '  ', '\t', 'a', ' a', '  a', '   a', '    b');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
        const text = lines.join('\n');
        expect(check(new FeatureCache().of(text))).toBe(referenceLineIndent(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('a response over the cap scores 0 with response-too-long; the cap can be raised', () => {
    const ref = { instruction_id_list: ['punctuation:no_comma'], kwargs: [{}] };
    const long = 'a'.repeat(DEFAULT_MAX_RESPONSE_CHARS + 1);
    const v = verifyIfeval(long, ref);
    expect(v).toMatchObject({ score: 0, pass: false, reason: RESPONSE_TOO_LONG });
    expect(v.error).toMatch(/maxResponseChars/);
    expect(verifyIfeval(long, ref, { maxResponseChars: DEFAULT_MAX_RESPONSE_CHARS + 1 }).pass).toBe(true);
    expect(() => verifyIfeval('x', ref, { maxResponseChars: -1 })).toThrow(/positive integer/);
  });
});

describe('ifeval one-pass scanners equal the regexes they replace', () => {
  const text = fc.array(fc.constantFrom('<', '>', '[', ']', '\n', 'a', ' '), { maxLength: 24 }).map((cs) => cs.join(''));

  it("detectable_format:title finds what re.findall(r'<<[^\\n]+>>') finds", () => {
    const rx = pyCompile('<<[^\\n]+>>');
    fc.assert(fc.property(text, (t) => {
      expect(titleMatches(t)).toEqual(pyFindall(rx, t));
    }), { numRuns: 5000 });
  });

  it('detectable_content:number_placeholders counts what re.findall(r"\\[.*?\\]") counts', () => {
    const rx = pyCompile(String.raw`\[.*?\]`);
    fc.assert(fc.property(text, (t) => {
      expect(countPlaceholders(t)).toBe(pyFindallCount(rx, t));
    }), { numRuns: 5000 });
  });

  it('both stay linear on their worst lines (50,000 openers that never close took 1-1.9 s each)', () => {
    for (const t of ['<<'.repeat(25_000), '<<a'.repeat(16_000), '['.repeat(50_000), '[a '.repeat(16_000), ('[' + 'a'.repeat(10) + '\n').repeat(4000)]) {
      // Counted in steps rather than timed: the scanners call indexOf/lastIndexOf a bounded number of times per match or line.
      expect(titleMatches(t).length).toBeLessThanOrEqual(1);
      expect(countPlaceholders(t)).toBe(0);
    }
    expect(countPlaceholders('[a]'.repeat(20_000) + '\n[x]')).toBe(20_001);
  });
});

describe('ifeval instruction lists', () => {
  it('an instruction repeated with the same kwargs gives each copy the same result (checked once)', async () => {
    const ids = ['detectable_format:title', 'punctuation:no_comma', 'detectable_format:title', 'detectable_content:number_placeholders', 'detectable_content:number_placeholders'];
    const kwargs = [{}, {}, {}, { num_placeholders: 2 }, { num_placeholders: 3 }];
    const v = await verifyIfeval('<<Title>>\nNo commas here [a] and [b].', { instruction_id_list: ids, kwargs }, { mode: 'strict' });
    expect((v.details as { follow_instruction_list: boolean[] }).follow_instruction_list).toEqual([true, true, true, true, false]);
  });

  it('hostile reference patterns are refused as input: exponential backtracking, 5,000 forbidden words', async () => {
    const ref = (id: string, kwargs: Record<string, unknown>) => ({ instruction_id_list: [id], kwargs: [kwargs] });
    for (const [id, kw] of [
      ['keywords:existence', { keywords: ['(a+)+$'] }],
      ['keywords:existence', { keywords: ['(x|xx)*y'] }],
      ['detectable_content:postscript', { postscript_marker: '(a+)+b' }],
      ['keywords:forbidden_words', { forbidden_words: Array.from({ length: 5000 }, (_, i) => `w${i}`) }],
    ] as const) {
      const v = await verifyOne('ifeval', 'a'.repeat(27) + '!', ref(id, kw), { threads: 0 });
      expect(v.reason, JSON.stringify(kw).slice(0, 80)).toBe('invalid-input');
    }
    const ok = await verifyOne('ifeval', 'I like apples and pears.', ref('keywords:existence', { keywords: ['apples', 'pears'] }), { threads: 0 });
    expect(ok.pass).toBe(true);
    expect(backtrackRisk(String.raw`\s*p\.\s?s\..*$`)).toBeUndefined();
    expect(backtrackRisk(String.raw`\(a+\)+[(+]*`)).toBeUndefined();
    expect(backtrackRisk(String.raw`((ab)c)+`)).toBeUndefined();
    expect(backtrackRisk(String.raw`((a+)c)+`)).toBeDefined();
  });

  it('a list of more than 20 instructions is refused as input, not scored', async () => {
    const n = 200;
    const v = await verifyOne('ifeval', '<<'.repeat(25_000), { instruction_id_list: Array(n).fill('detectable_format:title'), kwargs: Array(n).fill({}) }, { threads: 0 });
    expect(v.reason).toBe('invalid-input');
    expect(String(v.error)).toMatch(/at most 20 /);
  });
});
