/**
 * Scoring routed samples: per verifier, the request's samples go to the micro-batcher (one
 * `verifyBatch` per verifier per event-loop turn, on the worker pool), verdicts come back in the
 * samples' order, each with its weighted reward and its outcome (pass / fail / error) so errors
 * stay distinguishable from wrong answers.
 */
import type { Sample } from '../core/batch.js';
import { Reasons, failVerdict, verdictOutcome, type Verdict, type VerdictOutcome } from '../core/verdict.js';
import type { Submit } from './batcher.js';
import type { Job, Planned } from './route.js';
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

function isEmpty(o: Record<string, unknown>): boolean {
  for (const _ in o) return false;
  return true;
}

/**
 * The pool sample of a job. Options are left out when empty, so the batch runner shares one
 * options object across the chunk instead of merging and cloning one per sample.
 */
function sampleOf(j: Job): Sample {
  return isEmpty(j.options) ? { response: j.response, reference: j.reference } : { response: j.response, reference: j.reference, options: j.options };
}

function scoredOf(job: Job, verdict: Verdict): Scored {
  const score = verdict.score * job.weight;
  const shaped = (verdict as { reward?: unknown }).reward;
  const reward = typeof shaped === 'number' && Number.isFinite(shaped) ? shaped : score;
  return { verdict, score, reward, outcome: verdictOutcome(verdict), verifier: job.verifier, route: job.route };
}

/** Score planned samples; never rejects because of a sample. */
export async function scorePlanned(planned: readonly Planned[], submit: Submit, metrics?: ServerMetrics): Promise<Scored[]> {
  const out: Scored[] = new Array(planned.length);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < planned.length; i++) {
    const p = planned[i]!;
    if ('error' in p) {
      out[i] = { verdict: failVerdict(Reasons.invalidInput, { error: p.error }), score: 0, reward: 0, outcome: 'error' };
      metrics?.observe('none', 'error');
      continue;
    }
    const g = groups.get(p.job.verifier);
    if (g) g.push(i);
    else groups.set(p.job.verifier, [i]);
  }
  await Promise.all(
    [...groups].map(async ([name, at]) => {
      const started = performance.now();
      const jobs = at.map((i) => (planned[i] as { job: Job }).job);
      const verdicts = await submit(name, jobs.map(sampleOf));
      const seconds = (performance.now() - started) / 1000;
      for (let k = 0; k < at.length; k++) {
        const s = scoredOf(jobs[k]!, verdicts[k]!);
        out[at[k]!] = s;
        metrics?.observe(name, s.outcome, k === 0 ? seconds : undefined);
      }
    }),
  );
  return out;
}
