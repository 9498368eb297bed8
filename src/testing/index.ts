/**
 * Property-testing helpers for users of verifiable-rewards: fast-check arbitraries that
 * generate responses and answers with known verdicts (import from `verifiable-rewards/testing`).
 */
export * from './mcq.js';
export * from './similarity.js';
export * from './math.js';
export * from './ifeval.js';
export * from './code.js';
