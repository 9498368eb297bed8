/** words:alphabet — each word starts with the letter after the previous word's, wrapping z -> a. */
import { defineInstruction } from '../../instruction.js';
import { ASCII_LOWERCASE, PUNCTUATION, PUNCTUATION_SPACE, codePoints, pyStrip, removeChars, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'words:alphabet',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const value = removeChars(t.text, PUNCTUATION);
    const words = splitWhitespace(pyStrip(value, PUNCTUATION_SPACE));
    if (words.length === 0) return false;
    let letter = codePoints(words[0]!)[0]!.toLowerCase();
    // `letter not in ascii_lowercase` is a substring test in the reference.
    if (!ASCII_LOWERCASE.includes(letter)) return false;
    for (const raw of words.slice(1)) {
      const word = pyStrip(raw, PUNCTUATION_SPACE).toLowerCase();
      if (word === '') continue;
      letter = ASCII_LOWERCASE[(ASCII_LOWERCASE.indexOf(letter) + 1) % 26]!;
      if (codePoints(word)[0] !== letter) return false;
    }
    return true;
  },
});
