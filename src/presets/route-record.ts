/**
 * Routing one record `{response, reference, verifier?, options?, ...fields}` to a verifier: the one
 * routing rule of `rewards score` (src/cli/score-plan.ts) and `rewards serve` (src/server/route.ts).
 * Callers differ only in precedence, which is the `levels` they pass: the CLI's `--verifier`, else
 * `--preset`, else the line's own `verifier`; the server's sample's own `verifier` first, then the
 * request's and the server's preset/verifier. A preset with no route for the record falls through
 * to the next level; a record no level routes gets an error naming every miss.
 */
import { getVerifierEntry, verifierNames } from '../core/registry.js';
import { routeFor, type Preset } from './preset.js';

/**
 * One level of routing precedence: a preset (routes by record fields), a fixed verifier, or
 * `{ own: true }`: the record's own `verifier` field (skipped when the record has none).
 */
export type RouteLevel = { preset: Preset } | { verifier: string } | { own: true };

/** The record's own `verifier` field as a routing level. */
export const OWN_VERIFIER: RouteLevel = { own: true };

/** A routed record: the verifier, the route's name and weight, and the merged verifier options. */
export interface RoutedRecord {
  verifier: string;
  /** Route name (a preset's route key, the preset's name, or the verifier name). */
  route: string;
  weight: number;
  response: unknown;
  reference: unknown;
  /** Route options, then `extra`, then the record's own `options` (later wins). */
  options: Record<string, unknown>;
}

const NO_ROUTE = 'no verifier: give the record a "verifier" field, or set --verifier or --preset';

/**
 * Route `record` through `levels` (highest precedence first). `extra` are caller-wide verifier
 * options, above the route's own options and below the record's `options`. A precomputed
 * `response_embedding` travels with the sample (similarity verifier). Returns `{ error }` when the
 * record lacks `response`/`reference`, has no route, names an unknown verifier, or has `options`
 * that are not an object.
 */
export function routeRecord(record: Record<string, unknown>, levels: readonly RouteLevel[], extra?: Record<string, unknown>): RoutedRecord | { error: string } {
  if (!('response' in record)) return { error: 'missing field "response"' };
  if (!('reference' in record)) return { error: 'missing field "reference"' };
  let verifier: string | undefined;
  let route = '';
  let weight = 1;
  let routeOptions: Record<string, unknown> | undefined;
  let misses: string[] | undefined;
  for (const level of levels) {
    if ('own' in level) {
      if (record.verifier === undefined) continue;
      if (typeof record.verifier !== 'string') return { error: '"verifier" must be a string' };
      verifier = route = record.verifier;
    } else if ('preset' in level) {
      const r = routeFor(level.preset, record);
      if ('error' in r) {
        (misses ??= []).push(r.error);
        continue;
      }
      verifier = r.route.verifier;
      route = r.name;
      weight = r.route.weight ?? 1;
      routeOptions = r.route.options;
    } else verifier = route = level.verifier;
    break;
  }
  if (verifier === undefined) return { error: misses ? misses.join('; ') : NO_ROUTE };
  if (!getVerifierEntry(verifier)) return { error: `unknown verifier "${verifier}" (known: ${verifierNames().join(', ')})` };
  const own = record.options;
  if (own !== undefined && (own === null || typeof own !== 'object' || Array.isArray(own))) return { error: '"options" must be an object' };
  const options: Record<string, unknown> = { ...routeOptions, ...extra, ...(own as Record<string, unknown> | undefined) };
  if (record.response_embedding !== undefined) options.response_embedding = record.response_embedding;
  return { verifier, route, weight, response: record.response, reference: record.reference, options };
}
