/**
 * `rewards score --group-by FIELD`: collects each line's group key and verdict as the run goes,
 * then prints the GRPO group distribution (how many groups are all correct or all wrong, which
 * DAPO / Cascade would drop), mean pass@k, and a terminal histogram of the group means.
 * Truncated rollouts (`truncated: true`, `finish_reason: "length"`) are masked out of the stats.
 */
import { groupStats, type GroupStats } from '../core/groups.js';
import { isTruncated, maskTruncated } from '../core/shaping.js';
import type { Verdict } from '../core/verdict.js';

/** What `score` keeps per line for the group summary. */
export interface GroupTag {
  key: unknown;
  truncated: boolean;
}

/** Collects verdicts by group during a score run. */
export interface GroupCollector {
  field: string;
  /** The tag of a record (called when the line is planned). */
  tagOf(record: Record<string, unknown>): GroupTag;
  /** Record a line's verdict with its tag. */
  add(tag: GroupTag | undefined, verdict: Verdict): void;
  verdicts: Verdict[];
  keys: unknown[];
}

/** A collector for `--group-by field`. */
export function createGroupCollector(field: string): GroupCollector {
  const c: GroupCollector = {
    field,
    tagOf: (record) => ({ key: record[field], truncated: isTruncated(record) }),
    add(tag, verdict) {
      if (!tag) return;
      c.verdicts.push(tag.truncated && verdict.mask !== true ? maskTruncated(verdict) : verdict);
      c.keys.push(tag.key);
    },
    verdicts: [],
    keys: [],
  };
  return c;
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');

/** Histogram of values in [0, 1] as text rows: `bins` equal bins, bars scaled to `width`. */
export function histogramLines(values: readonly number[], bins = 10, width = 40): string[] {
  const counts = new Array<number>(bins).fill(0);
  for (const x of values) {
    if (!Number.isFinite(x)) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor(x * bins)))]! += 1;
  }
  const max = Math.max(1, ...counts);
  return counts.map((n, b) => {
    const lo = (b / bins).toFixed(2);
    const hi = ((b + 1) / bins).toFixed(2);
    const bar = '█'.repeat(Math.round((n / max) * width));
    return `  [${lo}, ${hi}${b === bins - 1 ? ']' : ')'} ${bar}${bar ? ' ' : ''}${n}`;
  });
}

/** Mean pass@k over the groups with at least k samples, for k = 1, 2, 4, ... up to the largest n. */
export function meanPassAtK(stats: readonly GroupStats[]): { k: number; groups: number; mean: number }[] {
  const maxN = Math.max(0, ...stats.map((s) => s.n));
  const out: { k: number; groups: number; mean: number }[] = [];
  for (let k = 1; k <= maxN; k *= 2) {
    const with_ = stats.filter((s) => s.n >= k);
    out.push({ k, groups: with_.length, mean: with_.reduce((s, g) => s + g.passAtK[k - 1]!, 0) / with_.length });
  }
  if (maxN > 0 && (maxN & (maxN - 1)) !== 0) {
    const with_ = stats.filter((s) => s.n >= maxN);
    out.push({ k: maxN, groups: with_.length, mean: with_.reduce((s, g) => s + g.passAtK[maxN - 1]!, 0) / with_.length });
  }
  return out;
}

/** The group summary `rewards score --group-by` prints on stderr. */
export function formatGroupSummary(c: GroupCollector): string {
  const stats = groupStats(c.verdicts, c.keys);
  const samples = stats.reduce((s, g) => s + g.n, 0);
  const masked = stats.reduce((s, g) => s + g.masked, 0);
  const allCorrect = stats.filter((g) => g.allCorrect).length;
  const allWrong = stats.filter((g) => g.allWrong).length;
  const empty = stats.filter((g) => g.n === 0).length;
  const mixed = stats.length - allCorrect - allWrong - empty;
  const dropped = allCorrect + allWrong + empty;
  const rows: [string, number][] = [
    ['all correct (dropped)', allCorrect],
    ['all wrong (dropped)', allWrong],
    ['all masked (dropped)', empty],
    ['mixed (kept)', mixed],
  ];
  const lines = [
    `groups by "${c.field}": ${stats.length} groups, ${samples} samples${masked ? ` (+${masked} truncated, masked)` : ''}; ` +
      `${dropped} groups (${pct(dropped, stats.length)}) would be dropped`,
    '  | kind of group | groups | share |',
    '  |---|---:|---:|',
    ...rows.map(([name, n]) => `  | ${name} | ${n} | ${pct(n, stats.length)} |`),
  ];
  const sizes = stats.map((g) => g.n);
  if (stats.length) lines.push(`  group size: min ${Math.min(...sizes)}, max ${Math.max(...sizes)}`);
  const pk = meanPassAtK(stats);
  if (pk.length) lines.push(`  mean pass@k: ${pk.map((p) => `pass@${p.k} ${p.mean.toFixed(4)} (${p.groups} groups)`).join(', ')}`);
  lines.push('  histogram of group mean scores:', ...histogramLines(stats.filter((g) => g.n > 0).map((g) => g.mean)));
  return lines.join('\n');
}
