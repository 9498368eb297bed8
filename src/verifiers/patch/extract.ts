/**
 * Extraction for the `patch` verifier: find the edit a response proposes. Untrusted text in,
 * plain strings out; nothing here is executed or applied to a file system.
 *
 * Order: the last `<solution>...</solution>` region if present (SWE-RL's output format), then
 * SEARCH/REPLACE edit blocks (Agentless: `### path` then `<<<<<<< SEARCH` / `=======` /
 * `>>>>>>> REPLACE`), then fenced ```` ```diff ```` / ```` ```patch ```` blocks, then a bare
 * unified diff starting at the first `diff --git`, `--- ` or `Index: ` line.
 */

import { fencedDiffContents, searchReplaceBlocks, solutionContents } from './blocks.js';

/** One SEARCH/REPLACE edit block. */
export interface SearchReplaceBlock {
  path: string;
  search: string;
  replace: string;
}

/** What was found in a response. */
export type PatchExtraction =
  | { kind: 'diff'; text: string; rule: 'fenced' | 'bare' }
  | { kind: 'search-replace'; blocks: SearchReplaceBlock[] }
  | { kind: 'empty' }
  | { kind: 'none' };

const BARE_START = /^(?:diff --git |--- \S|Index: \S)/m;

/** The region of a response to read: the inside of the last `<solution>` block, else all of it. */
export function solutionRegion(response: string): string {
  return solutionContents(response).at(-1) ?? response;
}

/** SEARCH/REPLACE blocks in `text`, in order. */
export function extractSearchReplace(text: string): SearchReplaceBlock[] {
  return searchReplaceBlocks(text);
}

/** Find the proposed edit in a response (see the module doc for the order of the rules). */
export function extractPatch(response: string): PatchExtraction {
  if (response.trim() === '') return { kind: 'empty' };
  const region = solutionRegion(response);
  if (region.trim() === '') return { kind: 'empty' };
  const blocks = extractSearchReplace(region);
  if (blocks.length) return { kind: 'search-replace', blocks };
  const fenced = fencedDiffContents(region);
  if (fenced.length) {
    const text = fenced.join('\n');
    return text.trim() === '' ? { kind: 'empty' } : { kind: 'diff', text, rule: 'fenced' };
  }
  const start = BARE_START.exec(region);
  if (start) {
    // A diff inside an unlabelled fence ends at the closing fence.
    const rest = region.slice(start.index);
    const fence = /^```[ \t]*$/m.exec(rest);
    return { kind: 'diff', text: fence ? rest.slice(0, fence.index) : rest, rule: 'bare' };
  }
  return { kind: 'none' };
}
