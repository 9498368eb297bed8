/**
 * CrossThink's conversion of a multiple-choice record to an open-ended one: drop the options and
 * make the gold option's text the answer. Questions that only make sense with their options
 * ("Which of the following...", "all of the above") are dropped, as the paper does.
 */
import { mcqGoldLetter, mcqOptions, questionOf, type DatasetRecord } from '../core/records.js';

/** Phrases that make a question depend on its options. */
const OPTION_DEPENDENT_QUESTION_RE =
  /\b(?:which|what)\s+(?:one\s+)?of\s+the\s+(?:following|these|options|choices|statements|above|below)\b|\bthe\s+following\s+(?:is|are|statements?|options?|choices?|best|most|would|could|can|does|do|has|have)\b|\b(?:all|none|any)\s+of\s+the\s+(?:above|following|options|choices)\b|\bamong\s+the\s+(?:following|options|choices|statements)\b|\b(?:options?|choices?)\s+\(?[A-J]\)?(?![a-z])|\bwhich\s+(?:statement|option|choice|answer)s?\b|\b(?:select|choose|pick)\s+(?:the|all|one|an?)\b|\b(?:listed|given)\s+(?:below|above)\b|\bfrom\s+the\s+(?:list|options|choices)\b|\btrue\s+or\s+false\b/i;

/** Gold option texts that only make sense next to the other options. */
const OPTION_DEPENDENT_ANSWER_RE =
  /^\s*(?:all|none|both|neither)\s+of\s+the\s+(?:above|following|options|choices)\b|^\s*(?:both|neither|all\s+but)\s+\(?[A-J]\)?\s+(?:and|nor|or)\s+\(?[A-J]\)?\b|^\s*\(?[A-J]\)?\s*(?:,|and|&)\s*\(?[A-J]\)?\s*$|^\s*(?:true|false)\s*,\s*(?:true|false)\s*$/i;

/** Why a question cannot be asked without its options, or undefined when it can. */
export function optionDependence(question: string, goldText?: string): string | undefined {
  const q = OPTION_DEPENDENT_QUESTION_RE.exec(question);
  if (q) return `the question refers to its options ("${q[0]}")`;
  if (goldText !== undefined && OPTION_DEPENDENT_ANSWER_RE.test(goldText)) return `the gold option "${goldText.trim()}" refers to the other options`;
  return undefined;
}

/** The result of converting one record. */
export type ConversionResult = { ok: true; record: DatasetRecord } | { ok: false; reason: string };

/**
 * Convert an MCQ record to an open-ended one. The new record keeps every other field, sets
 * `kind: "open-ended"` and `answer` to the gold option's text, and records where it came from in
 * `converted_from` (`{ kind: "mcq", answer: letter }`).
 */
export function mcqToOpenEnded(record: DatasetRecord): ConversionResult {
  const question = questionOf(record);
  if (question === undefined || !question.trim()) return { ok: false, reason: 'empty-question: no question text' };
  const opts = mcqOptions(record);
  if (!opts) return { ok: false, reason: 'not-mcq: options are missing or malformed' };
  const letter = mcqGoldLetter(record);
  const idx = letter === undefined ? -1 : opts.letters.indexOf(letter);
  if (idx < 0) return { ok: false, reason: `mcq-gold-in-options: gold ${JSON.stringify(record.answer ?? record.gold)} names no option` };
  const goldText = opts.texts[idx]!;
  const dependence = optionDependence(question, goldText);
  if (dependence) return { ok: false, reason: `option-dependent: ${dependence}` };
  const { options: _o, choices: _c, gold: _g, ...rest } = record;
  return { ok: true, record: { ...rest, kind: 'open-ended', answer: goldText.trim(), converted_from: { kind: 'mcq', answer: letter } } };
}
