/**
 * Progress on long runs: a bar on a terminal (cli-progress), a plain line every few seconds
 * otherwise (CI logs, pipes), nothing with --quiet. Always on stderr, so stdout stays JSONL.
 */
import cliProgress from 'cli-progress';

/** A progress reporter. */
export interface Progress {
  /** Report `lines` done and `bytes` read (when the total size is known, the bar follows bytes). */
  update(lines: number, bytes?: number): void;
  /** Stop and clear the bar. */
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Total input size in bytes, when known. */
  totalBytes?: number;
  /** Disable all output. */
  quiet?: boolean;
  /** Force plain lines even on a terminal. */
  plain?: boolean;
  /** Seconds between plain lines (default 5). */
  intervalS?: number;
}

/** Create a progress reporter labelled `label` (e.g. `filter`). */
export function createProgress(label: string, options: ProgressOptions = {}): Progress {
  if (options.quiet) return { update() {}, stop() {} };
  const started = Date.now();
  const rate = (lines: number): string => `${Math.round(lines / Math.max(0.001, (Date.now() - started) / 1000))} lines/s`;
  if (process.stderr.isTTY && !options.plain) {
    const total = options.totalBytes;
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: total
          ? `${label} [{bar}] {percentage}% | {lines} lines | {rate} | ETA {eta_formatted}`
          : `${label} {lines} lines | {rate}`,
        hideCursor: true,
        clearOnComplete: true,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total ?? 1, 0, { lines: 0, rate: '' });
    return {
      update(lines, bytes) {
        bar.update(total ? Math.min(bytes ?? 0, total) : 0, { lines, rate: rate(lines) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  const every = (options.intervalS ?? 5) * 1000;
  let last = started;
  return {
    update(lines, bytes) {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      const pct = options.totalBytes && bytes !== undefined ? ` (${Math.min(100, (100 * bytes) / options.totalBytes).toFixed(0)}%)` : '';
      process.stderr.write(`${label}: ${lines} lines${pct}, ${rate(lines)}\n`);
    },
    stop() {},
  };
}
