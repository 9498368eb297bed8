/**
 * Parsing for the `patch` verifier: a unified diff (with the `diff` package's `parsePatch`) or
 * SEARCH/REPLACE blocks (each turned into hunks with the same package's `structuredPatch`) become
 * one list of hunks per file, each hunk a list of lines prefixed with ` `, `-` or `+`.
 */
import { parsePatch, structuredPatch } from 'diff';
import type { SearchReplaceBlock } from './extract.js';

/** Hunks per file path (paths without `a/` / `b/` prefixes). */
export type FileEdits = Map<string, string[][]>;

/** A parse failure: the text is not a patch the library can read. */
export class PatchFormatError extends Error {
  override name = 'PatchFormatError';
}

/** A path as written in a diff header, without the `a/` / `b/` prefix, `./`, or a trailing timestamp. */
export function normalizePath(p: string | undefined): string | undefined {
  if (p === undefined) return undefined;
  let s = p.trim().split('\t')[0]!.trim();
  if (s === '/dev/null' || s === '') return undefined;
  if (/^[ab]\//.test(s)) s = s.slice(2);
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@(.*)$/;
const FILE_BOUNDARY = /^(?:diff --git |Index: |@@ )/;

/**
 * Recount the line numbers of every `@@` header from the lines that follow it (models often get
 * them wrong, and the rest of such a diff is perfectly readable). Blank lines inside a hunk count
 * as context; blank lines at its end do not.
 */
export function repairHunkCounts(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = HUNK_HEADER.exec(lines[i]!.replace(/\r$/, ''));
    if (!m) {
      out.push(lines[i]!);
      continue;
    }
    let end = i + 1;
    let last = i;
    let oldN = 0;
    let newN = 0;
    let pendingBlank = 0;
    for (; end < lines.length; end++) {
      const l = lines[end]!.replace(/\r$/, '');
      if (FILE_BOUNDARY.test(l)) break;
      // `--- x` then `+++ y` is the next file's header, not a removed line `-- x`.
      if (l.startsWith('--- ') && lines[end + 1]?.startsWith('+++ ')) break;
      if (l === '') {
        pendingBlank++;
        continue;
      }
      const c = l[0];
      if (c !== ' ' && c !== '-' && c !== '+' && c !== '\\') break;
      oldN += pendingBlank;
      newN += pendingBlank;
      pendingBlank = 0;
      if (c === ' ') {
        oldN++;
        newN++;
      } else if (c === '-') oldN++;
      else if (c === '+') newN++;
      last = end;
    }
    out.push(`@@ -${m[1]},${oldN} +${m[2]},${newN} @@${m[3]}`);
    for (let k = i + 1; k <= last; k++) out.push(lines[k]!.replace(/\r$/, '') === '' ? ' ' : lines[k]!);
    i = last;
  }
  return out.join('\n');
}

function addHunks(edits: FileEdits, path: string, hunks: string[][]): void {
  const kept = hunks.filter((h) => h.some((l) => l[0] === '+' || l[0] === '-'));
  if (!kept.length) return;
  const list = edits.get(path);
  if (list) list.push(...kept);
  else edits.set(path, kept);
}

/**
 * Parse a unified diff into hunks per file. Throws {@link PatchFormatError} when the library
 * rejects it even after {@link repairHunkCounts}, or when it holds no file header.
 */
export function parseUnifiedDiff(text: string): { edits: FileEdits; repaired: boolean } {
  let parsed;
  let repaired = false;
  try {
    parsed = parsePatch(text);
  } catch {
    try {
      parsed = parsePatch(repairHunkCounts(text));
      repaired = true;
    } catch (err) {
      throw new PatchFormatError(`unparseable diff: ${(err as Error).message}`);
    }
  }
  const edits: FileEdits = new Map();
  let sawHunks = false;
  for (const file of parsed) {
    if (!file.hunks.length) continue;
    sawHunks = true;
    const path = normalizePath(file.newFileName) ?? normalizePath(file.oldFileName);
    if (path === undefined) throw new PatchFormatError('a diff hunk has no file header (--- / +++)');
    addHunks(edits, path, file.hunks.map((h) => h.lines));
  }
  if (!sawHunks && !/^@@ /m.test(text)) throw new PatchFormatError('no hunk (@@ ... @@) in the diff');
  return { edits, repaired };
}

/** Hunks of SEARCH/REPLACE blocks: each block is diffed search -> replace with 3 context lines. */
export function parseSearchReplace(blocks: readonly SearchReplaceBlock[]): FileEdits {
  const edits: FileEdits = new Map();
  for (const b of blocks) {
    const path = normalizePath(b.path) ?? b.path;
    if (b.search === b.replace) continue;
    const p = structuredPatch('', '', b.search + '\n', b.replace + '\n', '', '', { context: 3 });
    addHunks(edits, path, p.hunks.map((h) => h.lines));
  }
  return edits;
}
