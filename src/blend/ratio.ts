/**
 * Blend ratios: `gpr=2,math=1` parsed into class weights, the CrossThink paper's blends as
 * presets, and `B_score` weights read from a scores file. A ratio key names a class value
 * exactly; the catch-all keys `*`, `other` and `gpr` take every class value no other key names
 * (CrossThink's general-purpose reasoning is every domain that is not math).
 */
import { readFileSync } from 'node:fs';

/** Class weights, by ratio key. */
export type Weights = Record<string, number>;

/** The catch-all ratio keys. */
export const CATCH_ALL_KEYS: readonly string[] = ['*', 'other', 'gpr'];

/** A named blend: what to classify by and the weights (absent for `natural`). */
export interface BlendPreset {
  name: string;
  description: string;
  by: string;
  /** Undefined: the natural distribution (each class weighted by its own count). */
  weights?: Weights;
}

/** The paper's blends (CrossThink, Table 3). */
export const BLEND_PRESETS: Record<string, BlendPreset> = {
  'gpr-up': { name: 'gpr-up', description: 'B_gpr↑: general-purpose reasoning and math at 2:1 (the best 7B blend)', by: 'domain', weights: { gpr: 2, math: 1 } },
  'mr-up': { name: 'mr-up', description: 'B_mr↑: math and general-purpose reasoning at 2:1', by: 'domain', weights: { math: 2, gpr: 1 } },
  'mcq-up': { name: 'mcq-up', description: 'B_mcq↑: multiple-choice and open-ended questions at 2:1', by: 'kind', weights: { mcq: 2, 'open-ended': 1 } },
  'open-up': { name: 'open-up', description: 'B_open↑: open-ended and multiple-choice questions at 2:1', by: 'kind', weights: { 'open-ended': 2, mcq: 1 } },
  natural: { name: 'natural', description: 'the natural distribution: every class in proportion to its count', by: 'domain' },
};

/** Parse `a=2,b=1` into weights. Throws naming the bad part. */
export function parseRatio(text: string): Weights {
  const weights: Weights = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    if (eq <= 0) throw new Error(`--ratio takes class=weight pairs separated by commas, got "${part}"`);
    const key = part.slice(0, eq).trim();
    const w = Number(part.slice(eq + 1));
    if (!Number.isFinite(w) || w < 0) throw new Error(`--ratio: the weight of "${key}" must be a non-negative number, got "${part.slice(eq + 1)}"`);
    if (key in weights) throw new Error(`--ratio names "${key}" twice`);
    weights[key] = w;
  }
  checkWeights(weights, '--ratio');
  return weights;
}

/** Check that weights name at least one class with a positive weight and at most one catch-all. */
export function checkWeights(weights: Weights, source: string): void {
  const keys = Object.keys(weights);
  if (!keys.some((k) => weights[k]! > 0)) throw new Error(`${source}: at least one class needs a positive weight`);
  const catchAll = keys.filter((k) => CATCH_ALL_KEYS.includes(k));
  if (catchAll.length > 1) throw new Error(`${source}: at most one catch-all key (${CATCH_ALL_KEYS.join(', ')}), got ${catchAll.join(', ')}`);
}

/**
 * Weights for `B_score` from a JSON file: `{class: number}` or `{class: {mean | score | accuracy: number}}`
 * (each source's standalone score). Throws naming the file and the entry that is wrong.
 */
export function weightsFromScores(path: string): Weights {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`--weights-from ${path}: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`--weights-from ${path}: expected an object {class: score}`);
  }
  const weights: Weights = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const n = typeof v === 'number' ? v : pickScore(v);
    if (n === undefined || !Number.isFinite(n) || n < 0) {
      throw new Error(`--weights-from ${path}: "${k}" needs a non-negative number (or an object with mean, score or accuracy), got ${JSON.stringify(v)}`);
    }
    weights[k] = n;
  }
  checkWeights(weights, `--weights-from ${path}`);
  return weights;
}

function pickScore(v: unknown): number | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  for (const key of ['mean', 'score', 'accuracy']) if (typeof o[key] === 'number') return o[key] as number;
  return undefined;
}

/** The ratio key that takes class value `cls`: the key itself, else the catch-all, else undefined. */
export function keyFor(weights: Weights, cls: string): string | undefined {
  if (Object.hasOwn(weights, cls)) return cls;
  return Object.keys(weights).find((k) => CATCH_ALL_KEYS.includes(k));
}
