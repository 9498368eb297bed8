/**
 * verifiable-rewards: verifiable reward functions for RL of language models.
 * Every verifier is one pipeline, `extract -> parse -> compare -> Verdict`.
 */
export type { Verdict } from './core/verdict.js';
export { Reasons, InputError, failVerdict, passVerdict, normalizeVerdict, verdictOutcome, ERROR_REASONS } from './core/verdict.js';
export type { VerdictOutcome } from './core/verdict.js';
export type { Verifier, CommonVerifyOptions } from './core/verifier.js';
export type { FormatSpec, AnswerFormat, FormatCheck } from './core/format.js';
export { checkFormat } from './core/format.js';
export {
  registerVerifier,
  getVerifierEntry,
  verifierNames,
  loadVerifier,
  type VerifierEntry,
  type VerifierModule,
} from './core/registry.js';
export { createPool, getPool, configurePool, closePool, type Pool, type PoolOptions } from './core/pool.js';
export { createBatchThread, type BatchThread, type BatchThreadOptions } from './core/batch-thread.js';
export { SetupError, isSetupError } from './core/setup-error.js';
export { untimed } from './core/untimed.js';
export {
  verifyBatch,
  verifyOne,
  rewardFunction,
  verdictsFunction,
  type Sample,
  type BatchOptions,
  type RewardFn,
  type VerdictsFn,
} from './core/batch.js';
export { openJsonl, readJsonlLines, createJsonlWriter, type JsonlLine, type JsonlSource, type JsonlWriter } from './core/jsonl.js';
export { recordKind, questionOf, mcqOptions, mcqGoldLetter, type DatasetRecord } from './core/records.js';
export * from './filters/index.js';
export { loadTemplate, parseTemplate, fillTemplate, templateNames, TEMPLATES_DIR, type Template, type RecordKind } from './templates/template.js';
export { renderRecord, formatOptions, type RenderedPrompt } from './templates/render.js';
export { mcqToOpenEnded, optionDependence, type ConversionResult } from './templates/convert.js';
export { resolveFormat } from './templates/format-of.js';
export { loadPreset, parsePreset, routeFor, PRESETS_DIR, type Preset, type PresetRoute } from './presets/preset.js';
export * from './verifiers/mcq/public.js';
export * from './verifiers/similarity/public.js';
export * from './verifiers/math/public.js';
export * from './verifiers/ifeval/public.js';
export * from './verifiers/code/public.js';
export { runBlend, type BlendOptions, type BlendSummary } from './blend/run.js';
export { runExport, EXPORT_FORMATS, type ExportFormat, type ExportOptions, type ExportSummary } from './export/run.js';
export * from './verifiers/patch/public.js';
export { groupStats, groupZScores, groupIndices, passAtK, meanStd, type GroupStats, type GroupValue } from './core/groups.js';
export { isTruncated, maskTruncated, softOverlongPenalty, shapeVerdict, type ShapingSpec, type OverlongSpec } from './core/shaping.js';
export { shapeBatch, gatedRewards, groupKeyOf, type GateCombine, type Shapeable } from './presets/combine.js';
