/**
 * `emoji.is_emoji(ch)` for one code point, as IFBench's `format:emoji` calls it: true when the
 * character alone is a key of the emoji package's EMOJI_DATA (emoji 2.14.1, data/ifeval/emoji.json;
 * the reference run's emoji 2.2.0 lacks seven Unicode 15/16 emoji, none of which occur in the corpus).
 */
import { lazy, loadData } from './data.js';

const ranges = lazy(() => loadData<{ ranges: [number, number][] }>('emoji.json').ranges);

/** Whether the single code point `cp` is an emoji by itself. */
export function isEmojiCp(cp: number): boolean {
  const r = ranges();
  let lo = 0;
  let hi = r.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = r[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** `emoji.is_emoji(s)` for a string of one code point (false for anything else). */
export function isEmojiChar(s: string | undefined): boolean {
  if (s === undefined) return false;
  const cp = s.codePointAt(0);
  return cp !== undefined && s.length === (cp > 0xffff ? 2 : 1) && isEmojiCp(cp);
}
