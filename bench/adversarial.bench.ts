/**
 * Adversarial load (issue 11): 10k-sample batches of math, MCQ and IFEval with 5% adversarial
 * samples (bench/adversarial-gen.ts) in three placements (spread, one adjacent block, both sides
 * of every chunk boundary), all in one call. Reports how many honest verdicts differ from running
 * the honest samples alone (target 0) and the wall time against the honest-alone time (target
 * <= 3x), then each adversarial builder's verifier time at 49 KB (ifeval's worst: just under its cap, also
 * against a reference of its per-match instructions), 1 MB and 10 MB (target <= 1 s).
 *
 * Strings are flat, as a trainer's are (see `flat` in adversarial-gen.ts).
 *
 * `ADV_N` (default 10000) sets the honest batch size, `ADV_VERIFIERS` (default math,mcq,ifeval)
 * which verifiers run, `ADV_THREADS` the pool size (default: all cores).
 */
import { availableParallelism } from 'node:os';
import { configurePool, closePool, createPool, verifyBatch, type Verdict } from '../src/index.js';
import { ADVERSARIAL, adversarialSamples, flat, honestSamples, mix, type Placement } from './adversarial-gen.js';
import { printTable } from './table.js';

const N = Number(process.env.ADV_N ?? 10_000);
const SHARE = 0.05;
const verifiers = (process.env.ADV_VERIFIERS ?? 'math,mcq,ifeval').split(',') as ('math' | 'mcq' | 'ifeval')[];
const threads = Number(process.env.ADV_THREADS ?? availableParallelism());
await configurePool({ threads });

const key = (v: Verdict): string => JSON.stringify([v.score, v.pass, v.reason ?? null, v.extracted ?? null]);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}

const batchRows: (string | number)[][] = [['verifier', 'placement', 'samples', 'adversarial', 'honest differ', 'seconds', 'vs honest alone', 'target']];
for (const verifier of verifiers) {
  const honest = honestSamples(verifier, N);
  const bad = adversarialSamples(verifier, Math.round(N * SHARE), honest);
  await verifyBatch(verifier, honest.slice(0, 200)); // start the workers, load the verifier
  // Honest alone twice (the faster counts): the first run may still pay for worker start-up.
  const [alone, firstS] = await timed(() => verifyBatch(verifier, honest));
  const [, secondS] = await timed(() => verifyBatch(verifier, honest));
  const aloneS = Math.min(firstS, secondS);
  batchRows.push([verifier, 'honest alone', N, 0, '-', aloneS.toFixed(2), '1.00x', '']);
  for (const placement of ['spread', 'adjacent', 'chunk-edges'] as Placement[]) {
    const { batch, isBad } = mix(honest, bad, placement);
    const [vs, s] = await timed(() => verifyBatch(verifier, batch));
    const honestVs = vs.filter((_, i) => !isBad[i]);
    const differ = honestVs.filter((v, i) => key(v) !== key(alone[i]!)).length;
    batchRows.push([verifier, placement, batch.length, bad.length, differ, s.toFixed(2), `${(s / aloneS).toFixed(2)}x`, '0 differ, <= 3x']);
  }
}
printTable(`Adversarial batches (${threads} threads): honest verdicts against the honest samples alone, wall time`, batchRows);

// One adversarial sample at a time on a one-thread pool (its time includes sending it to the worker).
const one = createPool({ threads: 1 });
const sizeRows: (string | number)[][] = [['verifier', 'builder', '49 KB: ms (worst ref)', '1 MB: ms', '10 MB: ms', 'reason at 10 MB', 'target']];
/** ifeval's instructions whose checks scan per match, for the 49 KB column (ifeval reads at most 50,000 characters). */
const HEAVY_IFEVAL = {
  instruction_id_list: ['keywords:frequency', 'change_case:capital_word_frequency', 'detectable_format:number_highlighted_sections', 'detectable_content:number_placeholders', 'detectable_format:title'],
  kwargs: [{ keyword: 'a', frequency: 3, relation: 'at least' }, { capital_frequency: 3, capital_relation: 'at least' }, { num_highlights: 3 }, { num_placeholders: 3 }, {}],
};
for (const verifier of verifiers) {
  const ref = honestSamples(verifier, 1)[0]!.reference;
  const refs49 = verifier === 'ifeval' ? [ref, HEAVY_IFEVAL] : [ref];
  await verifyBatch(verifier, [{ response: 'warm up', reference: ref }], { pool: one });
  for (const [name, build] of Object.entries(ADVERSARIAL[verifier])) {
    const cells: (string | number)[] = [verifier, name];
    let reason = '';
    let worst = 0;
    const response49 = flat(build(49_000));
    for (const r of refs49) {
      const [[v], s] = await timed(() => verifyBatch(verifier, [{ response: response49, reference: r }], { pool: one, timeoutMs: 10_000 }));
      worst = Math.max(worst, v!.reason === 'timeout' ? 10_001 : Math.round(s * 1000));
    }
    cells.push(worst > 10_000 ? '>10000 (timeout)' : worst);
    for (const size of [1_000_000, 10_000_000]) {
      const response = flat(build(size)); // as a trainer passes it (from JSON): not a rope string
      const [[v], s] = await timed(() => verifyBatch(verifier, [{ response, reference: ref }], { pool: one, timeoutMs: 10_000 }));
      cells.push(v!.reason === 'timeout' ? '>10000 (timeout)' : Math.round(s * 1000));
      reason = v!.reason ?? (v!.pass ? 'pass' : 'fail');
    }
    sizeRows.push([...cells, reason, '<= 1000 ms']);
  }
}
await one.close();
await closePool();
printTable('One adversarial sample at 49 KB, 1 MB and 10 MB (one-thread pool, includes the transfer to the worker)', sizeRows);
