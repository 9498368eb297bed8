/** Trainer-shaped batch functions of the code verifier, on the worker pool. */
import { rewardFunction, verdictsFunction } from '../../core/batch.js';
import type { CodeOptions, CodeReference } from './types.js';

/**
 * `codeReward(responses, references, opts?) => Promise<number[]>`: run each response's program
 * against its reference's tests in a sandbox; 1 when every test passes (or the share passed with
 * `reward: 'fraction'`). Samples run concurrently on the worker pool, one sample per worker.
 */
export const codeReward = rewardFunction<CodeReference, CodeOptions>('code');

/** Like {@link codeReward} but resolves with full verdicts (per-test statuses in `details.tests`). */
export const codeVerdicts = verdictsFunction<CodeReference, CodeOptions>('code');
