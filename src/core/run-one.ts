import { checkFormat, type FormatSpec } from './format.js';
import { InputError, Reasons, failVerdict, normalizeVerdict, type Verdict } from './verdict.js';
import type { Verifier } from './verifier.js';

/** Describe a value's type for error messages (`null`, `array`, `number`, ...). */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Run one sample through a verifier with the shared guards: the response must be a string,
 * the format gate applies when `options.format` is a resolved {@link FormatSpec}, and any throw
 * becomes a verdict (InputError -> `invalid-input`, anything else -> `verifier-error`).
 * Never rejects.
 */
export async function runOne(
  verifier: Verifier,
  response: unknown,
  reference: unknown,
  options: Record<string, unknown> | undefined,
): Promise<Verdict> {
  if (typeof response !== 'string') {
    return failVerdict(Reasons.invalidInput, { error: `response must be a string, got ${typeName(response)}` });
  }
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    return failVerdict(Reasons.invalidInput, { error: `options must be an object, got ${typeName(options)}` });
  }
  try {
    const format = options?.format;
    if (format !== undefined) {
      if (typeof format !== 'object' || format === null) {
        throw new InputError(`format must be resolved to a FormatSpec before verification, got ${typeName(format)}`);
      }
      const check = checkFormat(response, format as FormatSpec);
      if (!check.ok) return failVerdict(Reasons.format, { details: { format: check.reason } });
    }
    return normalizeVerdict(await verifier.verify(response, reference, options));
  } catch (err) {
    if (err instanceof InputError || (err as Error | null)?.name === 'InputError') {
      return failVerdict(Reasons.invalidInput, { error: (err as Error).message });
    }
    const message = err instanceof Error ? err.message : String(err);
    return failVerdict(Reasons.verifierError, { error: message.slice(0, 500) });
  }
}
