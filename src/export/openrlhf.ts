/**
 * OpenRLHF's prompt dataset row, for `--prompt_data FILE --input_key prompt --label_key label
 * --apply_chat_template`: the prompt as a string (OpenRLHF wraps a string in a user message), and
 * the label it passes to the remote reward server or the `reward_func` file as `labels[i]`. The
 * label is the JSON text of `{verifier, data_source, reference, format}`, the label object
 * `rewards serve` routes mixed-domain batches on (one string type per column, so Hugging Face
 * datasets loads every row).
 */
import { labelObject, type TrainingTask } from './task.js';

/** One OpenRLHF row. */
export interface OpenRlhfRow {
  prompt: string;
  label: string;
  data_source: string;
  id?: string;
}

/** The OpenRLHF row of a task. */
export function openRlhfRow(task: TrainingTask): OpenRlhfRow {
  const row: OpenRlhfRow = { prompt: task.prompt, label: JSON.stringify(labelObject(task)), data_source: task.dataSource };
  if (task.id !== undefined) row.id = task.id;
  return row;
}
