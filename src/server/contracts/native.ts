/**
 * The native batch contract, the CLI's JSONL contract over HTTP:
 * `POST /v1/score {verifier?, preset?, options?, items: [{id?, response, reference, options?, ...fields}]}`
 * -> `{verdicts: [...]}`, same order and count. Each verdict is the `rewards score` output line plus
 * `reward` and `outcome` (`pass` / `fail` / `error`).
 */
import { getVerifierEntry, verifierNames } from '../../core/registry.js';
import type { Preset } from '../../presets/preset.js';
import { HttpError, isObject, missingField, wrongShape } from '../errors.js';
import { planSample, type Planned, type RouteLevel } from '../route.js';
import { DEFAULT_OPTION_CAPS, type OptionCaps } from '../client-options.js';
import type { Scored } from '../score.js';

/** Request-wide settings of a native request (everything but the items). */
export interface NativeHeader {
  levels: RouteLevel[];
  options: Record<string, unknown>;
  /** The server's caps on client options. */
  caps: OptionCaps;
}

/** Read `verifier`, `preset` and `options` of a native request (or of an NDJSON stream's query). */
export function nativeHeader(
  body: Record<string, unknown>,
  serverLevels: readonly RouteLevel[],
  resolvePreset: (name: string) => Preset,
  caps: OptionCaps = DEFAULT_OPTION_CAPS,
): NativeHeader {
  const levels: RouteLevel[] = [];
  if (body.preset !== undefined) {
    if (typeof body.preset !== 'string') throw wrongShape('preset', 'a string', body.preset);
    levels.push({ preset: resolvePreset(body.preset) });
  }
  if (body.verifier !== undefined) {
    if (typeof body.verifier !== 'string') throw wrongShape('verifier', 'a string', body.verifier);
    if (!getVerifierEntry(body.verifier)) throw new HttpError(422, `field "verifier": unknown verifier "${body.verifier}" (known: ${verifierNames().join(', ')})`);
    levels.push({ verifier: body.verifier });
  }
  if (body.options !== undefined && !isObject(body.options)) throw wrongShape('options', 'an object', body.options);
  return { levels: [...levels, ...serverLevels], options: (body.options as Record<string, unknown> | undefined) ?? {}, caps };
}

/** Plan one native item (a bad item becomes a per-sample error, not a request error). */
export function planItem(item: unknown, header: NativeHeader): Planned {
  if (!isObject(item)) return { error: 'an item must be a JSON object' };
  if ('id' in item && !plainId(item.id)) return { error: `"id" must be a string, a number or null, got ${Array.isArray(item.id) ? 'an array' : typeof item.id}` };
  return planSample(item, header.levels, header.options, header.caps);
}

/** An id that is echoed as it came: a string, a finite number, a boolean or null. */
function plainId(id: unknown): boolean {
  return id === null || typeof id === 'string' || typeof id === 'boolean' || (typeof id === 'number' && Number.isFinite(id));
}

/** The items array of a native request, or a 400/422. */
export function nativeItems(body: Record<string, unknown>): unknown[] {
  if (!('items' in body)) throw missingField('items');
  if (!Array.isArray(body.items)) throw wrongShape('items', 'an array', body.items);
  return body.items;
}

/** One output verdict (the `rewards score` line plus `reward` and `outcome`). */
export function nativeVerdict(item: unknown, s: Scored): Record<string, unknown> {
  // Only a plain id is echoed (a 10,000-deep array as id overflowed JSON.stringify's stack and
  // cost the whole request its verdicts).
  const id = isObject(item) && 'id' in item && plainId(item.id) ? { id: item.id } : {};
  return { ...id, ...s.verdict, score: s.score, reward: s.reward, outcome: s.outcome, ...(s.route !== undefined && { route: s.route }) };
}
