/**
 * The table `rewards blend` prints: per class, what the input had, the share the ratio asked for,
 * what was written and the share achieved, with capped and upsampled classes flagged; then the
 * class values the ratio left out.
 */
import type { BlendSummary } from './run.js';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Format a blend summary as a table (stderr). */
export function formatBlendTable(s: BlendSummary): string {
  const rows: string[][] = [['class', 'available', 'weight', 'target', 'written', 'achieved', 'note']];
  for (const p of s.plan) {
    const members = s.members[p.key] ?? [];
    const label = members.length > 1 || (members.length === 1 && members[0] !== p.key) ? `${p.key} (${members.join('+')})` : p.key;
    const note =
      p.status === 'capped'
        ? `CAPPED: ratio needs ${p.target}, has ${p.available}`
        : p.status === 'upsampled'
          ? `UPSAMPLED x${(p.take / p.available).toFixed(2)} (${p.take} from ${p.available})`
          : '';
    rows.push([label, String(p.available), String(p.weight), pct(p.share), String(p.take), s.written ? pct(p.take / s.written) : '-', note]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => r.map((cell, c) => (c === 0 || c === 6 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  const out = [`rewards blend: ${s.lines} lines, ${s.records} records, ${s.written} written in ${s.seconds.toFixed(1)} s (${s.seconds > 0 ? Math.round((2 * s.lines) / s.seconds) : '-'} lines/s over two passes), peak RSS ${(s.peakRssBytes / 2 ** 20).toFixed(0)} MB`];
  out.push(...rows.map((r) => `  ${line(r)}`));
  for (const e of s.excluded) out.push(`  left out: ${e.value} (${e.count} records, ${e.why})`);
  if (s.badLines) out.push(`  bad lines: ${s.badLines} (left out; each named above or in --rejects)`);
  return out.join('\n');
}
