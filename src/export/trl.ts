/**
 * TRL's GRPO dataset row in the conversational form: `prompt` a list of messages, and the columns
 * TRL passes to each reward function as keyword arguments: `answer` (the reference column the
 * Python client's `reward_func(reference_column="answer")` reads), `verifier`, `data_source`,
 * `format`. `answer` is the gold answer for math, the JSON text of the reference otherwise.
 */
import { referenceString, type TrainingTask } from './task.js';

/** One TRL row. */
export interface TrlRow {
  prompt: { role: 'user'; content: string }[];
  answer: string;
  verifier: string;
  data_source: string;
  format: string;
  id?: string;
}

/** The TRL row of a task. */
export function trlRow(task: TrainingTask): TrlRow {
  const row: TrlRow = {
    prompt: [{ role: 'user', content: task.prompt }],
    answer: referenceString(task),
    verifier: task.verifier,
    data_source: task.dataSource,
    format: task.template,
  };
  if (task.id !== undefined) row.id = task.id;
  return row;
}
