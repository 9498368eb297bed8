/**
 * verifiable-rewards: verifiable reward functions for RL of language models.
 * Every verifier is one pipeline, `extract -> parse -> compare -> Verdict`.
 */
export type { Verdict } from './core/verdict.js';
export { Reasons, InputError, failVerdict, passVerdict, normalizeVerdict } from './core/verdict.js';
export type { Verifier, CommonVerifyOptions } from './core/verifier.js';
export type { FormatSpec, AnswerFormat, FormatCheck } from './core/format.js';
export { checkFormat } from './core/format.js';
export { registerVerifier, getVerifierEntry, verifierNames, loadVerifier, type VerifierEntry } from './core/registry.js';
export { createPool, getPool, configurePool, closePool, type Pool, type PoolOptions } from './core/pool.js';
export { verifyBatch, rewardFunction, verdictsFunction, type Sample, type BatchOptions, type RewardFn, type VerdictsFn } from './core/batch.js';
export * from './verifiers/ifeval/public.js';
