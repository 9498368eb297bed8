/**
 * When the bare fallbacks (the last number, the last math span) may stand for the answer of a
 * response that states none: a short response (one line of at most {@link SHORT_RESPONSE}
 * characters), or one that ends in a concluding sentence holding the value (the value is in the
 * last two sentences, and the text ends as a sentence or a formula does, chat tokens after it aside).
 * A response cut off mid-derivation ends in neither way, and its stray last number is no answer.
 */
import type { Extraction } from './extract.js';

/** A response this short (one line) is its own conclusion. */
const SHORT_RESPONSE = 100;
/** At most this much text, and two sentence ends, may follow the value ("... is 12. I hope it is correct."). */
const TAIL_AFTER = 160;
/** Chat-template tokens a model writes after its answer (`<|im_start|>user`, `</s>`). */
const TRAILING_TOKENS_RE = /(?:\s*(?:<\|[A-Za-z_]+\|>|<\/s>|<EOS_TOKEN>)(?:user|assistant)?)+\s*$/;
/** How a finished sentence or formula ends (after emphasis and spaces). */
const FINISHED_RE = /(?:[.!?)\]}$]|\\\]|\\\))[\s*_"'`]*$/;

/** A number that is the right operand of an operation (`2y + 3`): a fragment of an expression, not a value. */
const OPERAND_END_RE = /[A-Za-z0-9)}\]]\s*(?:[+\-*\/^×·]|\\cdot|\\times)\s*-?\d[\d.,]*$/;

/** Whether a fallback extraction (`number`, `math-span`) may be taken as the response's answer. */
export function trustsFallback(text: string, ext: Extraction): boolean {
  if (ext.rule !== 'number' && ext.rule !== 'math-span') return true;
  const t = text.trim();
  if (t.length <= SHORT_RESPONSE && !t.includes('\n')) return true;
  const tail = text.slice(Math.max(ext.end, text.length - 400)).replace(TRAILING_TOKENS_RE, '');
  const after = text.length - ext.end > 400 ? undefined : tail.trim();
  if (after === undefined || after.length > TAIL_AFTER || (after.match(/[.!?](?=\s)/g) ?? []).length > 2) return false;
  // text that stops on an operand (`... we get 2y + 3`) was cut off mid-expression
  if (after === '') return ext.rule !== 'number' || !OPERAND_END_RE.test(text.slice(Math.max(0, ext.end - 60), ext.end));
  return FINISHED_RE.test(after);
}
