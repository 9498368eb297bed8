/**
 * The ifeval pipeline for one sample: parse the reference (an IFEval/IFBench record), build every
 * instruction's checker from its kwargs, and run them on the response, strict and/or loose.
 */
import { InputError } from '../../core/verdict.js';
import type { Check } from './instruction.js';
import { buildCheck } from './kwargs.js';
import { looseVariants } from './loose.js';
import { getInstruction } from './registry.js';
import { FeatureCache } from './text/features.js';
import { pyStrip } from './text/pystr.js';

/** The reference record: an IFEval / IFBench input line. */
export interface IfevalReference {
  /** The prompt (not read by any checker; optional). */
  prompt?: string;
  /** Instruction ids, e.g. `["punctuation:no_comma", "keywords:frequency"]`. */
  instruction_id_list: string[];
  /** One kwargs object per instruction (null-valued entries are ignored). */
  kwargs: Record<string, unknown>[];
  /** Any other fields (key, ...) are ignored. */
  [extra: string]: unknown;
}

/** Strict or loose evaluation. */
export type IfevalMode = 'strict' | 'loose';

/** A parsed reference: ids and ready checkers. */
export interface ParsedReference {
  ids: string[];
  checks: Check[];
}

/** Validate the reference shape and every instruction's kwargs; throws {@link InputError}. */
export function parseReference(reference: unknown): ParsedReference {
  if (reference === null || typeof reference !== 'object' || Array.isArray(reference)) {
    throw new InputError('reference must be an IFEval record {"prompt", "instruction_id_list", "kwargs"}');
  }
  const r = reference as Record<string, unknown>;
  if (r.prompt !== undefined && typeof r.prompt !== 'string') throw new InputError('reference.prompt must be a string');
  const ids = r.instruction_id_list;
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) {
    throw new InputError('reference.instruction_id_list must be an array of instruction id strings');
  }
  const kwargs = r.kwargs ?? ids.map(() => ({}));
  if (!Array.isArray(kwargs) || kwargs.length !== ids.length) {
    throw new InputError(`reference.kwargs must be an array with one object per instruction (${ids.length})`);
  }
  if (ids.length > MAX_INSTRUCTIONS) {
    throw new InputError(`reference.instruction_id_list has ${ids.length} instructions; at most ${MAX_INSTRUCTIONS} are evaluated (IFEval and IFBench records have under 10)`);
  }
  // An instruction repeated with the same kwargs is one check, run once (each copy re-ran it).
  const built = new Map<string, Check>();
  const checks = ids.map((id, i) => {
    const spec = getInstruction(id);
    if (!spec) throw new InputError(`reference.instruction_id_list[${i}]: unknown instruction id "${id}"`);
    const key = `${id}\u0000${JSON.stringify(kwargs[i]) ?? ''}`;
    let check = built.get(key);
    if (!check) built.set(key, (check = buildCheck(spec, kwargs[i], `instruction ${i} (${id})`)));
    return check;
  });
  return { ids, checks };
}

/**
 * The most instructions one reference may list (a bigger list is a broken record, refused as
 * input). IFEval's records list at most 3, IFBench's 2; a list of all 83 ids took 2.9 s on a
 * 50,000-character adversarial response, so the cap keeps one sample under a second.
 */
export const MAX_INSTRUCTIONS = 20;

/** `checks.map(run)`, running a check that appears several times once. */
function once<T>(checks: readonly Check[], run: (check: Check) => T): T[] {
  const seen = new Map<Check, T>();
  return checks.map((check) => {
    if (seen.has(check)) return seen.get(check)!;
    const r = run(check);
    seen.set(check, r);
    return r;
  });
}

/** `follow_instruction_list` under strict rules: a blank response follows nothing. */
export function evaluateStrict(response: string, checks: readonly Check[], cache = new FeatureCache()): boolean[] {
  if (pyStrip(response) === '') return checks.map(() => false);
  const f = cache.of(response);
  return once(checks, (check) => check(f));
}

/**
 * `follow_instruction_list` under loose rules (any non-blank variant passes). The variants are
 * tried in the reference's order and built only when the response itself fails an instruction;
 * `strict`, when given, is the strict result of the same checks (variant 0 is the response).
 */
export function evaluateLoose(response: string, checks: readonly Check[], cache = new FeatureCache(), strict?: readonly boolean[]): boolean[] {
  const first = pyStrip(response) !== '';
  let rest: string[] | undefined;
  const at = new Map(checks.map((check, i) => [check, i] as const)); // a repeated check's strict result (same for every copy)
  return once(checks, (check) => {
    if (strict ? strict[at.get(check)!] : first && check(cache.of(response))) return true;
    rest ??= looseVariants(response)
      .slice(1)
      .filter((v) => pyStrip(v) !== '');
    return rest.some((v) => check(cache.of(v)));
  });
}

/** Evaluate under one mode. */
export function evaluate(response: string, checks: readonly Check[], mode: IfevalMode, cache = new FeatureCache()): boolean[] {
  return mode === 'loose' ? evaluateLoose(response, checks, cache) : evaluateStrict(response, checks, cache);
}
