/**
 * Trainer-shaped batch functions of the `math` verifier. Samples run on the shared worker pool,
 * each under a hard time limit (default 5 s; `timeoutMs` to change it); a batch never rejects
 * because of one sample.
 */
import { rewardFunction, verdictsFunction } from '../../core/batch.js';
import type { MathOptions } from './options.js';

/**
 * `mathReward(responses, golds, opts?)`: one score (1 or 0) per response. `golds` are gold answers
 * as strings (`"\\frac{1}{2}"`, `"0.5"`, `"(1,2]"`, `"x=3"`, `"Paris"`), extracted like responses.
 *
 * @example
 * const scores = await mathReward(['... so the answer is $\\boxed{\\frac12}$.'], ['0.5']); // [1]
 */
export const mathReward = rewardFunction<string, MathOptions>('math');

/** Like {@link mathReward} but resolving with full verdicts (`extracted`, `reason`, `details`). */
export const mathVerdicts = verdictsFunction<string, MathOptions>('math');
