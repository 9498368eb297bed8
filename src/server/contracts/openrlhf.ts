/**
 * OpenRLHF's remote reward contract (`--reward.remote_url http://host:port/get_reward`, or
 * `--remote_rm_url` before v0.10.2): `{query: [str], prompts: [str], labels: [any]}` ->
 * `{rewards: [float], scores: [float], extra_logs: {name: [per-sample number]}}`.
 * `extra_logs` holds numbers only (OpenRLHF turns each list into a tensor): `pass` (1/0), `error`
 * (1 when the sample could not be judged: drop it rather than train on its 0) and `timeout`.
 */
import { HttpError, missingField, wrongShape } from '../errors.js';
import { planSample, type Planned, type RouteLevel } from '../route.js';
import type { OptionCaps } from '../client-options.js';
import type { Scored } from '../score.js';
import { labelRecord, responseOfQuery } from './label.js';

/** Plan an OpenRLHF request: one sample per query. */
export function planOpenrlhf(body: Record<string, unknown>, levels: readonly RouteLevel[], caps?: OptionCaps): Planned[] {
  if (!('query' in body)) throw missingField('query');
  const { query } = body;
  if (!Array.isArray(query)) throw wrongShape('query', 'an array of strings', query);
  const prompts = body.prompts ?? [];
  const labels = body.labels ?? [];
  if (!Array.isArray(prompts)) throw wrongShape('prompts', 'an array', prompts);
  if (!Array.isArray(labels)) throw wrongShape('labels', 'an array', labels);
  if (prompts.length !== 0 && prompts.length !== query.length) throw new HttpError(422, `field "prompts" has ${prompts.length} entries, "query" has ${query.length}`);
  if (labels.length !== query.length) throw new HttpError(422, `field "labels" has ${labels.length} entries, "query" has ${query.length}`);
  return query.map((q, i) => {
    if (typeof q !== 'string') return { error: `query[${i}] must be a string` };
    const response = responseOfQuery(q, prompts[i]);
    if (response === undefined) {
      return { error: `query[${i}]: the response cannot be told from the prompt (prompts[${i}] is not a non-empty string that starts the query, and the query does not hold exactly one assistant-turn marker)` };
    }
    return planSample(labelRecord(labels[i], response), levels, undefined, caps);
  });
}

/** The OpenRLHF response body. */
export function openrlhfResponse(scored: readonly Scored[]): { rewards: number[]; scores: number[]; extra_logs: Record<string, number[]> } {
  return {
    rewards: scored.map((s) => s.reward),
    scores: scored.map((s) => s.score),
    extra_logs: {
      pass: scored.map((s) => (s.verdict.pass ? 1 : 0)),
      error: scored.map((s) => (s.outcome === 'error' ? 1 : 0)),
      timeout: scored.map((s) => (s.verdict.reason === 'timeout' ? 1 : 0)),
    },
  };
}
