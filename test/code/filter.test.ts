import { afterAll, describe, expect, it } from 'vitest';
import { closePool } from '../../src/index.js';
import { codeReferencePasses } from '../../src/filters/code-reference-passes.js';
import { humanEvalJs, humanEvalPython } from './corpora.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

describe('codeReferencePasses', () => {
  itPython('keeps records whose solution passes its own tests and says why it drops the others', async () => {
    const check = codeReferencePasses.create({ codeOptions: { timeLimitMs: 1000 } });
    const js = humanEvalJs();
    const py = humanEvalPython();
    const records = [
      { kind: 'code', question: 'q', solution: js[0]!.solution, reference: js[0]!.reference },
      { kind: 'code', question: 'q', solution: js[112]!.solution, reference: js[112]!.reference },
      { kind: 'code', question: 'q', solution: py[3]!.solution, reference: py[3]!.reference },
      { kind: 'code', question: 'q', solution: 'while True: pass', reference: py[3]!.reference },
      { kind: 'code', question: 'q', reference: py[3]!.reference },
      { kind: 'code', question: 'q', solution: 'print(1)', reference: { language: 'cobol', tests: [] } },
      { kind: 'code', question: 'q', solution: 'print(1)', reference: { language: 'python', tests: [{ input: '', output: '1' }] } },
    ];
    const results = await check(records);
    expect(results.map((r) => (r.keep ? 'keep' : r.reason!.replace(/ \(.*$/, '')))).toEqual([
      'keep',
      'reference-fails: wrong-answer',
      'keep',
      'reference-fails: timeout',
      'no-solution',
      'reference-fails: invalid-input',
      'keep',
    ]);
    expect(codeReferencePasses.kinds).toEqual(['code']);
  }, 60_000);
});
