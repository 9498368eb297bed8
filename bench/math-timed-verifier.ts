/**
 * Bench helper: the math verifier, reporting in `details.ms` how long `verifyMath` took inside
 * the worker thread (registered as `math-timed` by bench/math.bench.ts).
 */
import type { Verifier } from '../src/core/verifier.js';
import { verifyMath, type MathOptions } from '../src/verifiers/math/index.js';

export const verifier: Verifier<string, MathOptions> = {
  name: 'math-timed',
  async verify(response, reference, opts) {
    const t = performance.now();
    const v = verifyMath(response, reference, opts);
    return { ...v, details: { ms: performance.now() - t } };
  },
};
