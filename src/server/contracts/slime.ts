/**
 * slime's remote reward model (`--rm-type remote_rm --rm-url http://host:port/v1/reward`):
 * `{prompt, response, label}` -> a dict read with `--reward-key` (default `reward`):
 * `{reward, score, pass, outcome, reason?, extracted?, error?, verifier?, route?}`.
 */
import { missingField } from '../errors.js';
import { planSample, type Planned, type RouteLevel } from '../route.js';
import type { OptionCaps } from '../client-options.js';
import type { Scored } from '../score.js';
import { labelRecord, stripEos } from './label.js';

/** Plan a slime request (one sample). */
export function planSlime(body: Record<string, unknown>, levels: readonly RouteLevel[], caps?: OptionCaps): Planned {
  if (!('response' in body)) throw missingField('response');
  if (!('label' in body)) throw missingField('label');
  const response = typeof body.response === 'string' ? stripEos(body.response) : body.response;
  return planSample(labelRecord(body.label, response), levels, undefined, caps);
}

/** The slime response body. */
export function slimeResponse(s: Scored): Record<string, unknown> {
  const v = s.verdict;
  return {
    reward: s.reward,
    score: s.score,
    pass: v.pass,
    outcome: s.outcome,
    ...(v.reason !== undefined && { reason: v.reason }),
    ...(v.extracted !== undefined && { extracted: v.extracted }),
    ...(v.error !== undefined && { error: v.error }),
    ...(s.verifier !== undefined && { verifier: s.verifier }),
    ...(s.route !== undefined && { route: s.route }),
  };
}
