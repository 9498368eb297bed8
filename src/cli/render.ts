/**
 * `rewards render FILE --template NAME` and `rewards convert FILE --to open-ended`: prompts out,
 * one line per input line; a record that does not fit gets an error line naming its line number.
 */
import { openJsonl, createJsonlWriter } from '../core/jsonl.js';
import type { DatasetRecord } from '../core/records.js';
import { loadTemplate } from '../templates/template.js';
import { renderRecord } from '../templates/render.js';
import { mcqToOpenEnded } from '../templates/convert.js';
import { createProgress } from './progress.js';

/** Counts of a render or convert run. */
export interface RenderSummary {
  lines: number;
  written: number;
  errors: number;
  byReason: Record<string, number>;
}

/** Options shared by render and convert. */
export interface RenderCommandOptions {
  out?: string;
  /** Where records that cannot be rendered/converted go (default: error lines in the output). */
  rejects?: string;
  quiet?: boolean;
}

async function eachRecord(
  file: string,
  o: RenderCommandOptions,
  label: string,
  transform: (r: DatasetRecord) => { value: unknown } | { reason: string },
): Promise<RenderSummary> {
  const source = openJsonl(file);
  const out = createJsonlWriter(o.out);
  const rejects = o.rejects ? createJsonlWriter(o.rejects) : undefined;
  const progress = createProgress(label, { totalBytes: source.size, quiet: o.quiet });
  const s: RenderSummary = { lines: 0, written: 0, errors: 0, byReason: {} };
  try {
    for await (const l of source.lines) {
      s.lines += 1;
      let result: { value: unknown } | { reason: string };
      if (l.error !== undefined) result = { reason: `invalid-json: ${l.error}` };
      else if (l.value === null || typeof l.value !== 'object' || Array.isArray(l.value)) result = { reason: 'not-an-object: a record must be a JSON object' };
      else result = transform(l.value as DatasetRecord);
      if ('value' in result) {
        s.written += 1;
        await out.write(result.value);
      } else {
        s.errors += 1;
        const code = result.reason.split(':', 1)[0]!;
        s.byReason[code] = (s.byReason[code] ?? 0) + 1;
        const id = (l.value as { id?: unknown } | undefined)?.id;
        const line = { ...(id !== undefined && { id }), line: l.line, error: result.reason };
        await (rejects ?? out).write(rejects ? { ...(l.value as object), line: l.line, reject_reason: result.reason } : line);
      }
      if (s.lines % 1024 === 0) progress.update(s.lines, source.bytesRead());
    }
  } finally {
    progress.stop();
    await out.close();
    await rejects?.close();
  }
  return s;
}

/** Render every record of `file` with a template (bundled name or path). */
export async function runRenderCommand(file: string, template: string, o: RenderCommandOptions): Promise<RenderSummary> {
  const t = loadTemplate(template);
  return eachRecord(file, o, 'render', (r) => {
    try {
      return { value: renderRecord(r, t) };
    } catch (err) {
      const msg = (err as Error).message;
      return { reason: /^[a-z-]+:/.test(msg) ? msg : `render: ${msg}` };
    }
  });
}

/** Convert every MCQ record of `file` to an open-ended one (CrossThink). */
export async function runConvertCommand(file: string, o: RenderCommandOptions): Promise<RenderSummary> {
  return eachRecord(file, o, 'convert', (r) => {
    const c = mcqToOpenEnded(r);
    return c.ok ? { value: c.record } : { reason: c.reason };
  });
}

/** One summary line for render/convert. */
export function formatRenderSummary(label: string, s: RenderSummary): string {
  const reasons = Object.entries(s.byReason).map(([r, n]) => `${r} ${n}`).join(', ');
  return `rewards ${label}: ${s.lines} lines, ${s.written} written, ${s.errors} not${reasons ? ` (${reasons})` : ''}`;
}
