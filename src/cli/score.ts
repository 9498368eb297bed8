/**
 * `rewards score`: one JSON object per line in (`{id?, response, reference, options?}`), one
 * verdict per line out, same order, same count. Bad lines get an output line with `error` and
 * their line number, score 0; the run goes on.
 *
 * Streaming: lines are planned as they are read and sent to their verifier in groups; each
 * verdict is written as soon as it and every line before it are done (flushed within
 * {@link FLUSH_MS} ms), so an interrupted run loses nothing it finished in order, and
 * `--resume` continues after the lines already in `--out`. At most {@link MAX_PENDING} lines are
 * in flight and the summary is kept as running totals, so memory stays flat on any input.
 */
import { openJsonl, createJsonlWriter } from '../core/jsonl.js';
import { verifyBatch, type BatchOptions, type Sample } from '../core/batch.js';
import type { Verdict } from '../core/verdict.js';
import { createProgress } from './progress.js';
import { shapeVerdict } from '../core/shaping.js';
import { plan, type Job, type ScoreCommandOptions } from './score-plan.js';
import { addInputError, addVerdict, emptyScoreSummary, prepareVerifierSummary, type ScoreSummary } from './score-summary.js';
import { resumePoint } from './resume.js';
import { stopOnSignals } from './signals.js';

export type { ScoreCommandOptions } from './score-plan.js';
export { formatScoreSummary, type ScoreSummary } from './score-summary.js';

/** Lines sent to a verifier together (fewer when input pauses for {@link DISPATCH_MS} ms). */
const GROUP = 512;
const DISPATCH_MS = 20;
/** Most lines read but not yet written. */
const MAX_PENDING = 8_192;
/** Longest a finished, in-order verdict waits in the write buffer. */
const FLUSH_MS = 50;

/** The output line of a verdict. */
function outputRecord(j: Job, v: Verdict, preset: boolean): Record<string, unknown> {
  return { ...(j.hasId && { id: j.id }), ...v, score: v.score * j.weight, ...(preset && { route: j.route }) };
}

/** Run `rewards score` over `file` (or `-`). Rejects on a set-up error (an output that cannot be written, a verifier that cannot be loaded). */
export async function runScoreCommand(file: string, o: ScoreCommandOptions): Promise<ScoreSummary> {
  if (o.resume && (o.out === undefined || o.out === '-')) throw new Error('--resume needs --out FILE (the output of the interrupted run)');
  const skip = o.resume ? resumePoint(o.out!).lines : 0;
  const source = openJsonl(file);
  const out = createJsonlWriter(o.out, { append: o.resume, label: '--out' });
  const progress = createProgress('score', { totalBytes: source.size, quiet: o.quiet });
  const s = emptyScoreSummary(skip);
  const started = Date.now();
  const batch: BatchOptions & Record<string, unknown> = {
    ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }),
    ...(o.threads !== undefined && { threads: o.threads }),
  };

  // Lines in flight, in input order: slots[k] is line base + k's output (undefined until done).
  // Line number k of this run (`seq`) sits at slots[seq - base]; `base` moves when slots are compacted.
  let slots: (Record<string, unknown> | undefined)[] = [];
  let seq = 0;
  let base = 0;
  let ends: number[] = [];
  let head = 0;
  let fatal: unknown;
  let wake: (() => void) | undefined;
  let lastFlush = Date.now();
  let lastEnd = 0;
  let written = 0;
  const flushTimer = setInterval(() => {
    try {
      out.flush();
    } catch (err) {
      fatal ??= err; // an output that fails mid-run (disk full): stop reading, report it
      wake?.();
    }
    lastFlush = Date.now();
  }, FLUSH_MS);
  flushTimer.unref();

  const drain = (): void => {
    while (head < slots.length && slots[head] !== undefined) {
      out.write(slots[head]);
      written += 1;
      lastEnd = ends[head]!;
      slots[head] = undefined;
      head += 1;
    }
    if (head > 4096 && head * 2 > slots.length) {
      slots = slots.slice(head);
      ends = ends.slice(head);
      base += head;
      head = 0;
    }
    if (Date.now() - lastFlush >= FLUSH_MS) {
      out.flush();
      lastFlush = Date.now();
      progress.update(written, lastEnd);
      s.peakRssBytes = Math.max(s.peakRssBytes, process.memoryUsage.rss());
    }
    if (wake && slots.length - head < MAX_PENDING / 2) {
      const w = wake;
      wake = undefined;
      w();
    }
  };

  // Jobs waiting to be sent, per verifier.
  const groups = new Map<string, { at: number[]; jobs: Job[] }>();
  const running = new Set<Promise<unknown>>();
  let dispatchTimer: NodeJS.Timeout | undefined;
  const dispatch = (name: string): void => {
    const g = groups.get(name);
    if (!g) return;
    groups.delete(name);
    const samples: Sample[] = g.jobs.map((j) => ({ response: j.response, reference: j.reference, options: j.options }));
    const p = prepareVerifierSummary(s, name, o.mode)
      .then(() =>
        verifyBatch(name, samples, {
          ...batch,
          onVerdict: (k, raw) => {
            const j = g.jobs[k]!;
            // A preset's per-sample shaping (per-reason rewards, weight, overlong mask or soft penalty) sets `reward`.
            const v = j.record && o.preset?.shaping ? shapeVerdict(raw, j.record, o.preset.shaping) : raw;
            const rec = outputRecord(j, v, !!o.preset);
            addVerdict(s, j.verifier, j.route, v, rec.score as number);
            o.groups?.add(j.groupTag, v); // --group-by hook
            slots[g.at[k]! - base] = rec;
            drain();
          },
        }),
      )
      .catch((err: unknown) => {
        fatal ??= err;
        wake?.();
      });
    running.add(p);
    void p.finally(() => running.delete(p));
  };
  const dispatchAll = (): void => {
    if (dispatchTimer) clearTimeout(dispatchTimer);
    dispatchTimer = undefined;
    for (const name of [...groups.keys()]) dispatch(name);
  };
  const removeSignals = stopOnSignals(() => {
    drain();
    out.flush();
  });

  try {
    for await (const l of source.lines) {
      if (l.line <= skip) continue;
      if (fatal) break;
      const at = seq++;
      slots.push(undefined);
      ends.push(l.end);
      const p = plan(l, o);
      if ('error' in p) {
        addInputError(s);
        slots[at - base] = { ...(p.id !== undefined && { id: p.id }), line: p.line, score: 0, pass: false, error: p.error };
        drain();
      } else {
        const g = groups.get(p.job.verifier) ?? { at: [], jobs: [] };
        groups.set(p.job.verifier, g);
        g.at.push(at);
        g.jobs.push(p.job);
        if (g.jobs.length >= GROUP) dispatch(p.job.verifier);
        else dispatchTimer ??= setTimeout(dispatchAll, DISPATCH_MS);
      }
      if (slots.length - head >= MAX_PENDING) {
        dispatchAll();
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
    dispatchAll();
    while (running.size) await Promise.all([...running]);
    if (fatal) throw fatal;
    drain();
    s.peakRssBytes = Math.max(s.peakRssBytes, process.memoryUsage.rss());
  } finally {
    if (dispatchTimer) clearTimeout(dispatchTimer);
    clearInterval(flushTimer);
    removeSignals();
    progress.stop();
    await out.close();
  }
  s.seconds = (Date.now() - started) / 1000;
  return s;
}
