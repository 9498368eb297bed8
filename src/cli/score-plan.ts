/**
 * `rewards score`, step one: turn an input line into a job for a verifier (its route, options and
 * weight) or into an error line that names the line and what is wrong with it.
 */
import type { JsonlLine } from '../core/jsonl.js';
import type { Preset } from '../presets/preset.js';
import { OWN_VERIFIER, routeRecord, type RouteLevel, type RoutedRecord } from '../presets/route-record.js';
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

/** One line to verify: its routed record, plus where it came from. */
export interface Job extends RoutedRecord {
  line: number;
  id: unknown;
  hasId: boolean;
  /** `--group-by`: the line's group tag. */
  groupTag?: GroupTag;
  /** The line's record, kept only while it is pending and only when the preset shapes rewards. */
  record?: Record<string, unknown>;
}

/** A planned line: a job, or an error line. */
export type Planned = { job: Job } | { error: string; line: number; id?: unknown };

/** The CLI's precedence: `--verifier`, else `--preset`, else the line's own `verifier` field (exclusive, not falling through). */
function levelsOf(o: ScoreCommandOptions): RouteLevel[] {
  if (o.verifier) return [{ verifier: o.verifier }];
  if (o.preset) return [{ preset: o.preset }];
  return [OWN_VERIFIER];
}

/** Plan one input line (see the module comment). */
export function plan(l: JsonlLine, o: ScoreCommandOptions): Planned {
  if (l.error !== undefined) return { error: `line ${l.line}: ${l.error}`, line: l.line };
  const v = l.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { error: `line ${l.line}: a line must be a JSON object`, line: l.line };
  const rec = v as Record<string, unknown>;
  const base = { line: l.line, ...('id' in rec && { id: rec.id }) };
  const extra: Record<string, unknown> = { ...o.options };
  if (o.mode) extra.mode = o.mode;
  if (o.format) extra.format = o.format;
  else if (o.formatGate && typeof rec.format === 'string') extra.format = rec.format;
  const routed = routeRecord(rec, levelsOf(o), extra);
  if ('error' in routed) return { ...base, error: `line ${l.line}: ${routed.error}` };
  return {
    job: {
      line: l.line,
      id: rec.id,
      hasId: 'id' in rec,
      ...routed,
      ...(o.groups && { groupTag: o.groups.tagOf(rec) }), // --group-by hook
      ...(o.preset?.shaping && { record: rec }), // reward shaping reads truncated / finish_reason / lengths
    },
  };
}

