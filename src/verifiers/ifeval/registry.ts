/**
 * The instruction registry: every IFEval (25) and IFBench (58) instruction id, one file each under
 * instructions/, looked up by id.
 */
import type { InstructionSpec } from './instruction.js';
import { instruction as ifevalChangeCaseCapitalWordFrequency } from './instructions/ifeval/change-case-capital-word-frequency.js';
import { instruction as ifevalChangeCaseEnglishCapital } from './instructions/ifeval/change-case-english-capital.js';
import { instruction as ifevalChangeCaseEnglishLowercase } from './instructions/ifeval/change-case-english-lowercase.js';
import { instruction as ifevalCombinationRepeatPrompt } from './instructions/ifeval/combination-repeat-prompt.js';
import { instruction as ifevalCombinationTwoResponses } from './instructions/ifeval/combination-two-responses.js';
import { instruction as ifevalDetectableContentNumberPlaceholders } from './instructions/ifeval/detectable-content-number-placeholders.js';
import { instruction as ifevalDetectableContentPostscript } from './instructions/ifeval/detectable-content-postscript.js';
import { instruction as ifevalDetectableFormatConstrainedResponse } from './instructions/ifeval/detectable-format-constrained-response.js';
import { instruction as ifevalDetectableFormatJsonFormat } from './instructions/ifeval/detectable-format-json-format.js';
import { instruction as ifevalDetectableFormatMultipleSections } from './instructions/ifeval/detectable-format-multiple-sections.js';
import { instruction as ifevalDetectableFormatNumberBulletLists } from './instructions/ifeval/detectable-format-number-bullet-lists.js';
import { instruction as ifevalDetectableFormatNumberHighlightedSections } from './instructions/ifeval/detectable-format-number-highlighted-sections.js';
import { instruction as ifevalDetectableFormatTitle } from './instructions/ifeval/detectable-format-title.js';
import { instruction as ifevalKeywordsExistence } from './instructions/ifeval/keywords-existence.js';
import { instruction as ifevalKeywordsForbiddenWords } from './instructions/ifeval/keywords-forbidden-words.js';
import { instruction as ifevalKeywordsFrequency } from './instructions/ifeval/keywords-frequency.js';
import { instruction as ifevalKeywordsLetterFrequency } from './instructions/ifeval/keywords-letter-frequency.js';
import { instruction as ifevalLanguageResponseLanguage } from './instructions/ifeval/language-response-language.js';
import { instruction as ifevalLengthConstraintsNthParagraphFirstWord } from './instructions/ifeval/length-constraints-nth-paragraph-first-word.js';
import { instruction as ifevalLengthConstraintsNumberParagraphs } from './instructions/ifeval/length-constraints-number-paragraphs.js';
import { instruction as ifevalLengthConstraintsNumberSentences } from './instructions/ifeval/length-constraints-number-sentences.js';
import { instruction as ifevalLengthConstraintsNumberWords } from './instructions/ifeval/length-constraints-number-words.js';
import { instruction as ifevalPunctuationNoComma } from './instructions/ifeval/punctuation-no-comma.js';
import { instruction as ifevalStartendEndChecker } from './instructions/ifeval/startend-end-checker.js';
import { instruction as ifevalStartendQuotation } from './instructions/ifeval/startend-quotation.js';
import { instruction as ifbenchCountConjunctions } from './instructions/ifbench/count-conjunctions.js';
import { instruction as ifbenchCountKeywordsMultiple } from './instructions/ifbench/count-keywords-multiple.js';
import { instruction as ifbenchCountNumbers } from './instructions/ifbench/count-numbers.js';
import { instruction as ifbenchCountPersonNames } from './instructions/ifbench/count-person-names.js';
import { instruction as ifbenchCountPronouns } from './instructions/ifbench/count-pronouns.js';
import { instruction as ifbenchCountPunctuation } from './instructions/ifbench/count-punctuation.js';
import { instruction as ifbenchCountUniqueWordCount } from './instructions/ifbench/count-unique-word-count.js';
import { instruction as ifbenchCountWordCountRange } from './instructions/ifbench/count-word-count-range.js';
import { instruction as ifbenchCountWordsJapanese } from './instructions/ifbench/count-words-japanese.js';
import { instruction as ifbenchCustomCharacterReverse } from './instructions/ifbench/custom-character-reverse.js';
import { instruction as ifbenchCustomCsvCity } from './instructions/ifbench/custom-csv-city.js';
import { instruction as ifbenchCustomCsvQuotes } from './instructions/ifbench/custom-csv-quotes.js';
import { instruction as ifbenchCustomCsvSpecialCharacter } from './instructions/ifbench/custom-csv-special-character.js';
import { instruction as ifbenchCustomDateFormatList } from './instructions/ifbench/custom-date-format-list.js';
import { instruction as ifbenchCustomEuropeanCapitalsSort } from './instructions/ifbench/custom-european-capitals-sort.js';
import { instruction as ifbenchCustomMcqCountLength } from './instructions/ifbench/custom-mcq-count-length.js';
import { instruction as ifbenchCustomMultiples } from './instructions/ifbench/custom-multiples.js';
import { instruction as ifbenchCustomReverseNewline } from './instructions/ifbench/custom-reverse-newline.js';
import { instruction as ifbenchCustomSentenceAlphabet } from './instructions/ifbench/custom-sentence-alphabet.js';
import { instruction as ifbenchCustomWordReverse } from './instructions/ifbench/custom-word-reverse.js';
import { instruction as ifbenchFormatEmoji } from './instructions/ifbench/format-emoji.js';
import { instruction as ifbenchFormatLineIndent } from './instructions/ifbench/format-line-indent.js';
import { instruction as ifbenchFormatList } from './instructions/ifbench/format-list.js';
import { instruction as ifbenchFormatNewline } from './instructions/ifbench/format-newline.js';
import { instruction as ifbenchFormatNoBulletsBullets } from './instructions/ifbench/format-no-bullets-bullets.js';
import { instruction as ifbenchFormatNoWhitespace } from './instructions/ifbench/format-no-whitespace.js';
import { instruction as ifbenchFormatOptions } from './instructions/ifbench/format-options.js';
import { instruction as ifbenchFormatOutputTemplate } from './instructions/ifbench/format-output-template.js';
import { instruction as ifbenchFormatParentheses } from './instructions/ifbench/format-parentheses.js';
import { instruction as ifbenchFormatQuoteUnquote } from './instructions/ifbench/format-quote-unquote.js';
import { instruction as ifbenchFormatQuotes } from './instructions/ifbench/format-quotes.js';
import { instruction as ifbenchFormatSubBullets } from './instructions/ifbench/format-sub-bullets.js';
import { instruction as ifbenchFormatThesis } from './instructions/ifbench/format-thesis.js';
import { instruction as ifbenchFormatTitleCase } from './instructions/ifbench/format-title-case.js';
import { instruction as ifbenchRatioOverlap } from './instructions/ifbench/ratio-overlap.js';
import { instruction as ifbenchRatioSentenceBalance } from './instructions/ifbench/ratio-sentence-balance.js';
import { instruction as ifbenchRatioSentenceType } from './instructions/ifbench/ratio-sentence-type.js';
import { instruction as ifbenchRatioSentenceWords } from './instructions/ifbench/ratio-sentence-words.js';
import { instruction as ifbenchRatioStopWords } from './instructions/ifbench/ratio-stop-words.js';
import { instruction as ifbenchRepeatRepeatChange } from './instructions/ifbench/repeat-repeat-change.js';
import { instruction as ifbenchRepeatRepeatSimple } from './instructions/ifbench/repeat-repeat-simple.js';
import { instruction as ifbenchRepeatRepeatSpan } from './instructions/ifbench/repeat-repeat-span.js';
import { instruction as ifbenchSentenceAlliterationIncrement } from './instructions/ifbench/sentence-alliteration-increment.js';
import { instruction as ifbenchSentenceIncrement } from './instructions/ifbench/sentence-increment.js';
import { instruction as ifbenchSentenceKeyword } from './instructions/ifbench/sentence-keyword.js';
import { instruction as ifbenchWordsAlphabet } from './instructions/ifbench/words-alphabet.js';
import { instruction as ifbenchWordsConsonants } from './instructions/ifbench/words-consonants.js';
import { instruction as ifbenchWordsKeywordsSpecificPosition } from './instructions/ifbench/words-keywords-specific-position.js';
import { instruction as ifbenchWordsLastFirst } from './instructions/ifbench/words-last-first.js';
import { instruction as ifbenchWordsNoConsecutive } from './instructions/ifbench/words-no-consecutive.js';
import { instruction as ifbenchWordsOddEvenSyllables } from './instructions/ifbench/words-odd-even-syllables.js';
import { instruction as ifbenchWordsPalindrome } from './instructions/ifbench/words-palindrome.js';
import { instruction as ifbenchWordsParagraphLastFirst } from './instructions/ifbench/words-paragraph-last-first.js';
import { instruction as ifbenchWordsPrimeLengths } from './instructions/ifbench/words-prime-lengths.js';
import { instruction as ifbenchWordsRepeats } from './instructions/ifbench/words-repeats.js';
import { instruction as ifbenchWordsStartVerb } from './instructions/ifbench/words-start-verb.js';
import { instruction as ifbenchWordsVowel } from './instructions/ifbench/words-vowel.js';
import { instruction as ifbenchWordsWordsPosition } from './instructions/ifbench/words-words-position.js';

/** The 25 IFEval instructions (google-research instruction_following_eval). */
export const IFEVAL_INSTRUCTIONS: readonly InstructionSpec[] = [
  ifevalChangeCaseCapitalWordFrequency,
  ifevalChangeCaseEnglishCapital,
  ifevalChangeCaseEnglishLowercase,
  ifevalCombinationRepeatPrompt,
  ifevalCombinationTwoResponses,
  ifevalDetectableContentNumberPlaceholders,
  ifevalDetectableContentPostscript,
  ifevalDetectableFormatConstrainedResponse,
  ifevalDetectableFormatJsonFormat,
  ifevalDetectableFormatMultipleSections,
  ifevalDetectableFormatNumberBulletLists,
  ifevalDetectableFormatNumberHighlightedSections,
  ifevalDetectableFormatTitle,
  ifevalKeywordsExistence,
  ifevalKeywordsForbiddenWords,
  ifevalKeywordsFrequency,
  ifevalKeywordsLetterFrequency,
  ifevalLanguageResponseLanguage,
  ifevalLengthConstraintsNthParagraphFirstWord,
  ifevalLengthConstraintsNumberParagraphs,
  ifevalLengthConstraintsNumberSentences,
  ifevalLengthConstraintsNumberWords,
  ifevalPunctuationNoComma,
  ifevalStartendEndChecker,
  ifevalStartendQuotation,
];

/** The 58 IFBench instructions (allenai/IFBench) beyond IFEval's. */
export const IFBENCH_INSTRUCTIONS: readonly InstructionSpec[] = [
  ifbenchCountConjunctions,
  ifbenchCountKeywordsMultiple,
  ifbenchCountNumbers,
  ifbenchCountPersonNames,
  ifbenchCountPronouns,
  ifbenchCountPunctuation,
  ifbenchCountUniqueWordCount,
  ifbenchCountWordCountRange,
  ifbenchCountWordsJapanese,
  ifbenchCustomCharacterReverse,
  ifbenchCustomCsvCity,
  ifbenchCustomCsvQuotes,
  ifbenchCustomCsvSpecialCharacter,
  ifbenchCustomDateFormatList,
  ifbenchCustomEuropeanCapitalsSort,
  ifbenchCustomMcqCountLength,
  ifbenchCustomMultiples,
  ifbenchCustomReverseNewline,
  ifbenchCustomSentenceAlphabet,
  ifbenchCustomWordReverse,
  ifbenchFormatEmoji,
  ifbenchFormatLineIndent,
  ifbenchFormatList,
  ifbenchFormatNewline,
  ifbenchFormatNoBulletsBullets,
  ifbenchFormatNoWhitespace,
  ifbenchFormatOptions,
  ifbenchFormatOutputTemplate,
  ifbenchFormatParentheses,
  ifbenchFormatQuoteUnquote,
  ifbenchFormatQuotes,
  ifbenchFormatSubBullets,
  ifbenchFormatThesis,
  ifbenchFormatTitleCase,
  ifbenchRatioOverlap,
  ifbenchRatioSentenceBalance,
  ifbenchRatioSentenceType,
  ifbenchRatioSentenceWords,
  ifbenchRatioStopWords,
  ifbenchRepeatRepeatChange,
  ifbenchRepeatRepeatSimple,
  ifbenchRepeatRepeatSpan,
  ifbenchSentenceAlliterationIncrement,
  ifbenchSentenceIncrement,
  ifbenchSentenceKeyword,
  ifbenchWordsAlphabet,
  ifbenchWordsConsonants,
  ifbenchWordsKeywordsSpecificPosition,
  ifbenchWordsLastFirst,
  ifbenchWordsNoConsecutive,
  ifbenchWordsOddEvenSyllables,
  ifbenchWordsPalindrome,
  ifbenchWordsParagraphLastFirst,
  ifbenchWordsPrimeLengths,
  ifbenchWordsRepeats,
  ifbenchWordsStartVerb,
  ifbenchWordsVowel,
  ifbenchWordsWordsPosition,
];

const byId = new Map<string, InstructionSpec>([...IFEVAL_INSTRUCTIONS, ...IFBENCH_INSTRUCTIONS].map((s) => [s.id, s]));

/** The instruction with this id, or undefined. */
export function getInstruction(id: string): InstructionSpec | undefined {
  return byId.get(id);
}

/** Every supported instruction id (IFEval's first, then IFBench's). */
export function instructionIds(): string[] {
  return [...byId.keys()];
}
