/**
 * The `mcq` verifier: which option letter did the response commit to, and is it the gold one?
 * Pipeline: extract (`extract.ts`) -> parse the reference -> compare letters -> Verdict.
 */
import { InputError, failVerdict, passVerdict, type Verdict } from '../../core/verdict.js';
import type { Verifier } from '../../core/verifier.js';
import type { FormatSpec } from '../../core/format.js';
import { resolveFormat } from '../../templates/format-of.js';
import { typeName } from '../../core/run-one.js';
import { extractMcqLetter } from './extract.js';
import { normalizeLetters } from './letters.js';

export { extractMcqLetter, answerRegion, type McqExtraction, type McqExtractOptions, type McqNoLetterReason } from './extract.js';
export { DEFAULT_LETTERS, foldText, normalizeLetters, toLatinLetter } from './letters.js';

/** An MCQ reference as an object: the gold letter, the valid letters, and optionally the option texts. */
export interface McqReferenceObject {
  /** The gold letter (`"C"`, `"(c)"`) or its 0-based index. */
  answer: string | number;
  /** Valid option letters (default `"ABCDEFGHIJ"`). */
  letters?: string;
  /** Option texts in letter order: a response that answers with the option's text counts. */
  choices?: string[];
}

/** The `mcq` reference: a gold letter, or a {@link McqReferenceObject}. */
export type McqReference = string | McqReferenceObject;

/** Options of the `mcq` verifier. */
export interface McqOptions {
  /** Valid letters when the reference does not say (default A to J). */
  letters?: string;
  /** Declared answer format (a template name or spec): its form is read first. */
  format?: FormatSpec | string;
}

/** A reference checked and normalised. */
export interface ParsedMcqReference {
  answer: string;
  letters: string;
  choices?: string[];
}

/** Check an MCQ reference; throws {@link InputError} naming the field that is wrong. */
export function parseMcqReference(reference: unknown, defaultLetters?: string): ParsedMcqReference {
  const obj: McqReferenceObject =
    typeof reference === 'string' ? { answer: reference } : (reference as McqReferenceObject);
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new InputError(`mcq reference must be a letter or {answer, letters?, choices?}, got ${typeName(reference)}`);
  }
  let letters: string;
  try {
    letters = normalizeLetters(obj.letters ?? defaultLetters);
  } catch (err) {
    throw new InputError(`mcq reference.letters: ${(err as Error).message}`);
  }
  let choices: string[] | undefined;
  if (obj.choices !== undefined) {
    if (!Array.isArray(obj.choices) || !obj.choices.every((c) => typeof c === 'string')) {
      throw new InputError('mcq reference.choices must be an array of strings');
    }
    if (obj.choices.length > letters.length) {
      throw new InputError(`mcq reference.choices has ${obj.choices.length} options but only ${letters.length} letters`);
    }
    choices = obj.choices;
  }
  let answer: string | undefined;
  if (typeof obj.answer === 'number' && Number.isInteger(obj.answer) && obj.answer >= 0) answer = letters[obj.answer];
  else if (typeof obj.answer === 'string') answer = /^\s*\(?([A-Za-z])\)?\s*$/.exec(obj.answer)?.[1]?.toUpperCase();
  if (answer === undefined) throw new InputError(`mcq reference.answer must be a letter or an index, got ${JSON.stringify(obj.answer)}`);
  if (!letters.includes(answer)) throw new InputError(`mcq reference.answer "${answer}" is not one of the letters ${letters}`);
  return choices ? { answer, letters, choices } : { answer, letters };
}

/** Compare the extracted letter with the gold one. */
export function verifyMcq(response: string, reference: unknown, opts: McqOptions = {}): Verdict {
  const ref = parseMcqReference(reference, opts.letters);
  const format = opts.format === undefined ? undefined : resolveFormat(opts.format);
  const got = extractMcqLetter(response, { letters: ref.letters, ...(format && { format }), ...(ref.choices && { choices: ref.choices }) });
  const details = { rule: got.rule ?? null };
  if (!got.letter) return failVerdict(got.reason ?? 'no-answer', { details });
  if (got.letter === ref.answer) return passVerdict({ extracted: got.letter, details });
  return failVerdict('not-equivalent', { extracted: got.letter, details });
}

/** The `mcq` verifier (registry name `mcq`). */
export const verifier: Verifier<McqReference, McqOptions> = {
  name: 'mcq',
  defaultTimeoutMs: 2_000,
  async verify(response, reference, opts) {
    return verifyMcq(response, reference, opts);
  },
};
