/** The linear math-span scanner finds exactly the spans of the reference expressions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MATH_SPAN_RE, mathSpans, type Span } from '../../src/verifiers/math/spans.js';

function reference(text: string, single: boolean): Span[] {
  const spans: Span[] = [];
  const re = new RegExp(single ? MATH_SPAN_RE.singleLine : MATH_SPAN_RE.multiLine);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const content = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    let end = m.index + m[0].length;
    let c = content;
    const pct = /^\s*(?:\\?%|percent(?:age)?\b|pct\b)/i.exec(text.slice(end));
    if (pct) {
      c = `${content}\\%`;
      end += pct[0].length;
    }
    if (c.trim()) spans.push({ start: m.index, end, content: c });
  }
  return spans;
}

describe('mathSpans', () => {
  const piece = fc.constantFrom('$', '$$', '\\', '\\[', '\\]', '\\(', '\\)', '\n', 'x', '1', ' ', '%', 'percent', '\\$');
  it('gives the matches of the reference expressions on generated text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), fc.boolean(), (parts, single) => {
        const text = parts.join('');
        expect(mathSpans(text, single)).toEqual(reference(text, single));
      }),
      { numRuns: 20_000 },
    );
  });
});
