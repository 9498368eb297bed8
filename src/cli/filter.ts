/**
 * `rewards filter FILE`: keep the records that pass the CrossThink verifiability filters for
 * their kind; write rejected ones with `reject_reason`; end with a table of counts per reason.
 * Streams a window at a time, so memory stays flat on any file size.
 */
import { openJsonl, createJsonlWriter, assertWritable, type JsonlLine } from '../core/jsonl.js';
import type { DatasetRecord } from '../core/records.js';
import { createFilterRun, type Filter, type FilterOptions } from '../filters/index.js';
import { createProgress } from './progress.js';
import { resumePoint } from './resume.js';
import { stopOnSignals } from './signals.js';

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
  /** Continue after the lines already in `out` / `rejects` (an interrupted run). */
  resume?: boolean;
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
  /** Input lines already written before this run (`--resume`), else 0; counts cover only what this run read. */
  resumedAfter: number;
}

/** Filters whose verdict on a record depends on the records before it. */
const ORDER_DEPENDENT = new Set(['duplicate-question', 'near-duplicate']);

/**
 * Where an interrupted run stopped: the last input line in `out` (kept records carry `_line`) or
 * in `rejects` (`line`), after cutting partial last lines.
 */
function resumeAfter(options: FilterCommandOptions): number {
  if (options.out === undefined || options.out === '-') throw new Error('--resume needs --out FILE (the kept records of the interrupted run)');
  const k = resumePoint(options.out).last?._line;
  const r = options.rejects ? resumePoint(options.rejects).last?.line : undefined;
  return Math.max(typeof k === 'number' ? k : 0, typeof r === 'number' ? r : 0);
}

/**
 * Run the filter over `file` (or `-` for stdin). Kept records carry their input line as `_line`,
 * rejected ones as `line`; both files are written window by window, in order, so after an
 * interruption `resume` continues after the last line written (order-dependent filters re-read
 * the earlier lines without writing them, so their verdicts match an uninterrupted run).
 */
export async function runFilterCommand(file: string, options: FilterCommandOptions): Promise<FilterSummary> {
  assertWritable([{ path: options.out, label: '--out' }, { path: options.rejects, label: '--rejects' }]);
  const skip = options.resume ? resumeAfter(options) : 0;
  const source = openJsonl(file);
  const kept = createJsonlWriter(options.out, { append: options.resume, label: '--out' });
  const rejects = options.rejects ? createJsonlWriter(options.rejects, { append: options.resume, label: '--rejects' }) : undefined;
  const run = createFilterRun(options, options.filters);
  const replay = skip > 0 && run.names.some((n) => ORDER_DEPENDENT.has(n));
  const progress = createProgress('filter', { totalBytes: source.size, quiet: options.quiet });
  const windowSize = options.window ?? 1024;
  const summary: FilterSummary = { lines: 0, kept: 0, rejected: 0, byReason: {}, seconds: 0, peakRssBytes: 0, resumedAfter: skip };
  const started = Date.now();

  const reject = (value: unknown, line: number, reason: string, write: boolean): void => {
    summary.rejected += 1;
    const code = reason.split(':', 1)[0]!;
    summary.byReason[code] = (summary.byReason[code] ?? 0) + 1;
    if (rejects && write) {
      const base = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as object) : { value };
      rejects.write({ ...base, line, reject_reason: reason });
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
      const write = l.line > skip;
      if (l.error !== undefined) reject(undefined, l.line, `${l.error.startsWith('empty') ? 'empty-line' : 'invalid-json'}: ${l.error}`, write);
      else if (l.value === null || typeof l.value !== 'object' || Array.isArray(l.value)) {
        reject(l.value, l.line, 'not-an-object: a record must be a JSON object', write);
      } else {
        const r = results[j++]!;
        if (r.keep) {
          summary.kept += 1;
          if (write) kept.write({ ...(l.value as object), _line: l.line });
        } else reject(l.value, l.line, r.reason ?? 'rejected', write);
      }
    }
    kept.flush();
    rejects?.flush();
    summary.lines += window.length;
    summary.peakRssBytes = Math.max(summary.peakRssBytes, process.memoryUsage.rss());
    progress.update(summary.lines, window.at(-1)?.end);
  };

  const removeSignals = stopOnSignals(() => {
    kept.flush();
    rejects?.flush();
  });
  try {
    for await (const line of source.lines) {
      if (line.line <= skip && !replay) continue;
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
    removeSignals();
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
  const resumed = s.resumedAfter ? ` (resumed after line ${s.resumedAfter})` : '';
  const out = [`rewards filter${resumed}: ${s.lines} lines in ${s.seconds.toFixed(1)} s (${rate}), peak RSS ${(s.peakRssBytes / 2 ** 20).toFixed(0)} MB`];
  for (const [name, n] of rows) out.push(`  ${name.padEnd(width)} ${String(n).padStart(9)}  ${pct(n).padStart(6)}`);
  for (const [reason, n] of reasons) out.push(`    ${reason.padEnd(width - 2)} ${String(n).padStart(9)}  ${pct(n).padStart(6)}`);
  if (s.rejected && !wroteRejects) out.push('  (rejected records were counted, not written: pass --rejects FILE to keep them)');
  return out.join('\n');
}
