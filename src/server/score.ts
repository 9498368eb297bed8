/**
 * Scoring routed samples: one `verifyBatch` call per verifier (on the worker pool, which chunks
 * samples across requests), verdicts back in the samples' order, each with its weighted reward and
 * its outcome (pass / fail / error) so errors stay distinguishable from wrong answers.
 */
import { verifyBatch, type BatchOptions } from '../core/batch.js';
import { Reasons, failVerdict, verdictOutcome, type Verdict, type VerdictOutcome } from '../core/verdict.js';
import type { Planned } from './route.js';
import type { ServerMetrics } from './metrics.js';

/** One scored sample. */
export interface Scored {
  verdict: Verdict;
  /** The verdict's score times its route's weight, in [0, 1]. */
  score: number;
  /** The trainer's reward: a preset's shaped `reward` when the verdict has one, else `score`. */
  reward: number;
  outcome: VerdictOutcome;
  verifier?: string;
  route?: string;
}

let pending: (() => void)[] = [];

/**
 * Run `start` in the next check phase together with every other request parsed in this turn of the
 * event loop: their samples then reach the pool's queue in one go and travel to workers in shared
 * chunks (fewer messages than one per request), while each request still waits only for its own
 * samples.
 */
function coalesced<T>(start: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (pending.length === 0) {
      setImmediate(() => {
        const run = pending;
        pending = [];
        for (const f of run) f();
      });
    }
    pending.push(() => start().then(resolve, reject));
  });
}

/** Score planned samples; never rejects because of a sample. */
export async function scorePlanned(planned: readonly Planned[], batch: BatchOptions & Record<string, unknown>, metrics?: ServerMetrics): Promise<Scored[]> {
  const out: Scored[] = new Array(planned.length);
  const groups = new Map<string, number[]>();
  planned.forEach((p, i) => {
    if ('error' in p) {
      const verdict = failVerdict(Reasons.invalidInput, { error: p.error });
      out[i] = { verdict, score: 0, reward: 0, outcome: 'error' };
      metrics?.observe('none', 'error');
      return;
    }
    const g = groups.get(p.job.verifier);
    if (g) g.push(i);
    else groups.set(p.job.verifier, [i]);
  });
  await Promise.all(
    [...groups].map(async ([name, at]) => {
      const started = performance.now();
      const jobs = at.map((i) => (planned[i] as { job: import('./route.js').Job }).job);
      const verdicts = await coalesced(() => verifyBatch(name, jobs.map((j) => ({ response: j.response, reference: j.reference, options: j.options })), batch));
      const seconds = (performance.now() - started) / 1000;
      at.forEach((i, k) => {
        const job = jobs[k]!;
        const verdict = verdicts[k]!;
        const score = verdict.score * job.weight;
        const shaped = (verdict as { reward?: unknown }).reward;
        const reward = typeof shaped === 'number' && Number.isFinite(shaped) ? shaped : score;
        const outcome = verdictOutcome(verdict);
        out[i] = { verdict, score, reward, outcome, verifier: name, route: job.route };
        metrics?.observe(name, outcome, k === 0 ? seconds : undefined);
      });
    }),
  );
  return out;
}
