/**
 * Bench helper: the math verifier, reporting in `details.ms` how long `verifyMath` took inside
 * the worker thread, and in `details.fallback` this thread's running counters of the symbolic
 * fallback and which heavy libraries it has loaded (registered as `math-timed` by
 * bench/math.bench.ts).
 */
import type { Verifier } from '../src/core/verifier.js';
import { verifyMath, type MathOptions } from '../src/verifiers/math/index.js';
import { loadedLibraries } from '../src/verifiers/math/lazy.js';
import { symbolicStats } from '../src/verifiers/math/symbolic.js';

export const verifier: Verifier<string, MathOptions> = {
  name: 'math-timed',
  async verify(response, reference, opts) {
    const t = performance.now();
    const v = verifyMath(response, reference, opts);
    const ms = performance.now() - t;
    const s = symbolicStats();
    const asked = Object.values(s.asked).reduce((a, b) => a + b, 0);
    return { ...v, details: { ms, fallback: { asked, refused: s.refused, equal: s.equal, different: s.different, timedOut: s.timedOut, nerdamerMs: s.ms, ...loadedLibraries() } } };
  },
};
