import { describe, expect, it } from 'vitest';
import { isSpace, isWordChar, lowerCode } from '../../src/verifiers/mcq/chars.js';

describe('character classes of the hand-written walks', () => {
  it('agree with \\s and \\w of a regular expression on every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isSpace(c) !== /\s/.test(ch) || isWordChar(c) !== /\w/.test(ch)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('lower-case exactly the ASCII and Latin-1 letters a case-insensitive expression folds', () => {
    for (let c = 0; c < 256; c++) {
      const lower = lowerCode(c);
      // A case-insensitive expression (no u flag, as the cue patterns) for the lower-case form matches the character.
      expect(new RegExp(`^\\x${lower.toString(16).padStart(2, '0')}$`, 'i').test(String.fromCharCode(c))).toBe(true);
      if (lower !== c) expect(String.fromCharCode(c).toLowerCase()).toBe(String.fromCharCode(lower));
    }
  });
});
