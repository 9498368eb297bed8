/**
 * Red-team fixtures of the Python sandbox's inline mode (test/fixtures/python-inline-*.json): each
 * case is an attack that must score 0 or an honest variant that must score 1, under its tests
 * (and, where given, the reference's prompt and entry point).
 */
import { readFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';
import { closePool } from '../../src/index.js';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';
import { describePython, itPython } from './python-sandbox.js';

/** One fixture case. */
export interface InlineCase {
  name: string;
  code: string;
  test: string;
  score: number;
  prompt?: string;
  entry_point?: string;
}

/** Run every case of `test/fixtures/<fixture>` as a test of its own. */
export function describeInlineCases(title: string, fixture: string): void {
  const cases = JSON.parse(readFileSync(new URL(`../fixtures/${fixture}`, import.meta.url), 'utf8')) as InlineCase[];
  describePython(title, () => {
    afterAll(() => closePool());
    for (const c of cases) {
      itPython(`${c.score ? 'honest' : 'attack'}: ${c.name}`, async () => {
        const ref = {
          language: 'python',
          test_code: c.test,
          ...(c.prompt !== undefined ? { prompt: c.prompt } : {}),
          ...(c.entry_point !== undefined ? { entry_point: c.entry_point } : {}),
        };
        const v = await verifyCode('```python\n' + c.code + '\n```', ref, { timeLimitMs: 5000 });
        const t = (v.details as CodeDetails | undefined)?.tests?.[0];
        expect(v.score, `${t?.status} ${t?.message ?? ''}`).toBe(c.score);
      }, 60_000);
    }
  });
}
