/** Readers for the IFEval / IFBench corpora copied into test/corpora/ifeval. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS = fileURLToPath(new URL('../corpora/ifeval/', import.meta.url));

/** Parse a JSONL file of the corpus folder. */
export function jsonl<T = any>(file: string): T[] {
  return readFileSync(CORPUS + file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);
}

/** IFEval's 541 records paired (by position, as the reference run paired them) with GPT-4's responses. */
export function ifevalSamples(): { input: any; response: string }[] {
  const inputs = jsonl('input_data.jsonl');
  const responses = jsonl('input_response_data_gpt4_20231107_145030.jsonl');
  return inputs.map((input, i) => ({ input, response: responses[i].response as string }));
}

/**
 * IFBench's 300 records with the sample responses, looked up by prompt (exact, then stripped) as
 * the reference does; a record without a response gets "" (the reference's empty output: every
 * instruction unfollowed).
 */
export function ifbenchSamples(): { input: any; response: string }[] {
  const byPrompt = new Map<string, string>();
  for (const s of jsonl('ifbench/sample_output.jsonl')) {
    byPrompt.set(s.prompt, s.response);
    byPrompt.set(s.prompt.trim(), s.response);
  }
  return jsonl('ifbench/IFBench_test.jsonl').map((input) => ({
    input,
    response: byPrompt.get(input.prompt) ?? byPrompt.get(input.prompt.trim()) ?? '',
  }));
}
