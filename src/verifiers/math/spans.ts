/**
 * Math spans of a response (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`) found in one left-to-right
 * pass. The matches are those of the expressions kept below as {@link MATH_SPAN_RE} (the test suite
 * checks this on generated text), but an opener without a closer costs one search, not one per
 * later opener: expressions with a lazy `[\s\S]+?` walk to the end of the text from every unclosed
 * opener, which is quadratic in a response full of them.
 */

/** One span: where it starts and ends in the text, and its content (with a `\%` added for a percent after it). */
export interface Span {
  start: number;
  end: number;
  content: string;
}

/** The reference expressions: multi-line inline spans, and Math-Verify's single-line rule. */
export const MATH_SPAN_RE = {
  multiLine: /(?<!\\)\$\$([\s\S]+?)(?<!\\)\$\$|(?<!\\)\\\[([\s\S]+?)\\\]|(?<![\\\d])\$((?:\\\$|[^$])+?)(?<!\\)\$|(?<!\\)\\\(([\s\S]+?)\\\)/g,
  singleLine: /(?<!\\)\$\$([\s\S]+?)(?<!\\)\$\$|(?<!\\)\\\[([\s\S]+?)\\\]|(?<![\\\d])\$((?:\\\$|[^\n$])+?)(?<!\\)\$|(?<!\\)\\\(((?:[^\\\n]|\\(?!\)))+?)\\\)/g,
};

const PERCENT_RE = /\s*(?:\\?%|percent(?:age)?\b|pct\b)/iy;

/** The first `$` at or after `from` not preceded by a backslash, or -1. */
function unescapedDollar(text: string, from: number): number {
  for (let j = text.indexOf('$', from); j >= 0; j = text.indexOf('$', j + 1)) if (text.charCodeAt(j - 1) !== 92) return j;
  return -1;
}

/** The first `$$` at or after `from` whose first `$` is not preceded by a backslash, or -1. */
function unescapedDouble(text: string, from: number): number {
  for (let j = text.indexOf('$$', from); j >= 0; j = text.indexOf('$$', j + 1)) if (text.charCodeAt(j - 1) !== 92) return j;
  return -1;
}

/**
 * All math spans in order. `$$...$$` and `\[...\]` may span lines; `$...$` and `\(...\)` may not
 * when `inlineSingleLine` is set (Math-Verify's rule); a `$` right after a digit is currency.
 * With `keepLast`, at least the last `keepLast` spans are returned (older ones may be dropped).
 */
export function mathSpans(text: string, inlineSingleLine: boolean, keepLast = Infinity): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  // where each closer is known to be absent from (an opener after it cannot close: skip the search)
  let noDouble = n + 1;
  let noBracket = n + 1;
  let noParen = n + 1;
  let noSingle = n + 1;
  const push = (start: number, end: number, content: string): void => {
    let c = content;
    PERCENT_RE.lastIndex = end;
    const pct = PERCENT_RE.exec(text);
    if (pct) {
      c = `${content}\\%`;
      end += pct[0].length;
    }
    if (c.trim()) spans.push({ start, end, content: c });
    // only the last spans are wanted: drop the older ones in batches (linear overall)
    if (spans.length >= 2 * keepLast) spans.splice(0, spans.length - keepLast);
  };
  let i = 0;
  let nextDollar = -1;
  let nextSlash = -1;
  while (i < n) {
    // jump to the next `$` or `\` (nothing else can open a span)
    if (nextDollar < i) {
      const d = text.indexOf('$', i);
      nextDollar = d < 0 ? n : d;
    }
    if (nextSlash < i) {
      const d = text.indexOf('\\', i);
      nextSlash = d < 0 ? n : d;
    }
    i = Math.min(nextDollar, nextSlash);
    if (i >= n) break;
    const code = text.charCodeAt(i);
    const prevBackslash = text.charCodeAt(i - 1) === 92;
    if (code === 36 /* $ */ && !prevBackslash) {
      if (text.charCodeAt(i + 1) === 36 && i + 3 <= noDouble) {
        const j = unescapedDouble(text, i + 3);
        if (j >= 0) {
          push(i, j + 2, text.slice(i + 2, j));
          i = j + 2;
          continue;
        }
        noDouble = i + 3;
      }
      const prev = text.charCodeAt(i - 1);
      if (!(prev >= 48 && prev <= 57) && text.charCodeAt(i + 1) !== 36 && i + 2 <= noSingle) {
        const j = unescapedDollar(text, i + 2);
        if (j < 0) noSingle = i + 2;
        else if (!inlineSingleLine || !text.slice(i + 1, j).includes('\n')) {
          push(i, j + 1, text.slice(i + 1, j));
          i = j + 1;
          continue;
        }
      }
    } else if (code === 92 /* \ */ && !prevBackslash) {
      const next = text.charCodeAt(i + 1);
      if (next === 91 /* [ */ && i + 3 <= noBracket) {
        const j = text.indexOf('\\]', i + 3);
        if (j >= 0) {
          push(i, j + 2, text.slice(i + 2, j));
          i = j + 2;
          continue;
        }
        noBracket = i + 3;
      } else if (next === 40 /* ( */ && i + 3 <= noParen) {
        // single-line content may not hold a `\)` at all, so its closer is the first one (not at i + 2)
        const j = text.indexOf('\\)', inlineSingleLine ? i + 2 : i + 3);
        if (j < 0) noParen = i + 3;
        else if (!inlineSingleLine || (j > i + 2 && !text.slice(i + 2, j).includes('\n'))) {
          push(i, j + 2, text.slice(i + 2, j));
          i = j + 2;
          continue;
        }
      }
    }
    i += 1;
  }
  return spans;
}
