/**
 * One training task, the common ground of every trainer format: a record rendered with its
 * template (the prompt), the verifier and reference that score its responses, and the
 * `data_source` that routes it through the `mixed` preset (so a trainer's reward hook needs no
 * glue). Each export format is a different arrangement of these fields.
 */
import { recordKind, questionOf, type DatasetRecord } from '../core/records.js';
import { loadPreset, type Preset } from '../presets/preset.js';
import { loadTemplate, type RecordKind, type Template } from '../templates/template.js';
import { renderRecord } from '../templates/render.js';

/** A record made ready for a trainer. */
export interface TrainingTask {
  /** The rendered prompt (the user message). */
  prompt: string;
  verifier: string;
  /** The reference in the verifier's shape (as `rewards render` writes it). */
  reference: unknown;
  kind: string;
  /** Template name: the answer format the prompt asks for (`rewards score --format-gate`). */
  template: string;
  /** Answer format of the template (`boxed`, `answer-line`, `code-block`, `free`). */
  answerFormat: string;
  /** The route in the `mixed` preset that scores this task. */
  dataSource: string;
  /** The record's own data_source when it was replaced by a route name. */
  originalDataSource?: string;
  /** The record's domain, when it has one. */
  domain?: string;
  /** The record's id, as a string, when it has one. */
  id?: string;
  /** The question text before templating. */
  question?: string;
  /** The source record (task fields that formats copy: options, instruction ids, tests). */
  record: DatasetRecord;
}

/** The template each kind gets when `--template` does not name one for it. */
export const DEFAULT_TEMPLATES: Readonly<Record<RecordKind, string>> = { mcq: 'mcq', 'open-ended': 'open-ended', code: 'code', ifeval: 'ifeval' };

/** Templates by kind: the defaults, overridden by each named template for its own kind. */
export function templatesByKind(names: readonly string[] = []): Record<RecordKind, Template> {
  const chosen: Record<string, Template> = {};
  for (const [kind, name] of Object.entries(DEFAULT_TEMPLATES)) chosen[kind] = loadTemplate(name);
  const seen = new Set<string>();
  for (const name of names) {
    const t = loadTemplate(name);
    if (seen.has(t.kind)) throw new Error(`--template names two templates for ${t.kind} records`);
    seen.add(t.kind);
    chosen[t.kind] = t;
  }
  return chosen as Record<RecordKind, Template>;
}

let mixed: Preset | undefined;
/** The bundled `mixed` preset (the routes verl's compute_score and the clients use). */
export function mixedPreset(): Preset {
  mixed ??= loadPreset('mixed');
  return mixed;
}

const verifierRoutes = new WeakMap<Preset, Map<string, string | undefined>>();
/** The route named after `verifier`, else the first route scoring with it (looked up once per preset). */
function routeOfVerifier(preset: Preset, verifier: string): string | undefined {
  let byVerifier = verifierRoutes.get(preset);
  if (!byVerifier) verifierRoutes.set(preset, (byVerifier = new Map()));
  if (!byVerifier.has(verifier)) {
    const routes = preset.routes ?? {};
    byVerifier.set(verifier, Object.keys(routes).find((k) => k === verifier) ?? Object.keys(routes).find((k) => routes[k]!.verifier === verifier));
  }
  return byVerifier.get(verifier);
}

/**
 * The `data_source` for a task scored by `verifier`: the record's own when the `mixed` preset
 * routes it to that verifier (`openai/gsm8k` -> math), else the verifier's own route name.
 */
export function dataSourceFor(record: DatasetRecord, verifier: string, preset: Preset = mixedPreset()): { dataSource: string; original?: string } {
  const routes = preset.routes ?? {};
  const own = record.data_source;
  if (typeof own === 'string' && Object.hasOwn(routes, own) && routes[own]!.verifier === verifier) return { dataSource: own };
  const route = routeOfVerifier(preset, verifier);
  if (!route) throw new Error(`no route in preset ${preset.name} scores verifier "${verifier}"`);
  return typeof own === 'string' ? { dataSource: route, original: own } : { dataSource: route };
}

/** Build the task for `record`; throws with the problem when it cannot be rendered. */
export function taskOf(record: DatasetRecord, templates: Readonly<Record<RecordKind, Template>>): TrainingTask {
  const template = templates[recordKind(record)];
  const r = renderRecord(record, template);
  const { dataSource, original } = dataSourceFor(record, r.verifier);
  const task: TrainingTask = {
    prompt: r.prompt,
    verifier: r.verifier,
    reference: r.reference,
    kind: r.kind,
    template: template.name,
    answerFormat: template.format.answer,
    dataSource,
    record,
  };
  if (original !== undefined) task.originalDataSource = original;
  if (typeof record.domain === 'string') task.domain = record.domain;
  if (record.id !== undefined && record.id !== null) task.id = typeof record.id === 'string' ? record.id : JSON.stringify(record.id);
  const q = questionOf(record);
  if (q !== undefined) task.question = q;
  return task;
}

/**
 * The reference as one string column (parquet and Hugging Face datasets need one type per
 * column): the gold answer itself for open-ended (math) tasks, as verl's own math data has it;
 * the JSON text of the reference object otherwise (the clients and `rewards serve` decode a
 * string that parses as a JSON object).
 */
export function referenceString(task: TrainingTask): string {
  const ref = task.reference;
  if (typeof ref === 'string') return ref;
  if (typeof ref === 'number') return String(ref);
  return JSON.stringify(ref);
}

/**
 * The label object OpenRLHF and slime labels carry for mixed-domain batches (`rewards serve`
 * routes on it): verifier, data_source, reference, and the template for the format gate.
 */
export function labelObject(task: TrainingTask): { verifier: string; data_source: string; reference: unknown; format: string } {
  return { verifier: task.verifier, data_source: task.dataSource, reference: task.reference, format: task.template };
}
