/**
 * Trainer-side labels (OpenRLHF's `labels[i]`, slime's `label`) and response text clean-up.
 * A label is the gold answer; a label that is a JSON object, or a JSON string of one, may carry
 * `verifier`, `reference` (or `ground_truth`), `data_source` / `domain` / `kind` (for a preset's
 * routing) and `options`, so one server can score a mixed-domain batch.
 */
import { isObject } from '../errors.js';

/** Turn a label and a response into the record `planSample` routes. */
export function labelRecord(label: unknown, response: unknown): Record<string, unknown> {
  let value = label;
  if (typeof label === 'string') {
    const t = label.trimStart();
    if (t.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(label);
        if (isObject(parsed)) value = parsed;
      } catch {
        // not JSON: the label is the gold text itself
      }
    }
  }
  if (!isObject(value)) return { response, reference: value };
  const reference = 'reference' in value ? value.reference : 'ground_truth' in value ? value.ground_truth : value.answer;
  const record: Record<string, unknown> = { ...value, response };
  if (reference === undefined) delete record.reference;
  else record.reference = reference;
  return record;
}

/**
 * End-of-sequence and padding tokens a decoder keeps when special tokens are not skipped
 * (Qwen/ChatML, Llama 2 and 3, GPT-2/NeoX, Phi, Gemma, DeepSeek, Mistral).
 */
export const EOS_TOKENS: readonly string[] = [
  '<|im_end|>',
  '<|endoftext|>',
  '<|eot_id|>',
  '<|end_of_text|>',
  '<|end|>',
  '</s>',
  '<eos>',
  '<end_of_turn>',
  '<pad>',
  '<|pad|>',
  '<｜end▁of▁sentence｜>',
];

/** Strip trailing end-of-sequence/padding tokens (and the whitespace between them). */
export function stripEos(text: string): string {
  let s = text;
  for (;;) {
    const trimmed = s.trimEnd();
    const tok = EOS_TOKENS.find((t) => trimmed.endsWith(t));
    if (!tok) return trimmed.length === s.length ? s : trimmed;
    s = trimmed.slice(0, trimmed.length - tok.length);
  }
}

/** Chat-template markers that open the assistant's turn (ChatML, Llama 3, Llama 2/Mistral, Phi, Gemma, DeepSeek). */
export const ASSISTANT_MARKERS: readonly string[] = [
  '<|im_start|>assistant',
  '<|start_header_id|>assistant<|end_header_id|>',
  '[/INST]',
  '<|assistant|>',
  '<start_of_turn>model',
  '<｜Assistant｜>',
];

/** Where `prompt` ends in `query` when the two differ only in whitespace runs (detokenising differs), or -1. */
function looseEnd(query: string, prompt: string): number {
  const ws = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
  let i = 0;
  let j = 0;
  while (j < prompt.length) {
    if (ws(prompt[j]) || ws(query[i])) {
      // a whitespace run on either side (or both) is skipped there
      while (ws(prompt[j])) j++;
      while (ws(query[i])) i++;
      continue;
    }
    if (i >= query.length || query[i] !== prompt[j]) return -1;
    i++;
    j++;
  }
  return i;
}

/**
 * The response part of an OpenRLHF query, EOS tokens stripped: what follows the prompt when the
 * query starts with it (exactly, or up to whitespace), else what follows the query's one
 * assistant-turn marker. Undefined when the prompt is not a string, when the query holds more
 * than one marker, or when a prompt was given and neither rule finds it: scoring the whole query
 * would score the prompt's text too (a prompt that shows \boxed{2} paid a response "I do not know").
 */
export function responseOfQuery(query: string, prompt: unknown): string | undefined {
  // A prompt that is not a string is a client's mistake (null once scored the whole query); an
  // empty one means none was sent.
  if (prompt !== undefined && typeof prompt !== 'string') return undefined;
  if (typeof prompt === 'string' && prompt.length > 0 && query.startsWith(prompt)) return stripEos(query.slice(prompt.length));
  const given = typeof prompt === 'string' && prompt.trim() !== '';
  if (given) {
    const end = looseEnd(query, prompt);
    if (end >= 0) return stripEos(query.slice(end));
  }
  // One assistant turn only: with two, the policy may have written the second itself to hide
  // what came before it (a marker inside the response moved the cut past a comma an ifeval
  // instruction forbade).
  let after = -1;
  for (const m of ASSISTANT_MARKERS) {
    const k = query.indexOf(m);
    if (k < 0) continue;
    if (after >= 0 || query.indexOf(m, k + m.length) >= 0) return undefined;
    after = k + m.length;
  }
  if (after >= 0) return stripEos(query.slice(after).replace(/^\s*\n/, ''));
  if (given) return undefined;
  return stripEos(query);
}
