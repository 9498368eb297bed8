/**
 * The math verifier's public API (re-exported from the package root).
 */
export { mathReward, mathVerdicts } from './reward.js';
export type { MathOptions } from './options.js';
export type { Answer as MathAnswer } from './answer.js';
export type { Node as MathNode } from './ast.js';
export type { Extraction as MathExtraction, ExtractionRule as MathExtractionRule, ExtractionPriority as MathExtractionPriority } from './extract.js';
export {
  verifyMath,
  extractAnswer as extractMathAnswer,
  DEFAULT_EXTRACTION as DEFAULT_MATH_EXTRACTION,
  STRICT_EXTRACTION as STRICT_MATH_EXTRACTION,
  readAnswer as readMathAnswer,
  parseMath as parseLatex,
  normalizeText as normalizeTextAnswer,
  mathEqual,
} from './index.js';
export { mathAnswerVerifiable } from '../../filters/math-answer-verifiable.js';
