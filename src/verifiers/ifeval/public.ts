/** What the package root exports for the ifeval verifier. */
export { ifevalReward, ifevalVerdicts } from './reward.js';
export {
  verifyIfeval,
  summarize as summarizeIfeval,
  accuracies as ifevalAccuracies,
  parseReference as parseIfevalReference,
  evaluateStrict as evaluateIfevalStrict,
  evaluateLoose as evaluateIfevalLoose,
  looseVariants as ifevalLooseVariants,
  instructionIds as ifevalInstructionIds,
  getInstruction as getIfevalInstruction,
  NOT_FOLLOWED,
  type IfevalOptions,
  type IfevalReference,
  type IfevalMode,
  type IfevalDetails,
  type InstructionSpec as IfevalInstructionSpec,
} from './index.js';
