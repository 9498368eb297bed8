/**
 * The work budget of exact evaluation: one counter per scope (a verification, or one top-level
 * evaluation) that bigint operations, gcd rounds and the terms of sums and products draw on; an
 * operation that would overrun it is refused (`undefined`), as one over MAX_BITS is, and the
 * callers fall back to a cheap numeric comparison.
 */
import { bitLength } from './bigint.js';

/**
 * Work allowed to exact evaluation (and to the terms of numeric sums) in one scope: one
 * verification, or one top-level {@link exactValue}/`numValue` call made outside a verification.
 * The unit is roughly one 64-bit word operation of V8's bigint arithmetic (about 1-3 ns): an
 * addition of w-word numbers costs ~3w, a product wa*wb (+3(wa+wb)), a gcd its Euclid/Lehmer
 * steps times the words touched, each term of a sum or product 1000 (what a term's bookkeeping
 * costs in practice). 1.5 x 10^7 units is ~15-30 ms of CPU. The most an honest answer was seen
 * to use is a full 10,000-term exact sum (`\sum_{k=1}^{10000} k^2`: 10.4M); `\frac{1}{2004!}`
 * against `\frac{1}{2006!}` uses 2.3M, `\frac{3^{60000}}{3^{59998}}` 3.2M. 10^8 (~0.1-0.2 s)
 * left adversarial batches 12-14x slower than honest ones where a policy repeats such an answer;
 * this budget, 3.7-4.8x. The count is deterministic (sizes and term counts only), so a spent
 * budget gives the same verdict on every machine.
 */
export const WORK_BUDGET = 15_000_000;
/** Work charged per term of a sum or product (exact or numeric). */
export const TERM_WORK = 1_000;

/**
 * Matrix arithmetic's own share of a scope's budget. Honest matrix answers use little of it (a 3x3
 * to the 10th power: under 1,000 units); a tower of 12x12 matrix powers spent the whole budget
 * (40-50 ms) for an answer no comparison could use. Past it the scope is exhausted.
 */
export const MATRIX_BUDGET = 200_000;

interface Meter {
  budget: number;
  used: number;
  exhausted: boolean;
  /** Units spent on matrix arithmetic (within `used`). */
  matrix: number;
}

let meter: Meter | undefined;
let lastMeter: Meter = { budget: WORK_BUDGET, used: 0, exhausted: false, matrix: 0 };

/**
 * Run `fn` in a work scope of `budget` units. A scope opened inside another one shares the outer
 * budget (so the nested sums of one answer, and all the evaluations of one verification, draw on
 * one budget).
 */
export function withWork<T>(fn: () => T, budget: number = WORK_BUDGET): T {
  if (meter) return fn();
  const m: Meter = { budget, used: 0, exhausted: false, matrix: 0 };
  meter = m;
  try {
    return fn();
  } finally {
    meter = undefined;
    lastMeter = m;
  }
}

/** The work of the last finished outermost scope: units used, and whether the budget ran out. */
export function lastWork(): { used: number; budget: number; exhausted: boolean } {
  return { used: lastMeter.used, budget: lastMeter.budget, exhausted: lastMeter.exhausted };
}

/**
 * Charge `units` of work to the current scope: false (refuse the operation) when that would
 * exceed the budget, and from then on for every charge of the scope. Outside a scope, free.
 */
export function spendWork(units: number): boolean {
  if (!affordWork(units)) return false;
  if (meter) meter.used += units;
  return true;
}

/** {@link spendWork} for matrix arithmetic, which also draws on {@link MATRIX_BUDGET}. */
export function spendMatrixWork(units: number): boolean {
  const m = meter;
  if (m && m.matrix + units > MATRIX_BUDGET) {
    m.exhausted = true;
    return false;
  }
  if (!spendWork(units)) return false;
  if (m) m.matrix += units;
  return true;
}

/**
 * Whether the current scope could still spend `units` (nothing is charged): false when it could
 * not, and then the scope counts as exhausted (the operation that asked is refused). Outside a
 * scope, true.
 */
export function affordWork(units: number): boolean {
  const m = meter;
  if (!m) return true;
  if (m.exhausted) return false;
  if (m.used + units > m.budget) {
    m.exhausted = true;
    return false;
  }
  return true;
}

/** Units the current scope has used so far (0 outside a scope). */
export function workUsed(): number {
  return meter ? meter.used : 0;
}

/** 64-bit words of a bigint of `bits` bits (at least 1). */
export function words(bits: number): number {
  return (bits >> 6) + 1;
}

export function mulCost(a: bigint, b: bigint): number {
  return productCost(words(bitLength(a)), words(bitLength(b)));
}

/**
 * A product of wa- and wb-word numbers: schoolbook wa*wb for a short factor, Karatsuba-like
 * (wa/wb) * 5 wb^1.585 beyond 64 words (what V8 does; measured ~0.5 ms for 1 600 x 1 600 words).
 */
export function productCost(wa: number, wb: number): number {
  if (wa < wb) [wa, wb] = [wb, wa];
  const core = wb <= 64 ? wa * wb : Math.ceil((wa / wb) * 5 * wb ** 1.585);
  return core + 3 * (wa + wb);
}

