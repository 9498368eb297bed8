/**
 * Scale-out, proved locally: 3 `rewards serve` replicas behind HAProxy (deploy/haproxy.cfg) on
 * loopback, a few thousand mixed samples (math, MCQ, IFEval routed by the `mixed` preset), one
 * replica SIGKILLed and another SIGTERMed mid-run. The client retries on 5xx, 429 and connection
 * errors (scoring is idempotent); every sample must get exactly one verdict, identical to scoring
 * the same sample in this process. Skipped (loudly) without haproxy, unless REQUIRE_HAPROXY=1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe, stopServe, type ServeProcess } from '../../bench/serve-process.js';
import { verifyBatch } from '../../src/core/batch.js';
import { loadPreset, routeFor } from '../../src/presets/preset.js';

const haveHaproxy = spawnSync('haproxy', ['-v']).status === 0;
if (!haveHaproxy) {
  const msg = 'haproxy is not installed: the replica test cannot run (apt-get install haproxy)';
  if (process.env.REQUIRE_HAPROXY === '1') throw new Error(`${msg}, and REQUIRE_HAPROXY=1`);
  console.warn(`\n*** SKIPPING the replica test: ${msg} ***\n`);
}

interface Item {
  id: number;
  response: string;
  reference: unknown;
  data_source: string;
}

function samples(): Item[] {
  const math = readFileSync(new URL('../corpora/math/qwen_math_cot_100.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { response: string; gold: string });
  const out: Item[] = [];
  for (let i = 0; i < 3000; i++) {
    const id = out.length;
    if (i % 2 === 0) {
      const m = math[(i / 2) % math.length]!;
      out.push({ id, response: m.response, reference: i % 4 === 0 ? m.gold : `${m.gold}1`, data_source: i % 3 ? 'math' : 'openai/gsm8k' });
    } else if (i % 4 === 1) {
      out.push({ id, response: `Thinking... the answer is (${'ABCDE'[i % 5]}).`, reference: 'ABCDE'[i % 3]!, data_source: 'mcq' });
    } else {
      const text = i % 8 === 3 ? 'a plain answer without any punctuation marks at all' : `an answer, with ${i} commas, sadly`;
      out.push({ id, response: text, reference: { prompt: 'Answer without commas.', instruction_id_list: ['punctuation:no_comma'], kwargs: [{}] }, data_source: 'ifeval' });
    }
  }
  return out;
}

const children: ChildProcess[] = [];
const replicas: ServeProcess[] = [];
afterAll(async () => {
  for (const r of replicas) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe.skipIf(!haveHaproxy)('3 replicas behind HAProxy', () => {
  it('every sample gets exactly one verdict, identical to in-process scoring, while replicas die', { timeout: 300_000 }, async () => {
    const base = 20_000 + (process.pid % 200) * 5;
    const [front, ...ports] = [base, base + 1, base + 2, base + 3];
    replicas.push(...(await Promise.all(ports.map((p) => startServe(p!, ['--preset', 'mixed', '--threads', '1', '--log-level', 'warn'], 120_000)))));
    const dir = mkdtempSync(join(tmpdir(), 'rewards-haproxy-'));
    const cfg = readFileSync(new URL('../../deploy/haproxy.cfg', import.meta.url), 'utf8')
      .replaceAll('@FRONT@', String(front))
      .replaceAll('@S1@', String(ports[0]))
      .replaceAll('@S2@', String(ports[1]))
      .replaceAll('@S3@', String(ports[2]));
    writeFileSync(join(dir, 'haproxy.cfg'), cfg);
    const haproxy = spawn('haproxy', ['-db', '-f', join(dir, 'haproxy.cfg')], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(haproxy);
    let haproxyLog = '';
    haproxy.stderr!.on('data', (d: Buffer) => (haproxyLog = (haproxyLog + d.toString()).slice(-4000)));
    const url = `http://127.0.0.1:${front}`;
    for (let i = 0; ; i++) {
      const ok = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
      if (ok) break;
      if (i > 200) throw new Error(`haproxy did not come up (exit ${haproxy.exitCode}): ${haproxyLog}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    const items = samples();
    const batches: Item[][] = [];
    for (let i = 0; i < items.length; i += 10) batches.push(items.slice(i, i + 10));
    const verdicts = new Map<number, Record<string, unknown>>();
    let duplicates = 0;
    let retries = 0;
    let done = 0;
    let killed = false;
    let terminated: Promise<number | string> | undefined;

    const send = async (batch: Item[]): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        if (attempt > 50) throw new Error(`batch starting at id ${batch[0]!.id} failed 50 times`);
        try {
          const r = await fetch(`${url}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: batch }) });
          if (r.status >= 500 || r.status === 429) {
            retries++;
            await new Promise((res) => setTimeout(res, 50));
            continue;
          }
          expect(r.status).toBe(200);
          const body = (await r.json()) as { verdicts: Record<string, unknown>[] };
          expect(body.verdicts).toHaveLength(batch.length);
          for (const v of body.verdicts) {
            if (verdicts.has(v.id as number)) duplicates++;
            verdicts.set(v.id as number, v);
          }
          return;
        } catch (err) {
          if ((err as Error).name === 'AssertionError') throw err;
          retries++;
          await new Promise((res) => setTimeout(res, 50));
        }
      }
    };

    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < batches.length) {
          const b = batches[next++]!;
          await send(b);
          done++;
          if (!killed && done >= batches.length * 0.3) {
            killed = true;
            replicas[0]!.child.kill('SIGKILL');
          }
          if (!terminated && done >= batches.length * 0.6) terminated = stopServe(replicas[1]!, 'SIGTERM');
        }
      }),
    );
    expect(killed).toBe(true);
    expect(await terminated).toBe(0);

    // Exactly one verdict per sample, identical to in-process scoring.
    expect(duplicates).toBe(0);
    expect(verdicts.size).toBe(items.length);
    const preset = loadPreset('mixed');
    const byVerifier = new Map<string, Item[]>();
    for (const it of items) {
      const r = routeFor(preset, it as unknown as Record<string, unknown>);
      if ('error' in r) throw new Error(r.error);
      const list = byVerifier.get(r.route.verifier) ?? [];
      list.push(it);
      byVerifier.set(r.route.verifier, list);
    }
    let mismatches = 0;
    for (const [name, list] of byVerifier) {
      const route = Object.values(preset.routes!).find((r) => r.verifier === name)!;
      const local = await verifyBatch(name, list.map((it) => ({ response: it.response, reference: it.reference, options: route.options ?? {} })));
      list.forEach((it, k) => {
        const remote = verdicts.get(it.id)!;
        const want = local[k]!;
        const same = remote.score === want.score && remote.pass === want.pass && remote.extracted === want.extracted && remote.reason === want.reason;
        if (!same) mismatches++;
      });
    }
    expect(mismatches).toBe(0);
    console.log(`replica test: ${items.length} samples in ${batches.length} requests, ${retries} retries, replica 1 SIGKILLed, replica 2 SIGTERMed (exit 0)`);
    await stopServe(replicas[2]!, 'SIGTERM');
    haproxy.kill('SIGTERM');
  });
});
