/**
 * Comparison for the `patch` verifier: per-file canonical change texts, matched by path, scored
 * with difflib's ratio (SWE-RL's reward), with linear caps on what is compared.
 */
import type { FileEdits } from './parse.js';
import { sequenceRatioWithin } from './sequence-matcher.js';
import { trimEndWhere } from '../../core/trim-end.js';

const LINE_END_BLANK = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';

/** Caps and knobs of the comparison (all sizes in code points or lines, all linear). */
export interface CompareOptions {
  /** Python's autojunk for the character-level ratio (default true). SWE-RL's code passes false. */
  autojunk?: boolean;
  /** Context lines kept at each end of a hunk (default 3, git's default). */
  context?: number;
  /**
   * Longest canonical change text of one file compared character by character (default 20,000).
   * When either side is longer, that file's ratio is computed over lines instead of characters
   * (`details.files[].unit = "line"`).
   */
  maxChangeChars?: number;
  /** Lines of one file's change text compared at most (default 5,000); the rest is cut off on both sides. */
  maxChangeLines?: number;
  /**
   * Work budget of one file's ratio, in difflib index steps (default 20,000,000, tens of ms).
   * Past it the character ratio falls back to the line ratio, and a line ratio past it gives
   * similarity 0 (`unit: "over-budget"`): deterministic, and never a reward for a pathological patch.
   */
  maxSteps?: number;
}

/** Similarity of one file's change. */
export interface FileSimilarity {
  path: string;
  similarity: number;
  /** `char` (difflib on the strings), `line` (on the line lists, past a cap), `over-budget` (0). */
  unit: 'char' | 'line' | 'over-budget';
  /** The file is only in the prediction or only in the gold patch. */
  only?: 'predicted' | 'gold';
}

/** Trim context lines at the ends of a hunk to `context`, drop `\ No newline` markers, strip CRs and trailing blanks. */
export function canonicalHunk(lines: readonly string[], context: number): string[] {
  const kept = lines.filter((l) => l[0] !== '\\').map((l) => trimEndWhere(l, LINE_END_BLANK));
  const isCtx = (l: string): boolean => l[0] !== '+' && l[0] !== '-';
  let lo = 0;
  while (lo < kept.length && isCtx(kept[lo]!)) lo++;
  let hi = kept.length;
  while (hi > lo && isCtx(kept[hi - 1]!)) hi--;
  return kept.slice(Math.max(0, lo - context), Math.min(kept.length, hi + context)).map((l) => (l === '' ? ' ' : l));
}

/** One file's canonical change text: each hunk as `@@` then its canonical lines. */
export function canonicalChange(hunks: readonly string[][], context = 3): string {
  return hunks.map((h) => ['@@', ...canonicalHunk(h, context)].join('\n')).join('\n');
}

/** Canonical change text per path. */
export function canonicalEdits(edits: FileEdits, context = 3): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, hunks] of edits) out.set(path, canonicalChange(hunks, context));
  return out;
}

function fileRatio(a: string, b: string, o: CompareOptions): Omit<FileSimilarity, 'path'> {
  // Equal texts: difflib's ratio is exactly 1.0 there too (its matches then cover both sequences).
  if (a === b) return { similarity: 1, unit: 'char' };
  const opts = { autojunk: o.autojunk ?? true, maxSteps: o.maxSteps ?? 20_000_000 };
  const maxChars = o.maxChangeChars ?? 20_000;
  if (a.length <= maxChars && b.length <= maxChars) {
    const r = sequenceRatioWithin(a, b, opts);
    if (r !== undefined) return { similarity: r, unit: 'char' };
  }
  const maxLines = o.maxChangeLines ?? 5_000;
  const r = sequenceRatioWithin(a.split('\n').slice(0, maxLines), b.split('\n').slice(0, maxLines), opts);
  return r === undefined ? { similarity: 0, unit: 'over-budget' } : { similarity: r, unit: 'line' };
}

/**
 * Score a predicted patch against the gold one: the mean, over the union of file paths, of each
 * file's ratio (0 for a file on one side only), as SWE-RL averages over files.
 */
export function comparePatches(predicted: Map<string, string>, gold: Map<string, string>, o: CompareOptions = {}): { score: number; files: FileSimilarity[] } {
  const paths = [...new Set([...gold.keys(), ...predicted.keys()])].sort();
  const files: FileSimilarity[] = paths.map((path) => {
    const p = predicted.get(path);
    const g = gold.get(path);
    if (p === undefined) return { path, similarity: 0, unit: 'char', only: 'gold' };
    if (g === undefined) return { path, similarity: 0, unit: 'char', only: 'predicted' };
    return { path, ...fileRatio(p, g, o) };
  });
  const score = files.length ? files.reduce((s, f) => s + f.similarity, 0) / files.length : 0;
  return { score, files };
}
