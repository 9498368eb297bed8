import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { verifyCode } from '../../src/verifiers/code/index.js';
it('dbg', async () => {
  const rows = readFileSync('test/corpora/bigcodebench/stdlib.jsonl', 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  for (const id of [1, 545, 930, 954, 843, 991, 548, 569, 833]) {
    const r = rows.find((x: { task_id: string }) => x.task_id === `BigCodeBench/${id}`);
    const v = await verifyCode('```python\n' + r.prompt + r.canonical_solution + '\n```', { language: 'python', test_code: r.test, prompt: r.prompt, entry_point: r.entry_point }, { timeLimitMs: 10000 });
    console.log(id, JSON.stringify((v.details as any).tests).slice(0, 400));
  }
}, 300000);
