/**
 * `rewards blend`: two streaming passes over the input files. The first counts the records of
 * each class; the plan turns the ratio into a count per class; the second writes the chosen
 * records, in input order, through one seeded selector per class. Memory holds the counts, not
 * the records. Bad lines are reported with their file and line number and left out.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { openJsonl, createJsonlWriter, type JsonlSource } from '../core/jsonl.js';
import type { DatasetRecord } from '../core/records.js';
import { createProgress } from '../cli/progress.js';
import { classOf } from './classify.js';
import { keyFor, type Weights } from './ratio.js';
import { planBlend, type ClassPlan, type Shortfall } from './plan.js';
import { createSelector, type ClassSelector } from './select.js';

/** Options of a blend run. */
export interface BlendOptions {
  /** What the classes are: `domain`, `kind`, `data_source` or any field. */
  by: string;
  /** Weights by ratio key; undefined for the natural distribution. */
  weights?: Weights;
  /** How the ratio was given, for messages (`--ratio gpr=2,math=1`, `--blend gpr-up`). */
  ratioText?: string;
  /** Records to write; default the largest blend the data holds without repeats. */
  total?: number;
  seed?: number;
  shortfall?: Shortfall;
  out?: string;
  /** Bad lines as `{file, line, reject_reason}` JSONL. */
  rejects?: string;
  quiet?: boolean;
  /** Called for every bad line (the CLI prints the first few to stderr). */
  onBadLine?: (file: string, line: number, reason: string) => void;
  /** Most distinct class values (default 10,000): a guard against `--by id`. */
  maxClasses?: number;
}

/** A class value the ratio leaves out, and why. */
export interface Excluded {
  value: string;
  count: number;
  why: 'not in the ratio' | 'no value' | 'weight 0';
}

/** What a blend run did. */
export interface BlendSummary {
  lines: number;
  badLines: number;
  records: number;
  plan: ClassPlan[];
  /** Class values that each ratio key took (a catch-all takes several). */
  members: Record<string, string[]>;
  excluded: Excluded[];
  written: number;
  seconds: number;
  peakRssBytes: number;
}

const isRecord = (v: unknown): v is DatasetRecord => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Run a blend over `files` (each read twice: they must be files, not stdin). */
export async function runBlend(files: readonly string[], options: BlendOptions): Promise<BlendSummary> {
  if (files.length === 0) throw new Error('blend needs at least one input file');
  if (files.includes('-')) throw new Error('blend reads its input twice (count, then select): give files, not stdin');
  for (const path of [options.out, options.rejects]) {
    if (path && path !== '-' && files.some((f) => resolve(f) === resolve(path))) throw new Error(`${path} is an input file: writing it would destroy what is being read`);
  }
  const started = Date.now();
  const seed = options.seed ?? 0;
  const maxClasses = options.maxClasses ?? 10_000;
  // Opened one at a time: an opened source starts reading at once.
  function* sources(): Generator<{ file: string; source: JsonlSource }> {
    for (const file of files) yield { file, source: openJsonl(file) };
  }
  const totalBytes = files.reduce((a, f) => a + fileSize(f), 0);
  const summary: BlendSummary = { lines: 0, badLines: 0, records: 0, plan: [], members: {}, excluded: [], written: 0, seconds: 0, peakRssBytes: 0 };
  const rejects = options.rejects ? createJsonlWriter(options.rejects) : undefined;

  // Pass 1: count each class value.
  const counts = new Map<string, number>();
  let missing = 0;
  let progress = createProgress('blend (count)', { totalBytes, quiet: options.quiet });
  let bytesBefore = 0;
  try {
    for (const { file, source } of sources()) {
      for await (const l of source.lines) {
        summary.lines += 1;
        let reason: string | undefined;
        if (l.error !== undefined) reason = `${l.error.startsWith('empty') ? 'empty-line' : 'invalid-json'}: ${l.error}`;
        else if (!isRecord(l.value)) reason = 'not-an-object: a record must be a JSON object';
        if (reason) {
          summary.badLines += 1;
          options.onBadLine?.(file, l.line, reason);
          rejects?.write({ file, line: l.line, reject_reason: reason });
        } else {
          summary.records += 1;
          const cls = classOf(l.value as DatasetRecord, options.by);
          if (cls === undefined) missing += 1;
          else {
            counts.set(cls, (counts.get(cls) ?? 0) + 1);
            if (counts.size > maxClasses) throw new Error(`--by ${options.by} gives more than ${maxClasses} classes: blend by a field with few values (domain, kind, data_source)`);
          }
        }
        if ((summary.lines & 4095) === 0) progress.update(summary.lines, bytesBefore + source.bytesRead());
      }
      bytesBefore += source.size ?? 0;
    }
  } finally {
    progress.stop();
    await rejects?.close();
  }

  // The plan: class values -> ratio keys -> counts per key.
  if (counts.size === 0) {
    throw new Error(summary.records ? `no record has a ${options.by} value to blend by (${missing} records without one)` : 'no records to blend: the input is empty or every line is bad');
  }
  const weights: Weights = options.weights ?? Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
  const ratioText = options.ratioText ?? (options.weights ? Object.entries(weights).map(([k, w]) => `${k}=${w}`).join(',') : 'the natural blend');
  const available: Record<string, number> = Object.fromEntries(Object.keys(weights).map((k) => [k, 0]));
  const members: Record<string, string[]> = {};
  for (const [cls, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    const key = keyFor(weights, cls);
    if (key === undefined) summary.excluded.push({ value: cls, count: n, why: 'not in the ratio' });
    else if ((weights[key] ?? 0) === 0) summary.excluded.push({ value: cls, count: n, why: 'weight 0' });
    else {
      available[key] = (available[key] ?? 0) + n;
      (members[key] ??= []).push(cls);
    }
  }
  if (missing) summary.excluded.push({ value: `(no ${options.by})`, count: missing, why: 'no value' });
  const keys = Object.keys(weights).filter((k) => (weights[k] ?? 0) > 0);
  summary.plan = planBlend(keys, available, weights, options.total, options.shortfall ?? 'error', ratioText);
  summary.members = members;

  // Pass 2: write the chosen records.
  const selectors = new Map<string, ClassSelector>();
  for (const p of summary.plan) if (p.take > 0) selectors.set(p.key, createSelector(p, seed));
  // The selector of each class value, looked up once per value rather than once per line.
  const selectorOf = new Map<string, ClassSelector | undefined>();
  for (const cls of counts.keys()) {
    const key = keyFor(weights, cls);
    selectorOf.set(cls, key === undefined ? undefined : selectors.get(key));
  }
  const out = createJsonlWriter(options.out);
  progress = createProgress('blend (select)', { totalBytes, quiet: options.quiet });
  let lines = 0;
  bytesBefore = 0;
  try {
    for (const { source } of sources()) {
      for await (const l of source.lines) {
        lines += 1;
        if (l.error === undefined && isRecord(l.value)) {
          const cls = classOf(l.value, options.by);
          const selector = cls === undefined ? undefined : selectorOf.get(cls);
          if (selector) {
            const copies = selector.next();
            for (let c = 0; c < copies; c++) out.write(l.value);
            summary.written += copies;
          }
        }
        if ((lines & 4095) === 0) {
          progress.update(lines, bytesBefore + source.bytesRead());
          summary.peakRssBytes = Math.max(summary.peakRssBytes, process.memoryUsage.rss());
        }
      }
      bytesBefore += source.size ?? 0;
    }
  } finally {
    progress.stop();
    await out.close();
  }
  for (const p of summary.plan) {
    const s = selectors.get(p.key);
    if (s && (s.seen() !== p.available || s.written() !== p.take)) {
      throw new Error(`the input changed between the two passes ("${p.key}": counted ${p.available} records, saw ${s.seen()}): blend a file nothing is writing to`);
    }
  }
  summary.peakRssBytes = Math.max(summary.peakRssBytes, process.memoryUsage.rss());
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    throw new Error(`cannot read ${file}: no such file`);
  }
}
