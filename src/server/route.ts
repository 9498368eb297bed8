/**
 * Routing one sample to a verifier. Precedence (highest first): the sample's own `verifier` field
 * (an item's, or an OpenRLHF/slime label object's); the request's `preset`/`verifier` (native API
 * only); the server's `--preset` (routing by record fields such as `data_source`, `domain`,
 * `kind`); the server's `--verifier`. A preset with no route for a record falls through to the
 * next level; a sample with no route at all becomes a per-sample `invalid-input` verdict.
 */
import { getVerifierEntry, verifierNames } from '../core/registry.js';
import { routeFor, type Preset } from '../presets/preset.js';

/** Where a sample may be routed, in precedence order after its own `verifier` field. */
export interface RouteLevel {
  preset?: Preset;
  verifier?: string;
}

/** A sample ready for the batch runner, with how its reward is weighted. */
export interface Job {
  verifier: string;
  /** Route name (preset route key, or the verifier name). */
  route: string;
  weight: number;
  response: unknown;
  reference: unknown;
  options: Record<string, unknown>;
}

/** A routed job, or the reason the sample cannot be routed (becomes an `invalid-input` verdict). */
export type Planned = { job: Job } | { error: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Route a record `{response, reference, verifier?, options?, ...fields}` through `levels`.
 * `extra` are request-wide verifier options (below the item's own `options`).
 */
export function planSample(record: Record<string, unknown>, levels: readonly RouteLevel[], extra: Record<string, unknown> = {}): Planned {
  let verifier: string | undefined;
  let route = '';
  let weight = 1;
  let routeOptions: Record<string, unknown> = {};
  if (record.verifier !== undefined) {
    if (typeof record.verifier !== 'string') return { error: `"verifier" must be a string` };
    verifier = record.verifier;
    route = verifier;
  } else {
    const misses: string[] = [];
    for (const level of levels) {
      if (level.preset) {
        const r = routeFor(level.preset, record);
        if ('error' in r) {
          misses.push(r.error);
          continue;
        }
        verifier = r.route.verifier;
        route = r.name;
        weight = r.route.weight ?? 1;
        routeOptions = r.route.options ?? {};
        break;
      }
      if (level.verifier) {
        verifier = level.verifier;
        route = verifier;
        break;
      }
    }
    if (!verifier) {
      return { error: misses.length ? misses.join('; ') : 'no verifier: give the sample a "verifier", or start the server with --verifier or --preset' };
    }
  }
  if (!getVerifierEntry(verifier)) return { error: `unknown verifier "${verifier}" (known: ${verifierNames().join(', ')})` };
  const own = record.options;
  if (own !== undefined && !isObject(own)) return { error: `"options" must be an object` };
  if (!('response' in record)) return { error: 'missing field "response"' };
  if (!('reference' in record)) return { error: 'missing field "reference"' };
  const options: Record<string, unknown> = { ...routeOptions, ...extra, ...own };
  if (record.response_embedding !== undefined) options.response_embedding = record.response_embedding;
  return { job: { verifier, route, weight, response: record.response, reference: record.reference, options } };
}
