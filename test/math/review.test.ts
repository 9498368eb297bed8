/**
 * The mathverify_cases rows marked `review` (doubtful expectations): the verdict we give and why.
 */
import { describe, expect, it } from 'vitest';
import { verifyMath } from '../../src/verifiers/math/index.js';
import { corpus } from './corpus.js';
import { REVIEWED } from './review.js';

const rows = corpus<{ gold: string; pred: string; expected: boolean; review?: string }>('mathverify_cases.jsonl');

describe('mathverify_cases rows with a review note', () => {
  it('lists every reviewed row', () => {
    const marked = rows.flatMap((d, i) => (d.review ? [i] : []));
    expect(marked.sort((a, b) => a - b)).toEqual(Object.keys(REVIEWED).map(Number).sort((a, b) => a - b));
  });

  for (const [index, { expected, reason }] of Object.entries(REVIEWED)) {
    const d = rows[Number(index)]!;
    it(`#${index} is ${expected} (recorded ${d.expected}): ${reason}`, () => {
      expect(verifyMath(d.pred, d.gold).pass).toBe(expected);
    });
  }

  it('a real \\text{13} (what #191 meant to test) equals 13', () => {
    expect(verifyMath('$13$', '$\\text{13}$').pass).toBe(true);
  });
});
