/**
 * `rewards export FILE --to verl|openrlhf|trl|nemo-gym`: stream records, render each with its
 * template, and write the trainer's rows (parquet for verl, JSONL for the others). A record that
 * cannot be exported is reported with its line number and left out; the others go on.
 */
import { resolve } from 'node:path';
import { openJsonl, createJsonlWriter } from '../core/jsonl.js';
import type { DatasetRecord } from '../core/records.js';
import { createProgress } from '../cli/progress.js';
import { templatesByKind, taskOf, type TrainingTask } from './task.js';
import { createVerlWriter } from './verl-writer.js';
import { PARQUET_CODECS, type ParquetCodec } from './parquet.js';
import { openRlhfRow } from './openrlhf.js';
import { trlRow } from './trl.js';
import { nemoGymRow } from './nemo-gym.js';

/** The trainer formats. */
export const EXPORT_FORMATS = ['verl', 'openrlhf', 'trl', 'nemo-gym'] as const;
/** One trainer format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Options of an export run. */
export interface ExportOptions {
  to: ExportFormat;
  /** Template names or paths, at most one per record kind (the others keep their defaults). */
  templates?: readonly string[];
  /** Output file; required for verl (parquet is not written to a terminal). */
  out?: string;
  /** verl `extra_info.split` (default `train`). */
  split?: string;
  /** verl: rows per parquet row group (default 4096). */
  rowGroupRows?: number;
  /** verl: page compression (default BROTLI; GZIP for readers built without Brotli). */
  compression?: ParquetCodec;
  /** verl: encode parquet on this thread instead of a worker thread. */
  inThread?: boolean;
  /** NeMo-Gym `agent_ref.name`. */
  agent?: string;
  /** Records that cannot be exported, with `line` and `reject_reason`. */
  rejects?: string;
  quiet?: boolean;
  onBadLine?: (file: string, line: number, reason: string) => void;
}

/** What an export run did. */
export interface ExportSummary {
  lines: number;
  written: number;
  errors: number;
  byReason: Record<string, number>;
  /** Rows by data_source. */
  byDataSource: Record<string, number>;
  seconds: number;
  peakRssBytes: number;
}

/** Export `file` (or `-`) to a trainer format. */
export async function runExport(file: string, o: ExportOptions): Promise<ExportSummary> {
  if (!EXPORT_FORMATS.includes(o.to)) throw new Error(`--to must be one of ${EXPORT_FORMATS.join(', ')}, got "${o.to}"`);
  if (o.compression !== undefined && !PARQUET_CODECS.includes(o.compression)) throw new Error(`--compression must be one of ${PARQUET_CODECS.join(', ')}, got "${o.compression}"`);
  if (o.to === 'verl' && (!o.out || o.out === '-')) throw new Error('--to verl writes parquet: give --out FILE.parquet');
  for (const path of [o.out, o.rejects]) {
    if (path && path !== '-' && file !== '-' && resolve(file) === resolve(path)) throw new Error(`${path} is the input file: writing it would destroy what is being read`);
  }
  const templates = templatesByKind(o.templates);
  const split = o.split ?? 'train';
  const started = Date.now();
  const source = openJsonl(file);
  const s: ExportSummary = { lines: 0, written: 0, errors: 0, byReason: {}, byDataSource: {}, seconds: 0, peakRssBytes: 0 };
  const rejects = o.rejects ? createJsonlWriter(o.rejects) : undefined;
  const parquet = o.to === 'verl' ? createVerlWriter(o.out!, { split, rowGroupRows: o.rowGroupRows, codec: o.compression, inThread: o.inThread }) : undefined;
  const jsonl = o.to === 'verl' ? undefined : createJsonlWriter(o.out);
  const progress = createProgress(`export (${o.to})`, { totalBytes: source.size, quiet: o.quiet });
  try {
    for await (const l of source.lines) {
      s.lines += 1;
      let reason: string | undefined;
      if (l.error !== undefined) reason = `${l.error.startsWith('empty') ? 'empty-line' : 'invalid-json'}: ${l.error}`;
      else if (l.value === null || typeof l.value !== 'object' || Array.isArray(l.value)) reason = 'not-an-object: a record must be a JSON object';
      else {
        // Only rendering is the record's fault; an output that cannot be written stops the run.
        let task: TrainingTask | undefined;
        let row: unknown;
        try {
          task = taskOf(l.value as DatasetRecord, templates);
          if (!parquet) row = o.to === 'openrlhf' ? openRlhfRow(task) : o.to === 'trl' ? trlRow(task) : nemoGymRow(task, s.written, o.agent);
        } catch (err) {
          const msg = (err as Error).message;
          reason = /^[a-z-]+:/.test(msg) ? msg : `render: ${msg}`;
        }
        if (task) {
          if (parquet) {
            const wait = parquet.write(task);
            if (wait) await wait;
          } else jsonl!.write(row);
          s.written += 1;
          s.byDataSource[task.dataSource] = (s.byDataSource[task.dataSource] ?? 0) + 1;
        }
      }
      if (reason !== undefined) {
        s.errors += 1;
        const code = reason.split(':', 1)[0]!;
        s.byReason[code] = (s.byReason[code] ?? 0) + 1;
        o.onBadLine?.(file, l.line, reason);
        const base = l.value !== null && typeof l.value === 'object' && !Array.isArray(l.value) ? (l.value as object) : {};
        rejects?.write({ ...base, line: l.line, reject_reason: reason });
      }
      if ((s.lines & 4095) === 0) {
        progress.update(s.lines, source.bytesRead());
        s.peakRssBytes = Math.max(s.peakRssBytes, process.memoryUsage.rss());
      }
    }
  } finally {
    progress.stop();
    await parquet?.close();
    await jsonl?.close();
    await rejects?.close();
  }
  s.peakRssBytes = Math.max(s.peakRssBytes, process.memoryUsage.rss());
  s.seconds = (Date.now() - started) / 1000;
  return s;
}

/** The summary `rewards export` prints. */
export function formatExportSummary(to: string, s: ExportSummary): string {
  const rate = s.seconds > 0 ? `${Math.round(s.lines / s.seconds)} lines/s` : '-';
  const reasons = Object.entries(s.byReason).map(([r, n]) => `${r} ${n}`).join(', ');
  const sources = Object.entries(s.byDataSource).sort((a, b) => b[1] - a[1]).map(([d, n]) => `${d} ${n}`).join(', ');
  return [
    `rewards export --to ${to}: ${s.lines} lines, ${s.written} rows, ${s.errors} not exported${reasons ? ` (${reasons})` : ''}; ${s.seconds.toFixed(1)} s (${rate}), peak RSS ${(s.peakRssBytes / 2 ** 20).toFixed(0)} MB`,
    `  rows by data_source: ${sources || '-'}`,
  ].join('\n');
}
