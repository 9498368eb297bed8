/**
 * NeMo-Gym resources-server contract: `POST /verify` (and `/{domain}/verify`) with
 * `{responses_create_params, response: <OpenAI Responses object>, ...task fields}` -> the request
 * echoed plus `reward`, and the fields NeMo-Gym's own servers add (`expected_answer`,
 * `extracted_answer`; instruction following: `follow_all_instructions`, `follow_instruction_list`;
 * code: `extracted_model_output`, `result`). Every reply also carries `reward_outcome`
 * (`pass` / `fail` / `error`) and, for an error, `mask_sample: true` with `failure_reason`, the
 * base response's fields for "the reward is not a valid measurement".
 *
 * Task fields per domain, as NeMo-Gym's servers take them:
 * - math: `question`, `expected_answer`
 * - mcqa: `options` (`[{"A": "text"}, ...]`), `expected_answer`, `grading_mode`
 * - instruction_following: `verifier_metadata: {instruction_id_list, prompt, kwargs, grading_mode}`
 *   (or the same fields at the top level, as older versions send them)
 * - code_gen: `verifier_metadata: {unit_tests: {inputs, outputs, fn_name?}}` (or `packed`)
 */
import { inflateSync } from 'node:zlib';
import { HttpError, isObject, missingField, wrongShape } from '../errors.js';
import type { Planned } from '../route.js';
import type { Scored } from '../score.js';

/** The four domains, and the verifier each uses. */
export const NEMO_DOMAINS = { math: 'math', mcqa: 'mcq', instruction_following: 'ifeval', code_gen: 'code' } as const;
/** A NeMo-Gym domain name. */
export type NemoDomain = keyof typeof NEMO_DOMAINS;

/** The domain a single-verifier server serves (`--verifier mcq` -> `mcqa`), if any. */
export function domainOfVerifier(verifier: string | undefined): NemoDomain | undefined {
  return (Object.keys(NEMO_DOMAINS) as NemoDomain[]).find((d) => NEMO_DOMAINS[d] === verifier);
}

/** The domain a request's task fields imply. */
export function inferDomain(body: Record<string, unknown>): NemoDomain {
  const meta = isObject(body.verifier_metadata) ? body.verifier_metadata : {};
  if (body.options !== undefined) return 'mcqa';
  if (Array.isArray(meta.instruction_id_list) || Array.isArray(body.instruction_id_list)) return 'instruction_following';
  if (meta.unit_tests !== undefined) return 'code_gen';
  return 'math';
}

/** The assistant's text: the concatenated `output_text` parts of the assistant message items. */
export function responseText(response: unknown): string {
  if (!isObject(response)) throw wrongShape('response', 'an OpenAI Responses object', response);
  const output = response.output;
  if (!Array.isArray(output)) throw wrongShape('response.output', 'an array', output);
  let text = '';
  for (const item of output) {
    if (!isObject(item) || item.type !== 'message' || (item.role !== undefined && item.role !== 'assistant')) continue;
    if (typeof item.content === 'string') text += item.content;
    else if (Array.isArray(item.content)) {
      for (const part of item.content) {
        if (isObject(part) && (part.type === undefined || part.type === 'output_text') && typeof part.text === 'string') text += part.text;
      }
    }
  }
  return text;
}

function mcqReference(body: Record<string, unknown>): Planned {
  const options = body.options;
  if (!Array.isArray(options)) return { error: '"options" must be a list of {letter: text} objects' };
  const letters: string[] = [];
  const choices: string[] = [];
  for (const entry of options) {
    const first = isObject(entry) ? Object.entries(entry)[0] : undefined;
    if (!first || !/^[A-Za-z]$/.test(first[0]) || typeof first[1] !== 'string') return { error: '"options" must be a list of {letter: text} objects' };
    letters.push(first[0].toUpperCase());
    choices.push(first[1]);
  }
  if (typeof body.expected_answer !== 'string') return { error: '"expected_answer" must be a string' };
  const lenient = typeof body.grading_mode === 'string' && body.grading_mode.startsWith('lenient');
  const reference = { answer: body.expected_answer.trim().toUpperCase(), letters: letters.join(''), ...(lenient && { choices }) };
  return { job: { verifier: 'mcq', route: 'mcqa', weight: 1, response: '', reference, options: {} } };
}

function ifevalReference(body: Record<string, unknown>): Planned {
  const meta = isObject(body.verifier_metadata) && Array.isArray(body.verifier_metadata.instruction_id_list) ? body.verifier_metadata : body;
  const reference = { prompt: meta.prompt ?? '', instruction_id_list: meta.instruction_id_list, kwargs: meta.kwargs };
  const reward = meta.grading_mode === 'fraction' ? 'fraction' : 'all';
  return { job: { verifier: 'ifeval', route: 'instruction_following', weight: 1, response: '', reference, options: { mode: 'strict', reward } } };
}

/**
 * Most bytes `unit_tests.packed` may inflate to. A client sends it compressed, so without a cap a
 * 652 KB request inflated to ~500 MB on the event loop and killed the server.
 */
export const MAX_PACKED_TESTS_BYTES = 16 * 2 ** 20;
/** Most tests one code_gen task may hold. */
export const MAX_UNIT_TESTS = 10_000;

function unitTests(meta: Record<string, unknown>): { inputs: unknown; outputs: unknown; fn_name?: unknown } {
  const raw = meta.unit_tests;
  if (isObject(raw) && typeof raw.packed === 'string') {
    let inflated: Buffer;
    try {
      inflated = inflateSync(Buffer.from(raw.packed, 'base64'), { maxOutputLength: MAX_PACKED_TESTS_BYTES });
    } catch (err) {
      const code = (err as { code?: string }).code;
      throw new Error(code === 'ERR_BUFFER_TOO_LARGE' ? `"packed" inflates to more than ${MAX_PACKED_TESTS_BYTES} bytes` : `"packed" is not zlib data: ${(err as Error).message}`);
    }
    const decoded = JSON.parse(inflated.toString('utf8')) as Record<string, unknown>;
    return { inputs: decoded.inputs, outputs: decoded.outputs, fn_name: raw.fn_name };
  }
  if (!isObject(raw)) throw new Error('"verifier_metadata.unit_tests" must be an object');
  return raw as { inputs: unknown; outputs: unknown; fn_name?: unknown };
}

function codeReference(body: Record<string, unknown>): Planned {
  const meta = isObject(body.verifier_metadata) ? body.verifier_metadata : {};
  let t: ReturnType<typeof unitTests>;
  try {
    t = unitTests(meta);
  } catch (err) {
    return { error: `unit_tests: ${(err as Error).message}` };
  }
  if (!Array.isArray(t.inputs) || !Array.isArray(t.outputs) || t.inputs.length !== t.outputs.length) {
    return { error: '"unit_tests" needs "inputs" and "outputs" lists of equal length' };
  }
  // Each test is parsed here, on the event loop (16 MiB of tiny fn_name tests held it 0.6 s).
  if (t.inputs.length > MAX_UNIT_TESTS) return { error: `"unit_tests" holds ${t.inputs.length} tests; at most ${MAX_UNIT_TESTS}` };
  let reference: unknown;
  if (typeof t.fn_name === 'string' && t.fn_name) {
    try {
      // LiveCodeBench functional tests: one JSON argument per input line, the output is JSON.
      const tests = t.inputs.map((inp, i) => ({
        args: String(inp).split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown),
        expected: JSON.parse(String((t.outputs as unknown[])[i])) as unknown,
      }));
      reference = { language: 'python', entry_point: t.fn_name, tests };
    } catch (err) {
      return { error: `unit_tests (fn_name ${t.fn_name}): ${(err as Error).message}` };
    }
  } else {
    reference = { language: 'python', tests: { inputs: t.inputs, outputs: t.outputs } };
  }
  return { job: { verifier: 'code', route: 'code_gen', weight: 1, response: '', reference, options: {} } };
}

/** Plan a `/verify` request for `domain`. */
export function planNemo(body: Record<string, unknown>, domain: NemoDomain): Planned {
  if (!('response' in body)) throw missingField('response');
  if (!('responses_create_params' in body)) throw missingField('responses_create_params');
  const text = responseText(body.response);
  let planned: Planned;
  if (domain === 'math') {
    if (!('expected_answer' in body)) throw missingField('expected_answer');
    planned = { job: { verifier: 'math', route: 'math', weight: 1, response: '', reference: String(body.expected_answer), options: {} } };
  } else if (domain === 'mcqa') planned = mcqReference(body);
  else if (domain === 'instruction_following') planned = ifevalReference(body);
  else if (domain === 'code_gen') planned = codeReference(body);
  else throw new HttpError(404, `unknown domain "${String(domain)}"`);
  if ('job' in planned) planned.job.response = text;
  return planned;
}

/** The `/verify` reply: the request echoed, `reward`, and the domain's own fields. */
export function nemoResponse(body: Record<string, unknown>, domain: NemoDomain, s: Scored): Record<string, unknown> {
  const v = s.verdict;
  const out: Record<string, unknown> = { ...body, reward: s.reward, reward_outcome: s.outcome };
  if (s.outcome === 'error') Object.assign(out, { mask_sample: true, failure_reason: `${v.reason}${v.error ? `: ${v.error}` : ''}` });
  else if (v.reason !== undefined) out.reason = v.reason;
  const details = isObject(v.details) ? v.details : {};
  if (domain === 'math' || domain === 'mcqa') {
    out.expected_answer = domain === 'mcqa' && typeof body.expected_answer === 'string' ? body.expected_answer.trim().toUpperCase() : body.expected_answer;
    out.extracted_answer = v.extracted ?? null;
    if (domain === 'math') out.library_reward = s.reward;
  } else if (domain === 'instruction_following') {
    out.follow_all_instructions = details.follow_all_instructions ?? false;
    out.follow_instruction_list = details.follow_instruction_list ?? [];
  } else {
    out.extracted_answer = v.extracted ?? null;
    out.extracted_model_code = v.extracted ?? null;
    const tests = Array.isArray(details.tests) ? details.tests : undefined;
    if (tests) out.result = tests.map((t) => isObject(t) && (t.status === 'passed' || t.pass === true));
  }
  return out;
}
