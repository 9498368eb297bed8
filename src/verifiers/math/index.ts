/**
 * The `math` verifier: extract the final answer of a response, read it (and the gold answer)
 * into expression trees, and decide equivalence. Worker threads import this module by URL.
 *
 * Pipeline: {@link extractAnswer} -> {@link readAnswer} (LaTeX parser) -> {@link anyEquivalent}.
 */
import type { Verifier } from '../../core/verifier.js';
import { InputError, Reasons, failVerdict, passVerdict, type Verdict } from '../../core/verdict.js';
import { type Answer, readAnswer, showAnswer, stripAnswer } from './answer.js';
import type { CompareContext } from './compare-expr.js';
import { anyEquivalent } from './equivalence.js';
import { DEFAULT_EXTRACTION, type Extraction, extractAnswer } from './extract.js';
import { type MathOptions, type ResolvedMathOptions, resolveOptions } from './options.js';
import { MAX_ANSWER_CHARS, MAX_RESPONSE_CHARS, TOO_LONG } from './limits.js';
import * as Q from './rational.js';

export type { MathOptions } from './options.js';
export type { Answer } from './answer.js';
export type { Node } from './ast.js';
export type { Extraction, ExtractionRule, ExtractionPriority } from './extract.js';
export { extractAnswer, DEFAULT_EXTRACTION, STRICT_EXTRACTION } from './extract.js';
export { readAnswer, showAnswer } from './answer.js';
export { parseMath } from './parser.js';
export { equivalent, anyEquivalent } from './equivalence.js';
export { normalizeText, textEqual } from './text.js';
export { MAX_ANSWER_CHARS, MAX_RESPONSE_CHARS, TOO_LONG } from './limits.js';

/** Comparison work allowed per sample (elementary comparisons); beyond it the answer is not equivalent. */
const BUDGET = 20_000;
const GOLD_CACHE_SIZE = 2_000;
const goldCache = new Map<string, { ext: Extraction; readings: Answer[] }>();

/** Readings of an extraction: one part is read with all its readings; several parts form a list. */
export function readExtraction(ext: Extraction): Answer[] {
  // a number with plain-text units: the quantity, and the bare number
  if (ext.number !== undefined) return [...readAnswer(ext.parts[0]!), ...readAnswer(ext.number)];
  if (ext.parts.length === 1) return readAnswer(ext.parts[0]!);
  const items: Answer[] = [];
  for (const part of ext.parts) {
    const r = readAnswer(part)[0];
    if (!r) continue;
    if (r.k === 'coll' && r.kind === 'list') items.push(...r.items);
    else items.push(r);
  }
  return items.length === 0 ? [] : items.length === 1 ? items : [{ k: 'coll', kind: 'list', items }];
}

/** Extract and read a gold answer (cached per thread). Throws {@link InputError} for a bad reference. */
export function readGold(reference: unknown): { ext: Extraction; readings: Answer[] } {
  if (typeof reference === 'number' && Number.isFinite(reference)) reference = String(reference);
  if (typeof reference !== 'string') {
    throw new InputError(`reference must be a string (the gold answer), got ${reference === null ? 'null' : typeof reference}`);
  }
  const hit = goldCache.get(reference);
  if (hit) return hit;
  if (reference.trim() === '') throw new InputError('reference is empty');
  if (reference.length > MAX_RESPONSE_CHARS) throw new InputError(`reference is over ${MAX_RESPONSE_CHARS} characters`);
  const ext = extractAnswer(reference, DEFAULT_EXTRACTION, { gold: true }) ?? { text: reference.trim(), parts: [reference.trim()], rule: 'whole', end: reference.length };
  let readings = readExtraction(ext);
  if (readings.length === 0) readings = readAnswer(reference);
  if (readings.length === 0) throw new InputError(`reference has no readable answer: ${JSON.stringify(reference.slice(0, 80))}`);
  const out = { ext, readings };
  if (goldCache.size >= GOLD_CACHE_SIZE) goldCache.delete(goldCache.keys().next().value!);
  goldCache.set(reference, out);
  return out;
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Fast path for two plain numbers (`42`, `-3.5`): exact comparison, no parsing. */
function plainNumbers(gold: string, pred: string): boolean | undefined {
  if (!PLAIN_NUMBER.test(gold) || !PLAIN_NUMBER.test(pred)) return undefined;
  if (gold.replace(/\D|^0+/g, '').length >= 10 || pred.replace(/\D|^0+/g, '').length >= 10) return undefined;
  return Q.eq(Q.parseDecimal(gold)!, Q.parseDecimal(pred)!);
}

/** Verify one response against a gold answer (synchronous core of the verifier). */
export function verifyMath(response: string, reference: unknown, opts?: MathOptions): Verdict {
  const o: ResolvedMathOptions = resolveOptions(opts);
  const gold = readGold(reference);
  if (response.length > MAX_RESPONSE_CHARS) return failVerdict(TOO_LONG, { details: { note: `response over ${MAX_RESPONSE_CHARS} characters` } });
  const ext = extractAnswer(response, o.priority, { letters: o.letters });
  if (!ext) return failVerdict(Reasons.noAnswer);
  if (ext.text.length > MAX_ANSWER_CHARS) return failVerdict(TOO_LONG, { extracted: `${ext.text.slice(0, 80)}...`, details: { note: `extracted answer over ${MAX_ANSWER_CHARS} characters` } });
  const extracted = ext.text;
  const fast = ext.parts.length === 1 && gold.ext.parts.length === 1 ? plainNumbers(stripAnswer(gold.ext.parts[0]!), stripAnswer(ext.number ?? ext.parts[0]!)) : undefined;
  // a number with units that differs from a bare gold may still meet it as a quantity (`1 km`, `1000`): read on
  if (fast !== undefined && (fast || ext.number === undefined)) return fast ? passVerdict({ extracted }) : failVerdict(Reasons.notEquivalent, { extracted });
  const preds = readExtraction(ext);
  if (preds.length === 0) return failVerdict(Reasons.noAnswer, { extracted });
  const ctx: CompareContext = { tolerance: o.tolerance, strict: o.strict, allowSetRelation: o.allowSetRelation, budget: { left: BUDGET } };
  let same: boolean;
  try {
    // one work budget for all the exact (and series) evaluation of this sample
    same = Q.withWork(() => anyEquivalent(gold.readings, preds, ctx));
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return failVerdict(Reasons.notEquivalent, { extracted, details: { note: 'comparison too large to decide' } });
  }
  if (same) return passVerdict({ extracted });
  // The gold written out exactly, where its value is out of reach (`\binom{100000}{50000}`,
  // `\sin(10^{1000})`): the same text is the same answer. Marked, so the verifiability filter can
  // tell a gold that only an exact copy matches.
  if (ext.parts.length === 1 && gold.ext.parts.length === 1 && sameText(gold.ext.parts[0]!, ext.parts[0]!)) return passVerdict({ extracted, details: { rule: SAME_TEXT } });
  return failVerdict(Reasons.notEquivalent, { extracted, details: { gold: showAnswer(gold.readings[0]!), read: showAnswer(preds[0]!) } });
}

/** `details.rule` of a pass given because the answer is the gold's own text, not a proven equal value. */
export const SAME_TEXT = 'same-text';

/** Whether two answers are the same text once stripped (`$`, `\boxed{}`, end punctuation) and with runs of spaces as one. */
function sameText(a: string, b: string): boolean {
  const norm = (x: string): string => stripAnswer(x).replace(/\s+/g, ' ');
  const na = norm(a);
  return na.length > 0 && na === norm(b);
}

/**
 * Whether two answer strings are equivalent (no extraction beyond stripping `$`, `\boxed{}` and
 * punctuation): `mathEqual('\\frac{1}{2}', '0.5') === true`. Throws {@link InputError} when `gold` is empty.
 */
export function mathEqual(gold: string, pred: string, opts?: MathOptions): boolean {
  const o = resolveOptions(opts);
  const g = readAnswer(gold);
  if (g.length === 0) throw new InputError('gold answer is empty');
  const ctx: CompareContext = { tolerance: o.tolerance, strict: o.strict, allowSetRelation: o.allowSetRelation, budget: { left: BUDGET } };
  try {
    const preds = readAnswer(pred);
    return Q.withWork(() => anyEquivalent(g, preds, ctx));
  } catch (err) {
    if (err instanceof RangeError) return false;
    throw err;
  }
}

/** The `math` verifier (registry entry `math`, default time limit 5 s per sample). */
export const verifier: Verifier<string, MathOptions> = {
  name: 'math',
  defaultTimeoutMs: 5_000,
  async verify(response, reference, opts) {
    return verifyMath(response, reference, opts);
  },
};
