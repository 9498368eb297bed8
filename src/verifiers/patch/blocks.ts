/**
 * The block syntaxes of a patch response, read in linear time. Each function returns exactly
 * what the regular expression in its comment matches with `matchAll` (tested against it, property
 * `test/patch/blocks.test.ts`), without its backtracking: with many openings and no closing, the
 * expressions rescanned the rest of the response once per opening (quadratic; the SEARCH/REPLACE
 * one worse), so a 20 KB response of ```` ```diff ```` lines took 1.5 s.
 *
 * Line starts and ends follow the expressions' `m` flag: a line ends at `\n`, `\r`, U+2028 or
 * U+2029.
 */

import type { SearchReplaceBlock } from './extract.js';

const isTerminator = (c: string | undefined): boolean => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
const atLineStart = (text: string, i: number): boolean => i === 0 || isTerminator(text[i - 1]);
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Index after a run of spaces and tabs starting at `i`. */
function skipBlanks(text: string, i: number): number {
  while (isBlank(text[i])) i++;
  return i;
}

/** Index after `\r?\n` at `i`, or -1. */
function newlineAt(text: string, i: number): number {
  if (text[i] === '\n') return i + 1;
  return text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : -1;
}

/** Where content ends before a marker at `m`: the earliest of m-2, m-1, m that `\r?\n?` bridges, not before `from`. */
function contentEnd(text: string, m: number, from: number): number {
  if (m - 2 >= from && text[m - 2] === '\r' && text[m - 1] === '\n') return m - 2;
  if (m - 1 >= from && (text[m - 1] === '\r' || text[m - 1] === '\n')) return m - 1;
  return m;
}

/**
 * The contents of `<solution>...</solution>` regions, in order: `/<solution>([\s\S]*?)<\/solution>/g`.
 */
export function solutionContents(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const open = text.indexOf('<solution>', pos);
    if (open < 0) return out;
    const close = text.indexOf('</solution>', open + 10);
    if (close < 0) return out; // no later opening has a closing either
    out.push(text.slice(open + 10, close));
    pos = close + 11;
  }
}

/** A line of three backticks and blanks only, at or after `from`: [its start, its end], or undefined. */
function closingFence(text: string, from: number): [number, number] | undefined {
  for (let q = text.indexOf('```', from); q >= 0; q = text.indexOf('```', q + 1)) {
    if (!atLineStart(text, q)) continue;
    const end = skipBlanks(text, q + 3);
    if (end === text.length || isTerminator(text[end])) return [q, end];
  }
  return undefined;
}

/** Index after an opening ```` ```diff ```` / `patch` / `udiff` line at `l` (its newline included), or -1. */
function diffOpening(text: string, l: number): number {
  let k = skipBlanks(text, l + 3);
  if (text.startsWith('diff', k)) k += 4;
  else if (text.startsWith('patch', k) || text.startsWith('udiff', k)) k += 5;
  else return -1;
  return newlineAt(text, skipBlanks(text, k));
}

/**
 * The contents of fenced diff blocks, in order:
 * `/^```[ \t]*(?:diff|patch|udiff)[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm`.
 */
export function fencedDiffContents(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (let l = text.indexOf('```', pos); l >= 0; l = text.indexOf('```', Math.max(pos, l + 1))) {
    if (!atLineStart(text, l)) continue;
    const c = diffOpening(text, l);
    if (c < 0) continue;
    const close = closingFence(text, c);
    if (!close) return out; // a later opening would need a closing after this one's
    out.push(text.slice(c, close[0]));
    pos = close[1];
  }
  return out;
}

/** Index after `>>>>>>> REPLACE` and blanks at `m` when a line ends there, else -1. */
function replaceMarkerEnd(text: string, m: number): number {
  const end = skipBlanks(text, m + 15);
  return end === text.length || isTerminator(text[end]) ? end : -1;
}

/** Index after `=======\r?\n` at `s`, or -1. */
function separatorEnd(text: string, s: number): number {
  return newlineAt(text, s + 7);
}

/** The header `### path` line (and an optional fence line) and `<<<<<<< SEARCH` line at `l`: [path, content start], or undefined. */
function searchHeader(text: string, l: number): [string, number] | undefined {
  const k = skipBlanks(text, l + 3);
  if (k === l + 3 || k >= text.length || /\s/.test(text[k]!)) return undefined;
  const nl = text.indexOf('\n', k);
  if (nl < 0) return undefined;
  let pe = nl;
  if (text[pe - 1] === '\r') pe--;
  while (pe > k && isBlank(text[pe - 1])) pe--;
  let pos = nl + 1;
  if (text.startsWith('```', pos)) {
    const fnl = text.indexOf('\n', pos);
    if (fnl < 0) return undefined;
    pos = fnl + 1;
  }
  if (!text.startsWith('<<<<<<< SEARCH', pos)) return undefined;
  const sc = newlineAt(text, pos + 14);
  return sc < 0 ? undefined : [text.slice(k, pe), sc];
}

/**
 * SEARCH/REPLACE blocks, in order:
 * `/^###[ \t]+(\S[^\n]*?)[ \t]*\r?\n(?:```[^\n]*\n)?<<<<<<< SEARCH\r?\n([\s\S]*?)\r?\n?=======\r?\n([\s\S]*?)\r?\n?>>>>>>> REPLACE[ \t]*$/gm`.
 */
export function searchReplaceBlocks(text: string): SearchReplaceBlock[] {
  const out: SearchReplaceBlock[] = [];
  // The last complete `>>>>>>> REPLACE` line: a block can end only at or before it.
  let lastMarker = -1;
  for (let m = text.lastIndexOf('>>>>>>> REPLACE'); m >= 0; m = m > 0 ? text.lastIndexOf('>>>>>>> REPLACE', m - 1) : -1) {
    if (replaceMarkerEnd(text, m) >= 0) {
      lastMarker = m;
      break;
    }
  }
  if (lastMarker < 0) return out;
  let pos = 0;
  for (let l = text.indexOf('###', pos); l >= 0; l = text.indexOf('###', Math.max(pos, l + 1))) {
    if (!atLineStart(text, l)) continue;
    const header = searchHeader(text, l);
    if (!header) continue;
    const [path, sc] = header;
    // The first separator with a complete REPLACE line after it; none means no later header has one either.
    let e = -1;
    let s = text.indexOf('=======', sc);
    for (; s >= 0 && s <= lastMarker; s = text.indexOf('=======', s + 1)) {
      e = separatorEnd(text, s);
      if (e >= 0) break;
    }
    if (s < 0 || e < 0 || e > lastMarker) return out;
    let m = text.indexOf('>>>>>>> REPLACE', e);
    let end = replaceMarkerEnd(text, m);
    while (end < 0) {
      m = text.indexOf('>>>>>>> REPLACE', m + 1);
      end = replaceMarkerEnd(text, m);
    }
    out.push({ path, search: text.slice(sc, contentEnd(text, s, sc)), replace: text.slice(e, contentEnd(text, m, e)) });
    pos = end;
  }
  return out;
}
