import { rewardFunction, verdictsFunction } from '../../core/batch.js';
import type { McqOptions, McqReference } from './index.js';

/**
 * MCQ reward for a batch: 1 when the letter the response commits to is the gold letter, else 0.
 * Runs on the worker pool with a per-sample time limit (default 2 s).
 *
 * ```ts
 * const scores = await mcqReward(['... The answer is (C).'], ['C']); // [1]
 * ```
 */
export const mcqReward = rewardFunction<McqReference, McqOptions>('mcq');

/** Like {@link mcqReward}, resolving with full verdicts (`extracted` letter, `reason`). */
export const mcqVerdicts = verdictsFunction<McqReference, McqOptions>('mcq');
