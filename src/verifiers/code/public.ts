/** What the package root exports for the code verifier. */
export { codeReward, codeVerdicts } from './reward.js';
export {
  verifyCode,
  extractCode,
  fencedBlocks,
  normalizeReference,
  compareOutput,
  jsonEqual,
  type Extraction,
  type FencedBlock,
  type CompareOptions,
} from './index.js';
export type { CodeOptions, CodeReference, CodeLanguage, CodeDetails, TestResult, TestStatus, OutputComparison, PythonPrelude } from './types.js';
export { PURE_MODULES } from './js/pure-modules.js';
export { JS_SANDBOX_NODE_FLAGS } from './js/flags.js';
