/**
 * Presets: a reward set-up as data (`rewards/*.json`, validated with ajv against
 * `rewards/preset.schema.json`). A preset names one verifier and its options, or routes records by
 * a field (`domain`, `data_source`, `kind`, ...) to verifiers, each with a weight in [0, 1] that
 * scales its reward (a CrossThink blend, a Cascade stage), or combines a gate verifier with a
 * reward model's score over GRPO groups (`combine`). `shaping` maps verdicts to the trainer's
 * reward (`shapeBatch` in `combine.ts`).
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { getVerifierEntry, verifierNames } from '../core/registry.js';
import { formatAjvErrors } from '../filters/schema-errors.js';
import type { ShapingSpec } from '../core/shaping.js';
import type { GateCombine } from './combine.js';

/** One route: a verifier, its options, and a reward weight. */
export interface PresetRoute {
  verifier: string;
  options?: Record<string, unknown>;
  weight?: number;
}

/** A validated preset. */
export interface Preset {
  name: string;
  description?: string;
  /** Single-verifier form. */
  verifier?: string;
  options?: Record<string, unknown>;
  weight?: number;
  /** Routed form: the record field to route by, and a route per value. */
  route_by?: string;
  routes?: Record<string, PresetRoute>;
  default?: PresetRoute;
  /** Reward shaping: per-reason rewards, a weight, overlong handling (see `src/core/shaping.ts`). */
  shaping?: ShapingSpec;
  /** Combinator form: the RM-gated reward over GRPO groups (see `src/presets/combine.ts`). */
  combine?: GateCombine;
}

/** The folder of bundled presets. */
export const PRESETS_DIR = fileURLToPath(new URL('../../rewards/', import.meta.url));

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  validator ??= new Ajv({ strict: false, allErrors: false }).compile(
    JSON.parse(readFileSync(join(PRESETS_DIR, 'preset.schema.json'), 'utf8')) as object,
  );
  return validator;
}

/** Check a parsed preset; throws naming the file and the field that is wrong. */
export function parsePreset(value: unknown, source = '<preset>'): Preset {
  const v = validate();
  if (!v(value)) throw new Error(`${source}: ${formatAjvErrors(v.errors)}`);
  const preset = value as Preset;
  const routes = preset.routes ? Object.values(preset.routes) : [];
  const used = [preset.verifier, preset.default?.verifier, preset.combine?.gate.verifier, ...routes.map((r) => r.verifier)].filter((x): x is string => !!x);
  for (const name of used) {
    if (!getVerifierEntry(name)) throw new Error(`${source}: unknown verifier "${name}" (known: ${verifierNames().join(', ')})`);
  }
  const overlong = preset.shaping?.overlong;
  if (overlong?.mode === 'soft' && overlong.cache_length > overlong.max_length) {
    throw new Error(`${source}: /shaping/overlong/cache_length (${overlong.cache_length}) must be <= max_length (${overlong.max_length})`);
  }
  return preset;
}

/** Load a preset by bundled name (`crossthink`) or path (`rewards/crossthink.json`). */
export function loadPreset(nameOrPath: string): Preset {
  const file = existsSync(nameOrPath) ? resolve(nameOrPath) : join(PRESETS_DIR, `${nameOrPath}.json`);
  if (!existsSync(file)) throw new Error(`no preset "${nameOrPath}" (not a file, not a bundled preset)`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: invalid JSON: ${(err as Error).message}`);
  }
  return parsePreset(value, file);
}

/** The route a record takes: `{ name, route }`, or an error message when none applies. */
export function routeFor(preset: Preset, record: Record<string, unknown>): { name: string; route: PresetRoute } | { error: string } {
  if (preset.combine) {
    const gate = preset.combine.gate;
    return { name: preset.name, route: { verifier: gate.verifier, options: gate.options ?? {}, weight: gate.weight ?? 1 } };
  }
  if (preset.verifier) {
    return { name: preset.name, route: { verifier: preset.verifier, options: preset.options ?? {}, weight: preset.weight ?? 1 } };
  }
  const key = record[preset.route_by!];
  const route = typeof key === 'string' ? preset.routes![key] : undefined;
  if (route) return { name: key as string, route };
  if (preset.default) return { name: 'default', route: preset.default };
  return { error: `no route for ${preset.route_by}=${JSON.stringify(key)} in preset ${preset.name} (routes: ${Object.keys(preset.routes!).join(', ')})` };
}
