/**
 * Batch-level reward combinators of presets, and `shapeBatch`, which applies a preset's shaping
 * and combinator to a batch of verdicts with their records.
 *
 * The RM-gated instruction-following reward (Nemotron-Cascade IF-RL, thinking models):
 * `r_i = R_IF(o_i) + sigmoid(z(R_RM(o_i)))` when `R_IF(o_i) = 1`, else `0`, where
 * `z(x_i) = (x_i - mean_g) / (std_g + eps)` over the unmasked samples of o_i's GRPO group g
 * (sample std, n - 1), and `R_RM` is an external reward model's score read from the record.
 * Range: 0, or (1, 2).
 */
import { groupZScores } from '../core/groups.js';
import { shapeVerdict, type ShapingSpec } from '../core/shaping.js';
import type { Verdict } from '../core/verdict.js';
import type { PresetRoute } from './preset.js';

/** The gate combinator (`"combine": {"gate": ...}` in a preset). */
export interface GateCombine {
  /** The verifier whose full pass (`score = 1`) opens the gate. */
  gate: PresetRoute;
  /** Record field with the reward model's score (default `rm_score`). */
  rm_field?: string;
  /** Record field with the GRPO group key (default: the first of `group`, `uid`, `prompt_id` present). */
  group_field?: string;
  /** Added to the group std before dividing (default 1e-6). */
  eps?: number;
}

/** What `shapeBatch` needs of a preset. */
export interface Shapeable {
  name: string;
  shaping?: ShapingSpec;
  combine?: GateCombine;
}

const GROUP_FIELDS = ['group', 'uid', 'prompt_id'];

/** A record's group key: the named field, else the first of `group`, `uid`, `prompt_id` it has. */
export function groupKeyOf(record: Record<string, unknown>, field?: string): unknown {
  if (field !== undefined) return record[field];
  for (const f of GROUP_FIELDS) if (record[f] !== undefined) return record[f];
  return undefined;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Apply the gate combinator to a batch: sets `reward` on every unmasked verdict. Throws when no
 * record carries a numeric RM score or a group key (a set-up error); a single record without an
 * RM score whose gate passed gets `invalid-input` (reward 0).
 */
export function gatedRewards(verdicts: readonly Verdict[], records: readonly Record<string, unknown>[], spec: GateCombine): Verdict[] {
  if (verdicts.length !== records.length) throw new Error(`gatedRewards: ${verdicts.length} verdicts but ${records.length} records`);
  const rmField = spec.rm_field ?? 'rm_score';
  const rm = records.map((r) => (typeof r[rmField] === 'number' ? (r[rmField] as number) : NaN));
  if (records.length && !rm.some(Number.isFinite)) throw new Error(`gate combinator: no record has a numeric "${rmField}" field (set combine.rm_field)`);
  const groups = records.map((r) => groupKeyOf(r, spec.group_field));
  if (records.length && groups.every((g) => g === undefined)) {
    throw new Error(`gate combinator: no record has a group key (${spec.group_field ?? GROUP_FIELDS.join(', ')}); set combine.group_field`);
  }
  // A record without a key is a group of its own (z = 0).
  const keys = groups.map((g, i) => (g === undefined ? `\u0000row${i}` : `k:${String(g)}`));
  const z = groupZScores(rm, keys, verdicts.map((v) => v.mask === true), spec.eps ?? 1e-6);
  return verdicts.map((v, i) => {
    if (v.mask === true) return v;
    const open = v.pass && v.score === 1;
    if (!open) return { ...v, reward: 0 };
    if (!Number.isFinite(rm[i])) {
      return { ...v, score: 0, pass: false, reason: 'invalid-input', error: `gate combinator: "${rmField}" must be a number`, reward: 0 };
    }
    return { ...v, reward: 1 + sigmoid(z[i]!) };
  });
}

/**
 * A preset's shaping and combinator over a batch (verdicts and their records, same order):
 * overlong masking or soft punishment, per-reason rewards and weight, then the gate combinator.
 * Returns new verdicts with `reward` set; inputs are not changed. Throws on set-up errors (the
 * soft overlong length field on no record, no RM score, no group key).
 */
export function shapeBatch(preset: Shapeable, records: readonly Record<string, unknown>[], verdicts: readonly Verdict[]): Verdict[] {
  if (verdicts.length !== records.length) throw new Error(`shapeBatch: ${verdicts.length} verdicts but ${records.length} records`);
  const overlong = preset.shaping?.overlong;
  if (overlong?.mode === 'soft' && records.length) {
    const field = overlong.length_field ?? 'response_length';
    if (!records.some((r) => typeof r[field] === 'number')) {
      throw new Error(`preset ${preset.name}: soft overlong punishment reads "${field}", which no record has (set shaping.overlong.length_field)`);
    }
  }
  const shaped = verdicts.map((v, i) => shapeVerdict(v, records[i]!, preset.shaping ?? {}));
  return preset.combine ? gatedRewards(shaped, records, preset.combine) : shaped;
}
