/**
 * verl's RL dataset row (its `examples/data_preprocess` scripts write the same):
 * `{data_source, prompt: [{role, content}], ability, reward_model: {style: "rule", ground_truth}, extra_info: {split, index, ...}}`.
 * verl's reward manager calls `compute_score(data_source, solution_str, ground_truth, extra_info)`;
 * `data_source` is a route of the `mixed` preset, so the Python client scores it without glue.
 * The columns and schema are in verl-columns.ts.
 */
import { referenceString, type TrainingTask } from './task.js';
import type { VerlBatch } from './verl-columns.js';

/** Append the verl row of `task` to `batch`; returns the batch's row count. */
export function pushVerlRow(batch: VerlBatch, task: TrainingTask): number {
  batch.data_source.push(task.dataSource);
  batch.content.push(task.prompt);
  batch.ability.push(task.domain ?? task.verifier);
  batch.ground_truth.push(referenceString(task));
  batch.id.push(task.id ?? null);
  batch.kind.push(task.kind);
  batch.domain.push(task.domain ?? null);
  batch.verifier.push(task.verifier);
  batch.format.push(task.template);
  batch.question.push(task.question ?? null);
  batch.original_data_source.push(task.originalDataSource ?? null);
  return batch.content.length;
}
