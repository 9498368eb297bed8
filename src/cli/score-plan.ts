/**
 * `rewards score`, step one: turn an input line into a job for a verifier (its route, options and
 * weight) or into an error line that names the line and what is wrong with it.
 */
import type { JsonlLine } from '../core/jsonl.js';
import { getVerifierEntry, verifierNames } from '../core/registry.js';
import { routeFor, type Preset, type PresetRoute } from '../presets/preset.js';
import type { GroupCollector, GroupTag } from './groups.js';

/** Options of the score command. */
export interface ScoreCommandOptions {
  /** Verifier for every line (else the preset's routes, else each line's `verifier` field). */
  verifier?: string;
  preset?: Preset;
  /** `strict` or `loose`, passed to the verifier as `mode`. */
  mode?: string;
  /** A template name whose format every response must follow (the format gate). */
  format?: string;
  /** Apply each line's own `format` field (as `rewards render` writes it) as the format gate. */
  formatGate?: boolean;
  /** Extra verifier options (from `--option key=value`). */
  options?: Record<string, unknown>;
  out?: string;
  timeoutMs?: number;
  threads?: number;
  window?: number;
  quiet?: boolean;
  /** Continue after the lines already in `out` (an interrupted run). */
  resume?: boolean;
  /** `--group-by`: collects each line's group key and verdict (see groups.ts). */
  groups?: GroupCollector;
}

/** One line to verify. */
export interface Job {
  line: number;
  id: unknown;
  hasId: boolean;
  verifier: string;
  route: string;
  weight: number;
  response: unknown;
  reference: unknown;
  options: Record<string, unknown>;
  /** `--group-by`: the line's group tag. */
  groupTag?: GroupTag;
  /** The line's record, kept only while it is pending and only when the preset shapes rewards. */
  record?: Record<string, unknown>;
}

/** A planned line: a job, or an error line. */
export type Planned = { job: Job } | { error: string; line: number; id?: unknown };

/** Plan one input line (see the module comment). */
export function plan(l: JsonlLine, o: ScoreCommandOptions): Planned {
  if (l.error !== undefined) return { error: `line ${l.line}: ${l.error}`, line: l.line };
  const v = l.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { error: `line ${l.line}: a line must be a JSON object`, line: l.line };
  const rec = v as Record<string, unknown>;
  const base = { line: l.line, ...('id' in rec && { id: rec.id }) };
  for (const field of ['response', 'reference']) {
    if (!(field in rec)) return { ...base, error: `line ${l.line}: missing field "${field}"` };
  }
  let route: PresetRoute;
  let routeName: string;
  if (o.verifier) {
    route = { verifier: o.verifier };
    routeName = o.verifier;
  } else if (o.preset) {
    const r = routeFor(o.preset, rec);
    if ('error' in r) return { ...base, error: `line ${l.line}: ${r.error}` };
    route = r.route;
    routeName = r.name;
  } else if (typeof rec.verifier === 'string') {
    route = { verifier: rec.verifier };
    routeName = rec.verifier;
  } else {
    return { ...base, error: `line ${l.line}: no verifier: pass --verifier or --preset, or give the line a "verifier" field` };
  }
  if (!getVerifierEntry(route.verifier)) {
    return { ...base, error: `line ${l.line}: unknown verifier "${route.verifier}" (known: ${verifierNames().join(', ')})` };
  }
  const own = rec.options;
  if (own !== undefined && (own === null || typeof own !== 'object' || Array.isArray(own))) {
    return { ...base, error: `line ${l.line}: "options" must be an object` };
  }
  const options: Record<string, unknown> = { ...route.options, ...o.options };
  if (o.mode) options.mode = o.mode;
  if (o.format) options.format = o.format;
  else if (o.formatGate && typeof rec.format === 'string') options.format = rec.format;
  Object.assign(options, own);
  // A precomputed response embedding travels with the sample (similarity verifier).
  if (rec.response_embedding !== undefined) options.response_embedding = rec.response_embedding;
  return {
    job: {
      line: l.line,
      id: rec.id,
      hasId: 'id' in rec,
      verifier: route.verifier,
      route: routeName,
      weight: route.weight ?? 1,
      response: rec.response,
      reference: rec.reference,
      options,
      ...(o.groups && { groupTag: o.groups.tagOf(rec) }), // --group-by hook
      ...(o.preset?.shaping && { record: rec }), // reward shaping reads truncated / finish_reason / lengths
    },
  };
}

