/**
 * Accuracy summaries, as the reference's `print_report` prints them: prompt-level accuracy (all
 * instructions of a prompt followed) and instruction-level accuracy, per mode.
 */
import type { Verdict } from '../../core/verdict.js';
import type { IfevalMode } from './evaluate.js';

/** One mode's follow lists in a verdict's details. */
export interface FollowResult {
  follow_instruction_list: boolean[];
  follow_all_instructions: boolean;
}

/** `details` of an ifeval verdict. */
export interface IfevalDetails extends FollowResult {
  /** The mode that decided the score. */
  mode: IfevalMode;
  instruction_id_list: string[];
  /** Both modes' results, present when no mode was requested (the score then uses strict). */
  strict?: FollowResult;
  loose?: FollowResult;
}

/** Accuracy counts of one mode. */
export interface Accuracy {
  prompts: number;
  promptsFollowed: number;
  instructions: number;
  instructionsFollowed: number;
}

function isDetails(d: unknown): d is IfevalDetails {
  return !!d && typeof d === 'object' && Array.isArray((d as IfevalDetails).follow_instruction_list);
}

/** Running accuracy counts: add verdicts one at a time, read the counts or the summary lines. */
export interface AccuracySummary {
  add(v: Verdict): void;
  counts(): Partial<Record<IfevalMode, Accuracy>>;
  lines(): string[];
}

/** Start an empty {@link AccuracySummary} (what `rewards score` feeds; nothing is kept per verdict). */
export function createSummary(): AccuracySummary {
  const out: Partial<Record<IfevalMode, Accuracy>> = {};
  let skipped = 0;
  const addMode = (mode: IfevalMode, r: FollowResult): void => {
    const a = (out[mode] ??= { prompts: 0, promptsFollowed: 0, instructions: 0, instructionsFollowed: 0 });
    a.prompts += 1;
    let followed = 0;
    for (const f of r.follow_instruction_list) if (f) followed += 1;
    if (followed === r.follow_instruction_list.length) a.promptsFollowed += 1;
    a.instructions += r.follow_instruction_list.length;
    a.instructionsFollowed += followed;
  };
  return {
    add(v) {
      if (!isDetails(v.details)) {
        skipped += 1;
        return;
      }
      const d = v.details;
      if (d.strict || d.loose) {
        if (d.strict) addMode('strict', d.strict);
        if (d.loose) addMode('loose', d.loose);
      } else {
        addMode(d.mode, d);
      }
    },
    counts: () => out,
    lines() {
      const lines: string[] = [];
      for (const mode of ['strict', 'loose'] as const) {
        const a = out[mode];
        if (!a) continue;
        lines.push(`${mode} prompt-level: ${a.promptsFollowed / a.prompts} (${a.promptsFollowed}/${a.prompts})`);
        lines.push(`${mode} instruction-level: ${a.instructionsFollowed / a.instructions} (${a.instructionsFollowed}/${a.instructions})`);
      }
      if (skipped > 0) lines.push(`ifeval: ${skipped} sample(s) without a result (invalid input or errors) not counted`);
      return lines;
    },
  };
}

/** Per-mode accuracy counts over verdicts (verdicts without ifeval details are not counted). */
export function accuracies(verdicts: readonly Verdict[]): Partial<Record<IfevalMode, Accuracy>> {
  const acc = createSummary();
  for (const v of verdicts) acc.add(v);
  return acc.counts();
}

/**
 * The lines `rewards score --verifier ifeval` prints after a run: prompt-level and
 * instruction-level accuracy for strict and loose (or for the requested mode only).
 */
export function summarize(verdicts: readonly Verdict[]): string[] {
  const acc = createSummary();
  for (const v of verdicts) acc.add(v);
  return acc.lines();
}
