/**
 * The shape of one instruction checker, and small helpers the instruction files share.
 *
 * Every instruction id maps to an {@link InstructionSpec}: a JSON schema for its kwargs (validated
 * with ajv before anything runs) and `build`, which turns valid kwargs into a {@link Check}.
 * Where the reference would draw a random value for a missing or out-of-range kwarg, the schema
 * requires it instead: a reward must not be random.
 */
import { InputError } from '../../core/verdict.js';
import type { TextFeatures } from './text/features.js';
import { PyRegexError, pyCompile, type PyFlags, type PyRegex } from './text/pyregex.js';

/** Decides whether one text follows the instruction. */
export type Check = (text: TextFeatures) => boolean;

/** A JSON schema (the subset we write). */
export type Schema = Record<string, unknown>;

/** Which benchmark defines the instruction. */
export type Suite = 'ifeval' | 'ifbench';

/** One instruction id: its kwargs schema and its checker factory. */
export interface InstructionSpec {
  /** The instruction id, e.g. `keywords:frequency`. */
  id: string;
  /** IFEval (google-research) or IFBench (allenai) */
  suite: Suite;
  /** JSON schema properties of the kwargs, by name. */
  properties: Record<string, Schema>;
  /** Kwargs that must be present. */
  required: string[];
  /** Whether unknown kwargs are accepted (the reference's `**kwargs` instructions). */
  open?: boolean;
  /**
   * Build the checker from validated kwargs. May throw {@link InputError} (via {@link kwargError})
   * for problems a schema cannot state (cross-field constraints, invalid regex patterns).
   */
  build(kwargs: Record<string, unknown>): Check;
}

/** Define an instruction (identity, for type inference). */
export function defineInstruction(spec: InstructionSpec): InstructionSpec {
  return spec;
}

/** Schema: a non-negative integer (the reference draws a random value for negatives). */
export const nonNegativeInt: Schema = { type: 'integer', minimum: 0 };
/** Schema: a positive integer. */
export const positiveInt: Schema = { type: 'integer', minimum: 1 };
/** Schema: a non-negative number. */
export const nonNegativeNumber: Schema = { type: 'number', minimum: 0 };
/** Schema: any string. */
export const string: Schema = { type: 'string' };
/** Schema: a non-empty string (the reference replaces falsy strings by random ones, or raises). */
export const nonEmptyString: Schema = { type: 'string', minLength: 1 };
/** The comparison relations of IFEval. */
export const RELATIONS = ['less than', 'at least'] as const;
/** Schema: a comparison relation. */
export const relation: Schema = { enum: [...RELATIONS] };

/** Compare a count with a threshold under an IFEval relation. */
export function compare(count: number, rel: unknown, threshold: number): boolean {
  return rel === 'less than' ? count < threshold : count >= threshold;
}

/** An {@link InputError} about one kwarg (the caller adds the instruction position and id). */
export function kwargError(field: string, message: string): InputError {
  return new InputError(`kwargs.${field} ${message}`);
}

/**
 * Compile a pattern built from user data as a Python regex; an invalid pattern is a bad kwarg
 * (the reference would raise `re.error` and stop the whole run).
 */
export function userRegex(field: string, pattern: string, flags: PyFlags = {}): PyRegex {
  const risky = backtrackRisk(pattern);
  if (risky) throw kwargError(field, `is a regular expression that can backtrack exponentially (${risky}); IFEval's keywords are words`);
  try {
    return pyCompile(pattern, flags);
  } catch (err) {
    if (err instanceof PyRegexError) throw kwargError(field, `is not a usable Python regular expression (${err.message})`);
    throw err;
  }
}

/**
 * Why a reference's pattern could backtrack exponentially, or undefined: a repeated group that
 * holds a repetition or an alternation (`(a+)+`, `(a|aa)*`, `(\w+\s?)*`). The reference's
 * keywords and markers are raw regex text, so a hostile record could make one sample take
 * seconds per character (`(a+)+$` on 27 a's and a '!': 1.9 s, doubling per a).
 */
export function backtrackRisk(pattern: string): string | undefined {
  const groups: { start: number; inner: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      // a class: skip to its closing bracket (a ']' first in the class is literal)
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (ch === '(') groups.push({ start: i, inner: false });
    else if ((ch === '*' || ch === '+' || ch === '{' || ch === '|') && groups.length) groups[groups.length - 1]!.inner = true;
    else if (ch === ')') {
      const g = groups.pop();
      const next = pattern[i + 1];
      const repeated = next === '*' || next === '+' || (next === '{' && /^\{\d*,?\d*\}/.test(pattern.slice(i + 1)));
      if (g?.inner && repeated) return `the group at ${g.start} repeats a repetition or an alternation`;
      if (g?.inner && groups.length) groups[groups.length - 1]!.inner = true;
    }
  }
  return undefined;
}
