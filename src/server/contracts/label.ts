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

/** The response part of an OpenRLHF query: the prompt prefix removed when present, EOS tokens stripped. */
export function responseOfQuery(query: string, prompt: unknown): string {
  const rest = typeof prompt === 'string' && prompt.length > 0 && query.startsWith(prompt) ? query.slice(prompt.length) : query;
  return stripEos(rest);
}
