/**
 * `rewards score`: one JSON object per line in (`{id?, response, reference, options?}`), one
 * verdict per line out, same order, same count. Bad lines get an output line with `error` and
 * their line number, score 0; the run goes on.
 */
import { openJsonl, createJsonlWriter, type JsonlLine } from '../core/jsonl.js';
import { verifyBatch, type BatchOptions } from '../core/batch.js';
import { getVerifierEntry, importVerifierModule, verifierNames } from '../core/registry.js';
import type { Verdict } from '../core/verdict.js';
import { routeFor, type Preset, type PresetRoute } from '../presets/preset.js';
import { createProgress } from './progress.js';
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
  /** `--group-by`: collects each line's group key and verdict (see groups.ts). */
  groups?: GroupCollector;
}

/** What a score run did. */
export interface ScoreSummary {
  lines: number;
  errors: number;
  scoreSum: number;
  passed: number;
  byReason: Record<string, number>;
  byRoute: Record<string, { n: number; scoreSum: number; passed: number }>;
  verdictsByVerifier: Record<string, Verdict[]>;
  seconds: number;
}

interface Job {
  line: number;
  id: unknown;
  hasId: boolean;
  verifier: string;
  route: string;
  weight: number;
  response: unknown;
  reference: unknown;
  options: Record<string, unknown>;
  /** `--group-by` hook: the line's group tag. */
  groupTag?: GroupTag;
}

type Planned = { job: Job } | { error: string; line: number; id?: unknown };

function plan(l: JsonlLine, o: ScoreCommandOptions): Planned {
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
    },
  };
}

/** Run `rewards score` over `file` (or `-`). */
export async function runScoreCommand(file: string, o: ScoreCommandOptions): Promise<ScoreSummary> {
  const source = openJsonl(file);
  const out = createJsonlWriter(o.out);
  const progress = createProgress('score', { totalBytes: source.size, quiet: o.quiet });
  const s: ScoreSummary = { lines: 0, errors: 0, scoreSum: 0, passed: 0, byReason: {}, byRoute: {}, verdictsByVerifier: {}, seconds: 0 };
  const started = Date.now();
  const batch: BatchOptions & Record<string, unknown> = {
    ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }),
    ...(o.threads !== undefined && { threads: o.threads }),
  };
  let window: Planned[] = [];

  const flush = async (): Promise<void> => {
    const jobs = window.filter((p): p is { job: Job } => 'job' in p).map((p) => p.job);
    const groups = new Map<string, Job[]>();
    for (const j of jobs) {
      const group = groups.get(j.verifier);
      if (group) group.push(j);
      else groups.set(j.verifier, [j]);
    }
    const verdicts = new Map<Job, Verdict>();
    for (const [name, group] of groups) {
      const vs = await verifyBatch(name, group.map((j) => ({ response: j.response, reference: j.reference, options: j.options })), batch);
      group.forEach((j, k) => verdicts.set(j, vs[k]!));
      (s.verdictsByVerifier[name] ??= []).push(...vs);
    }
    for (const p of window) {
      s.lines += 1;
      if ('error' in p) {
        s.errors += 1;
        s.byReason['input-error'] = (s.byReason['input-error'] ?? 0) + 1;
        await out.write({ ...(p.id !== undefined && { id: p.id }), line: p.line, score: 0, pass: false, error: p.error });
        continue;
      }
      const j = p.job;
      const v = verdicts.get(j)!;
      o.groups?.add(j.groupTag, v); // --group-by hook
      const score = v.score * j.weight;
      s.scoreSum += score;
      if (v.pass) s.passed += 1;
      if (v.reason) s.byReason[v.reason] = (s.byReason[v.reason] ?? 0) + 1;
      if (v.reason === 'invalid-input') s.errors += 1;
      const r = (s.byRoute[j.route] ??= { n: 0, scoreSum: 0, passed: 0 });
      r.n += 1;
      r.scoreSum += score;
      if (v.pass) r.passed += 1;
      await out.write({ ...(j.hasId && { id: j.id }), ...v, score, ...(o.preset && { route: j.route }) });
    }
    window = [];
    progress.update(s.lines, source.bytesRead());
  };

  const windowSize = o.window ?? 512;
  try {
    for await (const l of source.lines) {
      window.push(plan(l, o));
      if (window.length >= windowSize) await flush();
    }
    await flush();
  } finally {
    progress.stop();
    await out.close();
  }
  s.seconds = (Date.now() - started) / 1000;
  return s;
}

/** The summary `rewards score` prints to stderr, with each verifier's own summary lines. */
export async function formatScoreSummary(s: ScoreSummary, mode?: string): Promise<string> {
  const scored = s.lines - s.errors;
  const lines = [
    `rewards score: ${s.lines} lines in ${s.seconds.toFixed(1)} s; mean score ${scored ? (s.scoreSum / scored).toFixed(4) : '-'}, ` +
      `passed ${s.passed}/${scored}${s.errors ? `, ${s.errors} lines with errors` : ''}`,
  ];
  const routes = Object.entries(s.byRoute);
  if (routes.length > 1) {
    for (const [name, r] of routes) lines.push(`  route ${name}: ${r.n} lines, mean ${(r.scoreSum / r.n).toFixed(4)}, passed ${r.passed}`);
  }
  const reasons = Object.entries(s.byReason).sort((a, b) => b[1] - a[1]);
  if (reasons.length) lines.push(`  reasons: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  for (const [name, verdicts] of Object.entries(s.verdictsByVerifier)) {
    const mod = await importVerifierModule(getVerifierEntry(name)!.module).catch(() => undefined);
    if (typeof mod?.summarize === 'function') {
      for (const line of mod.summarize(verdicts, mode)) lines.push(`  ${line}`);
    }
  }
  return lines.join('\n');
}
