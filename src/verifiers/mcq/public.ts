/** What the package root exports for multiple-choice questions. */
export {
  verifier as mcqVerifier,
  verifyMcq,
  parseMcqReference,
  extractMcqLetter,
  answerRegion,
  foldText,
  normalizeLetters,
  DEFAULT_LETTERS,
  type McqReference,
  type McqReferenceObject,
  type McqOptions,
  type ParsedMcqReference,
  type McqExtraction,
  type McqExtractOptions,
  type McqNoLetterReason,
} from './index.js';
export { mcqReward, mcqVerdicts } from './reward.js';
