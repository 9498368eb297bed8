/**
 * Where a new conversation turn starts inside a response, found in one linear pass: the same
 * match start as {@link TURN_BREAK_RE} (tested against it), without the expression's `\s*` after
 * the blank lines, which a long run of newlines makes quadratic (every newline of the run is a
 * start the expression tries, and each try walks the rest of the run).
 */
import { isSpace } from './chars.js';

/** What may follow the blank lines of a turn break (it never starts with whitespace). */
const TURN_HEAD_RE = /(?:answer\s*:|==+\s*\w|#+\s*(?:response|question|answer)\b|question\s*:|q\s*:|human\s*:|user\s*:|assistant\s*:)/iy;
/** An end-of-sequence token written out as text. */
const EOS_RE = /<(?:EOS_TOKEN>|\|endoftext\|>|\|im_end\|>|\|eot_id\|>|\/s>)/i;

/**
 * Index where a turn break starts (two blank lines then `Answer:`, `Question:`, `Human:`, ...,
 * or an end-of-sequence token), or -1. Each character is visited a bounded number of times.
 */
export function findTurnBreak(text: string): number {
  const eos = text.search(EOS_RE);
  const limit = eos < 0 ? text.length : eos;
  let i = text.indexOf('\n');
  while (i >= 0 && i < limit) {
    // walk the whitespace run from this newline, noting the first three newlines in a row
    // (only spaces and tabs between them)
    let chainStart = -1;
    let chain = 0;
    let triple = -1;
    let j = i;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 10) {
        if (chain === 0) chainStart = j;
        chain += 1;
        if (chain === 3 && triple < 0) triple = chainStart;
      } else if (c !== 32 && c !== 9) {
        if (!isSpace(c)) break;
        chain = 0;
      }
    }
    if (triple >= 0 && triple < limit) {
      TURN_HEAD_RE.lastIndex = j;
      if (TURN_HEAD_RE.test(text)) return triple;
    }
    i = text.indexOf('\n', j);
  }
  return eos;
}
