/**
 * verl's RL dataset row (its `examples/data_preprocess` scripts write the same):
 * `{data_source, prompt: [{role, content}], ability, reward_model: {style: "rule", ground_truth}, extra_info: {split, index, ...}}`.
 * verl's reward manager calls `compute_score(data_source, solution_str, ground_truth, extra_info)`;
 * `data_source` is a route of the `mixed` preset, so the Python client scores it without glue.
 */
import type { SchemaElement } from 'hyparquet-writer';
import { referenceString, type TrainingTask } from './task.js';

/** One verl row. */
export interface VerlRow {
  data_source: string;
  prompt: { role: string; content: string }[];
  ability: string;
  reward_model: { style: 'rule'; ground_truth: string };
  extra_info: VerlExtraInfo;
}

/** verl's `extra_info`: split and index as verl's examples have them, then what this library adds. */
export interface VerlExtraInfo {
  split: string;
  index: bigint;
  id: string | null;
  kind: string;
  domain: string | null;
  verifier: string;
  /** The template: the answer format the response must follow (`format` option of every verifier). */
  format: string;
  question: string | null;
  /** The record's own data_source when the row's is the route name. */
  original_data_source: string | null;
}

/** The verl row of a task. */
export function verlRow(task: TrainingTask, split: string, index: number): VerlRow {
  return {
    data_source: task.dataSource,
    prompt: [{ role: 'user', content: task.prompt }],
    ability: task.domain ?? task.verifier,
    reward_model: { style: 'rule', ground_truth: referenceString(task) },
    extra_info: {
      split,
      index: BigInt(index),
      id: task.id ?? null,
      kind: task.kind,
      domain: task.domain ?? null,
      verifier: task.verifier,
      format: task.template,
      question: task.question ?? null,
      original_data_source: task.originalDataSource ?? null,
    },
  };
}

const str = (name: string, repetition: 'REQUIRED' | 'OPTIONAL' = 'OPTIONAL'): SchemaElement => ({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: repetition });
const EXTRA_STRINGS: (keyof VerlExtraInfo)[] = ['id', 'kind', 'domain', 'verifier', 'format', 'question', 'original_data_source'];

/**
 * The parquet schema of verl rows: `prompt` a LIST of structs {role, content} (three-level list,
 * as Arrow and pyarrow write it), `reward_model` and `extra_info` structs.
 */
export const VERL_SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 5 },
  str('data_source', 'REQUIRED'),
  { name: 'prompt', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
  str('role'),
  str('content'),
  str('ability'),
  { name: 'reward_model', repetition_type: 'OPTIONAL', num_children: 2 },
  str('style'),
  str('ground_truth'),
  { name: 'extra_info', repetition_type: 'OPTIONAL', num_children: 2 + EXTRA_STRINGS.length },
  str('split'),
  { name: 'index', type: 'INT64', repetition_type: 'OPTIONAL' },
  ...EXTRA_STRINGS.map((k) => str(k)),
];

/** Column data for a batch of verl rows, in {@link VERL_SCHEMA}'s order. */
export function verlColumns(rows: readonly VerlRow[]): { name: string; data: unknown[] }[] {
  return [
    { name: 'data_source', data: rows.map((r) => r.data_source) },
    { name: 'prompt', data: rows.map((r) => r.prompt) },
    { name: 'ability', data: rows.map((r) => r.ability) },
    { name: 'reward_model', data: rows.map((r) => r.reward_model) },
    { name: 'extra_info', data: rows.map((r) => r.extra_info) },
  ];
}
