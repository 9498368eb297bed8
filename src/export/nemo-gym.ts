/**
 * NeMo-Gym dataset rows: `responses_create_params` (the Responses API request: the prompt as the
 * user input) and the task fields of the resources server that verifies the domain, as their
 * servers read them:
 * - math (`math_with_judge`): `question`, `expected_answer`;
 * - mcqa: `options` (a list of one-key objects `{"A": text}`), `expected_answer` (the letter),
 *   `grading_mode` (`strict_single_letter_boxed` for a boxed-letter template, else
 *   `lenient_answer_colon` for an `Answer: X` line);
 * - instruction following: `verifier_metadata: {instruction_id_list, prompt, kwargs}`, and the same
 *   fields at the top level with an integer `id` (the form the older server version reads);
 * - code (`code_gen`, LiveCodeBench format): `verifier_metadata.unit_tests: {inputs, outputs, fn_name?}`.
 */
import { mcqGoldLetter, mcqOptions } from '../core/records.js';
import { referenceString, type TrainingTask } from './task.js';

/** One NeMo-Gym row (task fields vary by domain). */
export type NemoGymRow = {
  responses_create_params: { input: { role: 'user'; content: string }[] };
  agent_ref?: { type: 'responses_api_agents'; name: string };
} & Record<string, unknown>;

interface CodeReference {
  language?: string;
  entry_point?: string;
  tests?: { input?: unknown; output?: unknown; args?: unknown[]; expected?: unknown }[];
}

/** LiveCodeBench `unit_tests` from a code reference; throws when the reference has no such form. */
export function unitTests(ref: CodeReference): { inputs: string[]; outputs: string[]; fn_name?: string } {
  const tests = ref.tests;
  if (!Array.isArray(tests) || tests.length === 0) throw new Error('nemo-gym: code_gen needs reference.tests (stdin/stdout or call-based); test_code has no unit_tests form');
  if (ref.entry_point) {
    return {
      inputs: tests.map((t) => (t.args ?? []).map((a) => JSON.stringify(a)).join('\n')),
      outputs: tests.map((t) => JSON.stringify(t.expected)),
      fn_name: ref.entry_point,
    };
  }
  return { inputs: tests.map((t) => String(t.input ?? '')), outputs: tests.map((t) => String(t.output ?? '')) };
}

/** The NeMo-Gym row of a task (`index` is the integer id the instruction-following server takes). */
export function nemoGymRow(task: TrainingTask, index: number, agent?: string): NemoGymRow {
  const row: NemoGymRow = { responses_create_params: { input: [{ role: 'user', content: task.prompt }] } };
  if (agent) row.agent_ref = { type: 'responses_api_agents', name: agent };
  const r = task.record;
  if (task.verifier === 'mcq') {
    const opts = mcqOptions(r);
    const letter = mcqGoldLetter(r);
    if (!opts || !letter) throw new Error('nemo-gym: mcqa needs options and a gold letter');
    row.options = opts.letters.map((l, k) => ({ [l]: opts.texts[k]! }));
    row.expected_answer = letter;
    row.grading_mode = task.answerFormat === 'boxed' ? 'strict_single_letter_boxed' : 'lenient_answer_colon';
  } else if (task.verifier === 'ifeval') {
    const ref = task.reference as { prompt: unknown; instruction_id_list: unknown; kwargs: unknown };
    const meta = { instruction_id_list: ref.instruction_id_list, prompt: ref.prompt, kwargs: ref.kwargs ?? [] };
    row.verifier_metadata = meta;
    Object.assign(row, { id: index, ...meta });
  } else if (task.verifier === 'code') {
    const ref = task.reference as CodeReference;
    row.verifier_metadata = { unit_tests: unitTests(ref), ...(ref.language && { language: ref.language }) };
  } else {
    row.question = task.question ?? task.prompt;
    row.expected_answer = referenceString(task);
  }
  row.data_source = task.dataSource;
  if (task.id !== undefined) row.uuid = task.id;
  return row;
}
