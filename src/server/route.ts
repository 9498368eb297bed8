/**
 * Routing one sample to a verifier on the server. Precedence (highest first): the sample's own
 * `verifier` field (an item's, or an OpenRLHF/slime label object's); the request's
 * `preset`/`verifier` (native API only); the server's `--preset` (routing by record fields such as
 * `data_source`, `domain`, `kind`); the server's `--verifier`. The rule itself is `routeRecord`
 * (shared with `rewards score`); a sample with no route becomes a per-sample `invalid-input` verdict.
 */
import { OWN_VERIFIER, routeRecord, type RouteLevel, type RoutedRecord } from '../presets/route-record.js';
import { clientOptionsError, DEFAULT_OPTION_CAPS, type OptionCaps } from './client-options.js';

export type { RouteLevel } from '../presets/route-record.js';

/** A sample ready for the batch runner, with how its reward is weighted. */
export type Job = RoutedRecord;

/** A routed job, or the reason the sample cannot be routed (becomes an `invalid-input` verdict). */
export type Planned = { job: Job } | { error: string };

/**
 * Route a record `{response, reference, verifier?, options?, ...fields}`: its own `verifier` first,
 * then `levels`. `extra` are request-wide verifier options (below the item's own `options`). Both
 * come from the client, so they are checked against `caps` (client-options.ts).
 */
export function planSample(record: Record<string, unknown>, levels: readonly RouteLevel[], extra?: Record<string, unknown>, caps: OptionCaps = DEFAULT_OPTION_CAPS): Planned {
  const r = routeRecord(record, [OWN_VERIFIER, ...levels], extra);
  if ('error' in r) return r;
  const own = record.options !== null && typeof record.options === 'object' && !Array.isArray(record.options) ? (record.options as Record<string, unknown>) : undefined;
  const refused = clientOptionsError(r.verifier, extra, caps) ?? clientOptionsError(r.verifier, own, caps);
  return refused ? { error: refused } : { job: r };
}
