/**
 * Rounding-error estimates for the double evaluation of a tree: when two sides disagree at a
 * sample point by less than the rounding error of the magnitudes involved (catastrophic
 * cancellation in `(x+10^8)^2 - 10^{16}`), the disagreement proves nothing and the comparison is
 * handed to the symbolic fallback. And the test for constants whose size leaves the double range
 * (`2^{100000}`, `e^{-1000}`), whose double values prove nothing either.
 */
import { type Node, freeVars, some } from './ast.js';
import { type NumEnv, isMatrix, numValue } from './evaluate.js';

/** Relative rounding error allowed per unit of magnitude (doubles carry ~1e-16; sums and powers compound it). */
const ROUNDING = 1e-11;

function abs(n: Node, env: NumEnv): number {
  const v = numValue(n, env);
  return isMatrix(v) ? NaN : Math.hypot(v.re, v.im);
}

/**
 * The largest magnitude a double evaluation of `n` goes through: sums add the magnitudes of their
 * terms (so `10^{16} - 10^{16}` has magnitude 2e16, not 0), products multiply them, powers raise
 * them. NaN for matrices.
 */
export function magnitude(n: Node, env: NumEnv): number {
  switch (n.k) {
    case 'add': return n.args.reduce((s, a) => s + magnitude(a, env), 0);
    case 'mul': return n.args.reduce((s, a) => s * magnitude(a, env), 1);
    case 'neg': case 'pct': case 'unit': case 'deg': return magnitude(n.arg, env);
    case 'div': return magnitude(n.num, env) / abs(n.den, env);
    case 'pow': {
      const e = numValue(n.exp, env);
      if (isMatrix(e) || e.im !== 0 || e.re <= 0) return abs(n, env);
      return Math.max(abs(n, env), magnitude(n.base, env) ** e.re);
    }
    case 'call': return Math.max(abs(n, env), ...n.args.map((a) => magnitude(a, env)));
    default: return abs(n, env);
  }
}

/** Whether two values that differ at a point may differ only by rounding (relative to the magnitudes `ma`, `mb`). */
export function withinRounding(diff: number, ma: number, mb: number): boolean {
  return Number.isFinite(ma) && Number.isFinite(mb) && diff <= ROUNDING * (ma + mb);
}

const NOVARS: NumEnv = { vars: new Map(), complex: true };

/**
 * Whether a constant tree has a power whose size is beyond doubles (above 2^1000 or below
 * 2^-1000 in magnitude): its double value is Infinity or 0 and decides nothing.
 */
export function beyondDoubles(n: Node): boolean {
  return some(n, (x) => {
    if (x.k !== 'pow' || freeVars(x).length > 0 || some(x, (y) => y.k === 'const' && y.name === 'inf')) return false;
    const b = numValue(x.base, NOVARS);
    const e = numValue(x.exp, NOVARS);
    if (isMatrix(b) || isMatrix(e)) return false;
    const m = Math.hypot(b.re, b.im);
    if (m === 0 || Number.isNaN(m)) return false;
    const size = Math.abs(e.re * Math.log2(m));
    return !Number.isNaN(size) && size > 1000;
  });
}
