/**
 * Options of the math verifier and their defaults.
 */
import type { FormatSpec } from '../../core/format.js';
import { InputError } from '../../core/verdict.js';
import type { Tolerance } from './compare-expr.js';
import { DEFAULT_EXTRACTION, STRICT_EXTRACTION, type ExtractionPriority, type ExtractionRule, resolvePriority } from './extract.js';

/** Options of `mathReward` / the `math` verifier (all optional). */
export interface MathOptions {
  /**
   * Extraction priorities for the response: rule names in order, an inner array being a group
   * whose rightmost match wins. Default `[['boxed','final-answer'],'answer-line','whole',['math-span','number']]`.
   * Math-Verify's `['latex']`, `['expr']`, `['latex','expr']` are accepted too. The gold always
   * uses the default.
   */
  extraction?: ReadonlyArray<ExtractionRule | 'latex' | 'expr' | ReadonlyArray<ExtractionRule>>;
  /** Relative tolerance for approximate values (e.g. `1e-4`); replaces the 6-significant-digit default. */
  tolerance?: number;
  /** Math-Verify's `float_rounding`: round both values to this many decimal places; replaces the default. */
  floatRounding?: number;
  /** Significant digits two approximate values must share (default 6). */
  significantDigits?: number;
  /** Variables must match by name (default true); when false they are matched by position. */
  strict?: boolean;
  /**
   * Whether a gold set may equal a predicted relation (`(-\infty, 3)` vs `x < 3`). Default true;
   * a gold relation always may equal a predicted set.
   */
  allowSetRelationComp?: boolean;
  /** Letters accepted by the `letter` extraction rule (default `ABCD`). */
  letters?: string;
  /** `strict`: only `\boxed{}`, `Final Answer` and `Answer:` count; `loose` (default): all rules. */
  mode?: 'strict' | 'loose';
  /** Format gate (handled by the core); when a FormatSpec, its answer form is extracted first. */
  format?: FormatSpec | string;
}

/** Options after validation and defaulting. */
export interface ResolvedMathOptions {
  priority: ExtractionPriority;
  tolerance: Tolerance;
  strict: boolean;
  allowSetRelation: boolean;
  letters: string;
}

const RULES = new Set(['boxed', 'final-answer', 'answer-line', 'whole', 'math-span', 'number', 'letter', 'latex', 'expr']);

function positive(v: unknown, name: string, integer = false): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
    throw new InputError(`options.${name} must be a ${integer ? 'non-negative integer' : 'non-negative number'}, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** The most decimal places or significant digits an option may ask for (doubles carry 17). */
export const MAX_PLACES = 1000;

/** Validate options (throws {@link InputError} naming the bad field) and apply defaults. */
export function resolveOptions(opts: MathOptions | undefined): ResolvedMathOptions {
  const o = opts ?? {};
  let priority: ExtractionPriority = DEFAULT_EXTRACTION;
  if (o.extraction !== undefined) {
    if (!Array.isArray(o.extraction) || o.extraction.length === 0 || !o.extraction.flat().every((r) => typeof r === 'string' && RULES.has(r))) {
      throw new InputError(`options.extraction must be a non-empty array of ${[...RULES].join(', ')} (or arrays of them)`);
    }
    priority = resolvePriority(o.extraction as ReadonlyArray<string | ReadonlyArray<string>>);
  } else if (o.mode === 'strict') {
    priority = STRICT_EXTRACTION;
  }
  if (o.mode !== undefined && o.mode !== 'strict' && o.mode !== 'loose') throw new InputError(`options.mode must be "strict" or "loose"`);
  const format = o.format;
  if (format && typeof format === 'object' && (format.answer === 'boxed' || format.answer === 'answer-line')) {
    const first: ExtractionRule = format.answer === 'boxed' ? 'boxed' : 'answer-line';
    priority = [first, ...priority];
  }
  const tol = positive(o.tolerance, 'tolerance');
  const rounding = positive(o.floatRounding, 'floatRounding', true);
  const digits = positive(o.significantDigits, 'significantDigits', true);
  // 10^places must stay an exact number the arithmetic accepts (30,103 places crashed the compare).
  if (rounding !== undefined && rounding > MAX_PLACES) throw new InputError(`options.floatRounding must be at most ${MAX_PLACES}`);
  if (digits !== undefined && digits > MAX_PLACES) throw new InputError(`options.significantDigits must be at most ${MAX_PLACES}`);
  const tolerance: Tolerance = rounding !== undefined ? { kind: 'round', places: rounding } : tol !== undefined ? { kind: 'rel', tol } : { kind: 'sig', digits: Math.max(1, digits ?? 6) };
  if (o.strict !== undefined && typeof o.strict !== 'boolean') throw new InputError('options.strict must be a boolean');
  if (o.allowSetRelationComp !== undefined && typeof o.allowSetRelationComp !== 'boolean') throw new InputError('options.allowSetRelationComp must be a boolean');
  if (o.letters !== undefined && (typeof o.letters !== 'string' || !/^[A-Za-z]+$/.test(o.letters))) throw new InputError('options.letters must be a string of letters');
  return {
    priority,
    tolerance,
    strict: o.strict ?? true,
    allowSetRelation: o.allowSetRelationComp ?? true,
    letters: o.letters ?? 'ABCD',
  };
}
