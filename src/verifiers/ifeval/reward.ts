/**
 * Batch reward functions for IFEval/IFBench, in the shape trainers call. They run on the shared
 * worker pool with the per-sample time limit; pass `{ mode: 'strict' | 'loose', reward: 'all' |
 * 'fraction' }` as options.
 */
import { rewardFunction, verdictsFunction } from '../../core/batch.js';
import type { IfevalReference } from './evaluate.js';
import type { IfevalOptions } from './index.js';

/** `ifevalReward(responses, references, opts?) => Promise<number[]>`: one score per response. */
export const ifevalReward = rewardFunction<IfevalReference, IfevalOptions>('ifeval');

/** `ifevalVerdicts(responses, references, opts?) => Promise<Verdict[]>`: full verdicts with `details.follow_instruction_list`. */
export const ifevalVerdicts = verdictsFunction<IfevalReference, IfevalOptions>('ifeval');
