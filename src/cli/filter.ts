/**
 * `rewards filter FILE`: keep the records that pass the CrossThink verifiability filters for
 * their kind; write rejected ones with `reject_reason`; end with a table of counts per reason.
 * Streams a window at a time, so memory stays flat on any file size.
 */
import { openJsonl, createJsonlWriter, type JsonlLine } from '../core/jsonl.js';
import type { DatasetRecord } from '../core/records.js';
import { createFilterRun, type Filter, type FilterOptions } from '../filters/index.js';
import { createProgress } from './progress.js';

/** Options of the filter command. */
export interface FilterCommandOptions extends FilterOptions {
  /** Kept records (default stdout). */
  out?: string;
  /** Rejected records with `reject_reason` and `line` (default: counted, not written). */
  rejects?: string;
  /** Records per window (default 1024). */
  window?: number;
  /** No progress output. */
  quiet?: boolean;
  /** Filters to use instead of the built-in list (tests, plugins). */
  filters?: readonly Filter[];
}

/** What a filter run did. */
export interface FilterSummary {
  lines: number;
  kept: number;
  rejected: number;
  /** Rejected counts by reason code (the filter name, `invalid-json`, `not-an-object`, ...). */
  byReason: Record<string, number>;
  seconds: number;
  /** Peak resident set size in bytes during the run. */
  peakRssBytes: number;
}

/** Run the filter over `file` (or `-` for stdin). */
export async function runFilterCommand(file: string, options: FilterCommandOptions): Promise<FilterSummary> {
  const source = openJsonl(file);
  const run = createFilterRun(options, options.filters);
  const kept = createJsonlWriter(options.out);
  const rejects = options.rejects ? createJsonlWriter(options.rejects) : undefined;
  const progress = createProgress('filter', { totalBytes: source.size, quiet: options.quiet });
  const windowSize = options.window ?? 1024;
  const summary: FilterSummary = { lines: 0, kept: 0, rejected: 0, byReason: {}, seconds: 0, peakRssBytes: 0 };
  const started = Date.now();

  const reject = async (value: unknown, line: number, reason: string): Promise<void> => {
    summary.rejected += 1;
    const code = reason.split(':', 1)[0]!;
    summary.byReason[code] = (summary.byReason[code] ?? 0) + 1;
    if (rejects) {
      const base = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as object) : { value };
      await rejects.write({ ...base, line, reject_reason: reason });
    }
  };

  // Windows are judged and written one after the other, in order; the next window is read and
  // parsed while the previous one waits for verifying filters on the worker pool.
  let window: JsonlLine[] = [];
  let previous: Promise<void> = Promise.resolve();
  const flush = async (window: JsonlLine[]): Promise<void> => {
    const records: DatasetRecord[] = [];
    const lines: number[] = [];
    for (const l of window) {
      if (l.value !== null && typeof l.value === 'object' && !Array.isArray(l.value)) {
        records.push(l.value as DatasetRecord);
        lines.push(l.line);
      }
    }
    const results = records.length ? await run.check(records, lines) : [];
    let j = 0;
    for (const l of window) {
      if (l.error !== undefined) await reject(undefined, l.line, `${l.error.startsWith('empty') ? 'empty-line' : 'invalid-json'}: ${l.error}`);
      else if (l.value === null || typeof l.value !== 'object' || Array.isArray(l.value)) {
        await reject(l.value, l.line, 'not-an-object: a record must be a JSON object');
      } else {
        const r = results[j++]!;
        if (r.keep) {
          summary.kept += 1;
          await kept.write(l.value);
        } else await reject(l.value, l.line, r.reason ?? 'rejected');
      }
    }
    summary.lines += window.length;
    summary.peakRssBytes = Math.max(summary.peakRssBytes, process.memoryUsage.rss());
    progress.update(summary.lines, source.bytesRead());
  };

  try {
    for await (const line of source.lines) {
      window.push(line);
      if (window.length >= windowSize) {
        const full = window;
        window = [];
        await previous;
        previous = flush(full);
      }
    }
    await previous;
    await flush(window);
  } finally {
    progress.stop();
    await kept.close();
    await rejects?.close();
    await run.dispose();
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** The summary table `rewards filter` prints to stderr. */
export function formatFilterSummary(s: FilterSummary, wroteRejects: boolean): string {
  const rate = s.seconds > 0 ? `${Math.round(s.lines / s.seconds)} lines/s` : '';
  const pct = (n: number): string => (s.lines ? `${((100 * n) / s.lines).toFixed(1)}%` : '-');
  const rows: [string, number][] = [['kept', s.kept], ['rejected', s.rejected]];
  const reasons = Object.entries(s.byReason).sort((a, b) => b[1] - a[1]);
  const width = Math.max(10, ...reasons.map(([r]) => r.length + 2));
  const out = [`rewards filter: ${s.lines} lines in ${s.seconds.toFixed(1)} s (${rate}), peak RSS ${(s.peakRssBytes / 2 ** 20).toFixed(0)} MB`];
  for (const [name, n] of rows) out.push(`  ${name.padEnd(width)} ${String(n).padStart(9)}  ${pct(n).padStart(6)}`);
  for (const [reason, n] of reasons) out.push(`    ${reason.padEnd(width - 2)} ${String(n).padStart(9)}  ${pct(n).padStart(6)}`);
  if (s.rejected && !wroteRejects) out.push('  (rejected records were counted, not written: pass --rejects FILE to keep them)');
  return out.join('\n');
}
