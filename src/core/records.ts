/**
 * Dataset records: what `rewards filter`, `rewards render` and presets read.
 *
 * ```
 * { "id"?: any, "domain"?: string, "kind"?: "mcq"|"open-ended"|"code"|"ifeval",
 *   "question": string,                      // also accepted: "problem"; IFEval records use "prompt"
 *   "options"?: string[] | {"A": "...", ...},  // MCQ only (also accepted: "choices")
 *   "answer"?: string | number,              // MCQ: gold letter or 0-based index; open-ended: gold answer
 *   "reference"?: object,                    // code: {language, tests | entry_point + tests | test_code}
 *   "solution"?: string,                     // code: a reference solution (checked by codeReferencePasses)
 *   "instruction_id_list"?: string[], "kwargs"?: object[] }   // IFEval
 * ```
 */
import type { RecordKind } from '../templates/template.js';
import { DEFAULT_LETTERS } from '../verifiers/mcq/letters.js';

export { DEFAULT_LETTERS };

/** A dataset record as read from JSONL (any extra fields are kept and passed through). */
export type DatasetRecord = Record<string, unknown>;


/** Which kind of record this is: the explicit `kind` field, else inferred from its fields. */
export function recordKind(r: DatasetRecord): RecordKind {
  const k = r.kind;
  if (k === 'mcq' || k === 'open-ended' || k === 'code' || k === 'ifeval') return k;
  if (Array.isArray(r.instruction_id_list)) return 'ifeval';
  if (r.options !== undefined || r.choices !== undefined) return 'mcq';
  const ref = r.reference;
  if (ref && typeof ref === 'object' && ('tests' in ref || 'test_code' in ref)) return 'code';
  return 'open-ended';
}

/** The question text (`question`, `problem`, or `prompt`), or undefined. */
export function questionOf(r: DatasetRecord): string | undefined {
  for (const key of ['question', 'problem', 'prompt']) {
    const v = r[key];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** An MCQ record's options as parallel letters and texts; undefined when absent or malformed. */
export function mcqOptions(r: DatasetRecord, letters = DEFAULT_LETTERS): { letters: string[]; texts: string[] } | undefined {
  const raw = r.options ?? r.choices;
  if (Array.isArray(raw)) {
    if (!raw.every((t) => typeof t === 'string') || raw.length > letters.length) return undefined;
    return { letters: [...letters.slice(0, raw.length)], texts: raw as string[] };
  }
  if (raw && typeof raw === 'object') {
    const entries = Object.entries(raw as Record<string, unknown>);
    if (!entries.every(([k, t]) => /^[A-Z]$/.test(k) && typeof t === 'string')) return undefined;
    return { letters: entries.map(([k]) => k), texts: entries.map(([, t]) => t as string) };
  }
  return undefined;
}

/**
 * An MCQ record's gold letter: the `answer` (or `gold`) field as a letter, or a 0-based index
 * into the options. Undefined when missing or not a letter/index.
 */
export function mcqGoldLetter(r: DatasetRecord, letters = DEFAULT_LETTERS): string | undefined {
  const a = r.answer ?? r.gold;
  if (typeof a === 'number' && Number.isInteger(a) && a >= 0) {
    const opts = mcqOptions(r, letters);
    return opts?.letters[a];
  }
  if (typeof a === 'string') {
    const t = a.trim().replace(/^\(([A-Za-z])\)$/, '$1');
    if (/^[A-Za-z]$/.test(t)) return t.toUpperCase();
  }
  return undefined;
}
