/**
 * Render a dataset record into a prompt with a template, and say how its response will be
 * verified: the output carries the verifier, the reference in that verifier's shape, and the
 * template name (the format the response must follow).
 */
import { mcqGoldLetter, mcqOptions, questionOf, recordKind, type DatasetRecord } from '../core/records.js';
import { mcqToOpenEnded } from './convert.js';
import { fillTemplate, type Template } from './template.js';

/** One rendered record: the `rewards render` output line. */
export interface RenderedPrompt {
  id?: unknown;
  prompt: string;
  verifier: string;
  reference: unknown;
  /** Template name: the declared answer format (`rewards score --format-gate` checks it). */
  format: string;
  kind: string;
  domain?: unknown;
  data_source?: unknown;
}

/** Lettered option lines: `A) text`. */
export function formatOptions(letters: readonly string[], texts: readonly string[]): string {
  return texts.map((t, k) => `${letters[k]}) ${t}`).join('\n');
}

/** The record's string and number fields that `template` has placeholders for, as strings. */
function scalarFields(r: DatasetRecord, template: Template): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of template.placeholders) {
    if (!Object.hasOwn(r, k)) continue;
    const v = r[k];
    if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  }
  return out;
}

/**
 * Render `record` with `template`. An MCQ record rendered with an open-ended template is converted
 * first (CrossThink MCQ -> open-ended). Throws with the problem when the record does not fit.
 */
export function renderRecord(record: DatasetRecord, template: Template): RenderedPrompt {
  let r = record;
  let kind = recordKind(r);
  if (template.kind === 'open-ended' && kind === 'mcq') {
    const converted = mcqToOpenEnded(r);
    if (!converted.ok) throw new Error(converted.reason);
    r = converted.record;
    kind = 'open-ended';
  }
  if (template.kind !== kind) throw new Error(`template "${template.name}" renders ${template.kind} records, this one is ${kind}`);
  const values = scalarFields(r, template);
  const question = questionOf(r);
  if (question !== undefined) values.question = question;
  let reference: unknown;
  if (kind === 'mcq') {
    const opts = mcqOptions(r);
    if (!opts) throw new Error('options are missing or malformed');
    const answer = mcqGoldLetter(r);
    if (answer === undefined) throw new Error(`answer ${JSON.stringify(r.answer ?? r.gold)} is not a letter or an option index`);
    if (!opts.letters.includes(answer)) throw new Error(`mcq-gold-in-options: gold letter ${answer} is not among the options ${opts.letters.join('')}`);
    values.options = formatOptions(opts.letters, opts.texts);
    values.letters = opts.letters.join('');
    reference = { answer, letters: opts.letters.join(''), choices: opts.texts };
  } else if (kind === 'open-ended') {
    reference = r.answer ?? r.gold;
    if (reference === undefined) throw new Error('answer is required');
  } else if (kind === 'code') {
    reference = r.reference;
    const lang = (r.reference as { language?: string } | undefined)?.language;
    if (lang) values.language ??= lang;
  } else {
    reference = { prompt: r.prompt, instruction_id_list: r.instruction_id_list, kwargs: r.kwargs };
  }
  const out: RenderedPrompt = { prompt: fillTemplate(template, values), verifier: template.verifier, reference, format: template.name, kind };
  if (r.id !== undefined) out.id = r.id;
  if (r.domain !== undefined) out.domain = r.domain;
  if (r.data_source !== undefined) out.data_source = r.data_source;
  return out;
}

