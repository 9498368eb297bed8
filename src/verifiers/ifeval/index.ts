/**
 * The `ifeval` verifier: IFEval's 25 and IFBench's 58 instructions, strict and loose, in agreement
 * with the reference checkers (google-research instruction_following_eval, allenai IFBench).
 *
 * Pipeline: parse the reference record and build each instruction's checker from its kwargs
 * (schema-validated) -> run the checkers on the response (strict) or on its 8 loose variants ->
 * `details.follow_instruction_list` and a reward: 1 when every instruction is followed (`all`, the
 * default) or the fraction followed (`fraction`).
 */
import { InputError, type Verdict } from '../../core/verdict.js';
import type { Verifier } from '../../core/verifier.js';
import { evaluate, evaluateLoose, evaluateStrict, parseReference, type IfevalMode, type IfevalReference } from './evaluate.js';
import type { FollowResult, IfevalDetails } from './report.js';
import { FeatureCache } from './text/features.js';

export { evaluate, evaluateLoose, evaluateStrict, parseReference, type IfevalMode, type IfevalReference, type ParsedReference } from './evaluate.js';
export { looseVariants } from './loose.js';
export { getInstruction, instructionIds, IFEVAL_INSTRUCTIONS, IFBENCH_INSTRUCTIONS } from './registry.js';
export { summarize, createSummary, accuracies, type Accuracy, type FollowResult, type IfevalDetails } from './report.js';
export type { Check, InstructionSpec } from './instruction.js';
export { DEFAULT_MAX_RESPONSE_CHARS, RESPONSE_TOO_LONG } from './limits.js';
import { RESPONSE_TOO_LONG, responseCap } from './limits.js';

/** Options of the ifeval verifier. */
export interface IfevalOptions {
  /**
   * `strict` or `loose` (the CLI's `--mode`). When absent the score uses strict and the verdict
   * also carries loose results (for the four-accuracy summary); pass a mode to compute one only.
   */
  mode?: IfevalMode;
  /** `all` (default): 1 only when every instruction is followed. `fraction`: the share followed. */
  reward?: 'all' | 'fraction';
  /**
   * Longest response evaluated, in UTF-16 code units (default 50,000). A longer one scores 0 with
   * reason `response-too-long` and is not evaluated (see limits.ts).
   */
  maxResponseChars?: number;
}

/** Reason code of a verdict where some instruction was not followed. */
export const NOT_FOLLOWED = 'not-followed';

function result(list: boolean[]): FollowResult {
  return { follow_instruction_list: list, follow_all_instructions: list.every(Boolean) };
}

function checkOptions(opts: IfevalOptions | undefined): { mode: IfevalMode | undefined; reward: 'all' | 'fraction'; cap: number } {
  const mode = opts?.mode;
  if (mode !== undefined && mode !== 'strict' && mode !== 'loose') {
    throw new InputError(`options.mode must be "strict" or "loose", got ${JSON.stringify(mode)}`);
  }
  const reward = opts?.reward ?? 'all';
  if (reward !== 'all' && reward !== 'fraction') {
    throw new InputError(`options.reward must be "all" or "fraction", got ${JSON.stringify(reward)}`);
  }
  let cap: number;
  try {
    cap = responseCap(opts?.maxResponseChars);
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  return { mode, reward, cap };
}

/** Score one response against one IFEval/IFBench record (synchronous core of the verifier). */
export function verifyIfeval(response: string, reference: unknown, opts?: IfevalOptions): Verdict {
  const { mode, reward, cap } = checkOptions(opts);
  const { ids, checks } = parseReference(reference);
  if (response.length > cap) {
    return {
      score: 0,
      pass: false,
      reason: RESPONSE_TOO_LONG,
      error: `response of ${response.length} chars is over the ${cap} evaluated (options.maxResponseChars)`,
    };
  }
  const cache = new FeatureCache();
  let details: IfevalDetails;
  if (mode === 'strict') {
    details = { mode, instruction_id_list: ids, ...result(evaluate(response, checks, mode, cache)) };
  } else if (mode === 'loose') {
    // Loose tries the response itself first, so its strict results come free: keep both for the report.
    const strictList = evaluateStrict(response, checks, cache);
    const strict = result(strictList);
    const loose = result(evaluateLoose(response, checks, cache, strictList));
    details = { mode, instruction_id_list: ids, ...loose, strict, loose };
  } else {
    const strictList = evaluateStrict(response, checks, cache);
    const strict = result(strictList);
    const loose = result(evaluateLoose(response, checks, cache, strictList));
    details = { mode: 'strict', instruction_id_list: ids, ...strict, strict, loose };
  }
  const list = details.follow_instruction_list;
  const followed = list.filter(Boolean).length;
  const pass = details.follow_all_instructions;
  const score = reward === 'fraction' ? (list.length === 0 ? 1 : followed / list.length) : pass ? 1 : 0;
  const verdict: Verdict = { score, pass, details };
  if (!pass) verdict.reason = NOT_FOLLOWED;
  return verdict;
}

/** The ifeval verifier (registry name `ifeval`). */
export const verifier: Verifier<IfevalReference, IfevalOptions> = {
  name: 'ifeval',
  defaultTimeoutMs: 10_000,
  async verify(response, reference, opts) {
    return verifyIfeval(response, reference, opts);
  },
};

