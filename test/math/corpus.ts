/** Shared helpers of the math tests: corpus loading and failure listing. */
import { readFileSync } from 'node:fs';

/** Rows of a JSONL corpus under test/corpora/math/. */
export function corpus<T = Record<string, unknown>>(file: string): T[] {
  const text = readFileSync(new URL(`../corpora/math/${file}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Print the failures of a conformance run (visible in the test output) and return the count right. */
export function report(name: string, total: number, failures: string[]): number {
  const right = total - failures.length;
  console.log(`[math conformance] ${name}: ${right}/${total} right${failures.length ? `; failures:\n  ${failures.join('\n  ')}` : ''}`);
  return right;
}

/** Short JSON of a value for failure lines. */
export function brief(v: unknown, max = 90): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
