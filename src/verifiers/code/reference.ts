/**
 * Validation of a code reference: one of DESIGN.md's three forms, checked field by field. A wrong
 * shape throws {@link InputError} naming the field, which the core reports as `invalid-input`.
 */
import { InputError } from '../../core/verdict.js';
import { typeName } from '../../core/run-one.js';
import type { CallTest, CodeLanguage, NormalizedReference, StdioTest } from './types.js';

const LANGUAGE_ALIASES: Record<string, CodeLanguage> = {
  javascript: 'javascript',
  js: 'javascript',
  node: 'javascript',
  nodejs: 'javascript',
  typescript: 'typescript',
  ts: 'typescript',
  python: 'python',
  python3: 'python',
  py: 'python',
  py3: 'python',
};

/** The canonical language for a name or alias (`js`, `ts`, `py`, ...), or undefined. */
export function canonicalLanguage(name: unknown): CodeLanguage | undefined {
  return typeof name === 'string' ? LANGUAGE_ALIASES[name.trim().toLowerCase()] : undefined;
}

/** True for the languages run in isolated-vm (TypeScript is transpiled first). */
export function isJsFamily(language: CodeLanguage): boolean {
  return language !== 'python';
}

function stdioTests(tests: unknown): StdioTest[] {
  // Also accepted: the CodeContests/TACO shape { inputs: [...], outputs: [...] }.
  if (tests && typeof tests === 'object' && !Array.isArray(tests)) {
    const { inputs, outputs } = tests as { inputs?: unknown; outputs?: unknown };
    if (!Array.isArray(inputs) || !Array.isArray(outputs)) {
      throw new InputError('reference.tests must be an array of {input, output} (or {inputs: [...], outputs: [...]})');
    }
    if (inputs.length !== outputs.length) {
      throw new InputError(`reference.tests.inputs (${inputs.length}) and reference.tests.outputs (${outputs.length}) differ in length`);
    }
    return inputs.map((input, i) => stdioTest({ input, output: outputs[i] }, i));
  }
  return (tests as unknown[]).map(stdioTest);
}

function stdioTest(t: unknown, i: number): StdioTest {
  if (!t || typeof t !== 'object') throw new InputError(`reference.tests[${i}] must be an object, got ${typeName(t)}`);
  const { input, output } = t as { input?: unknown; output?: unknown };
  if (typeof input !== 'string') throw new InputError(`reference.tests[${i}].input must be a string, got ${typeName(input)}`);
  if (typeof output !== 'string') throw new InputError(`reference.tests[${i}].output must be a string, got ${typeName(output)}`);
  return { input, output };
}

function callTest(t: unknown, i: number): CallTest {
  if (!t || typeof t !== 'object') throw new InputError(`reference.tests[${i}] must be an object, got ${typeName(t)}`);
  const { args, expected } = t as { args?: unknown; expected?: unknown };
  if (!Array.isArray(args)) throw new InputError(`reference.tests[${i}].args must be an array, got ${typeName(args)}`);
  if (!('expected' in (t as object))) throw new InputError(`reference.tests[${i}].expected is missing`);
  return { args, expected };
}

/**
 * Validate a reference and bring it to one explicit form. Throws {@link InputError} naming the
 * offending field.
 */
export function normalizeReference(reference: unknown): NormalizedReference {
  if (!reference || typeof reference !== 'object' || Array.isArray(reference)) {
    throw new InputError(`reference must be an object {language, tests | entry_point + tests | test_code}, got ${typeName(reference)}`);
  }
  const ref = reference as Record<string, unknown>;
  const language = canonicalLanguage(ref.language);
  if (!language) {
    throw new InputError(`reference.language must be "javascript", "typescript" or "python", got ${JSON.stringify(ref.language) ?? 'undefined'}`);
  }
  if (ref.test_code !== undefined) {
    if (typeof ref.test_code !== 'string') throw new InputError(`reference.test_code must be a string, got ${typeName(ref.test_code)}`);
    if (ref.tests !== undefined) throw new InputError('reference has both test_code and tests: give one');
    const out: NormalizedReference = { kind: 'test_code', language, testCode: ref.test_code };
    if (ref.prompt !== undefined) {
      if (typeof ref.prompt !== 'string') throw new InputError(`reference.prompt must be a string, got ${typeName(ref.prompt)}`);
      out.prompt = ref.prompt;
    }
    if (ref.entry_point !== undefined) {
      if (typeof ref.entry_point !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(ref.entry_point)) {
        throw new InputError(`reference.entry_point must be a name, got ${JSON.stringify(ref.entry_point) ?? 'undefined'}`);
      }
      out.entryPoint = ref.entry_point;
    }
    if (ref.helpers !== undefined) {
      if (typeof ref.helpers !== 'string') throw new InputError(`reference.helpers must be a string, got ${typeName(ref.helpers)}`);
      out.helpers = ref.helpers;
    }
    return out;
  }
  if (ref.tests === undefined) throw new InputError('reference needs tests or test_code');
  if (!Array.isArray(ref.tests) && (typeof ref.tests !== 'object' || ref.tests === null)) {
    throw new InputError(`reference.tests must be an array, got ${typeName(ref.tests)}`);
  }
  if (ref.entry_point !== undefined) {
    if (typeof ref.entry_point !== 'string' || !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)?$/.test(ref.entry_point)) {
      throw new InputError(`reference.entry_point must be a function name (or Class.method), got ${JSON.stringify(ref.entry_point) ?? 'undefined'}`);
    }
    if (!Array.isArray(ref.tests)) throw new InputError('reference.tests must be an array of {args, expected}');
    const tests = ref.tests.map(callTest);
    if (tests.length === 0) throw new InputError('reference.tests is empty');
    return { kind: 'call', language, entryPoint: ref.entry_point, tests };
  }
  const tests = stdioTests(ref.tests);
  if (tests.length === 0) throw new InputError('reference.tests is empty');
  return { kind: 'stdio', language, tests };
}
