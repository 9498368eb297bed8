/**
 * Kwargs validation: each instruction's kwargs against its JSON schema (ajv, compiled once per
 * thread and instruction), then the instruction's own cross-field checks in `build`.
 *
 * Kwargs whose value is null are dropped first, as IFBench's evaluation does (its records list
 * every possible kwarg, mostly null). A bad kwarg raises {@link InputError} naming the instruction
 * (position and id) and the field.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { InputError } from '../../core/verdict.js';
import type { Check, InstructionSpec } from './instruction.js';
import { lazy } from './text/data.js';

const ajv = lazy(() => new Ajv({ allErrors: false, strict: true }));
const validators = new Map<string, ValidateFunction>();

function validatorOf(spec: InstructionSpec): ValidateFunction {
  let v = validators.get(spec.id);
  if (!v) {
    v = ajv().compile({
      type: 'object',
      properties: spec.properties,
      required: spec.required,
      additionalProperties: spec.open ?? false,
    });
    validators.set(spec.id, v);
  }
  return v;
}

function describe(err: ErrorObject): string {
  const field = err.instancePath.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.');
  switch (err.keyword) {
    case 'required':
      return `kwargs.${(err.params as { missingProperty: string }).missingProperty} is required`;
    case 'additionalProperties':
      return `kwargs.${(err.params as { additionalProperty: string }).additionalProperty} is not a parameter of this instruction`;
    case 'enum':
      return `kwargs.${field} must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return field ? `kwargs.${field} ${err.message ?? 'is invalid'}` : `kwargs ${err.message ?? 'is invalid'}`;
  }
}

/** The kwargs with null-valued entries removed (IFBench lists unused kwargs as null). */
export function dropNulls(kwargs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) if (v !== null) out[k] = v;
  return out;
}

/**
 * Validate one instruction's kwargs and build its checker. `where` names the instruction in error
 * messages, e.g. `instruction 2 (keywords:frequency)`.
 */
export function buildCheck(spec: InstructionSpec, rawKwargs: unknown, where: string): Check {
  if (rawKwargs === null || typeof rawKwargs !== 'object' || Array.isArray(rawKwargs)) {
    throw new InputError(`${where}: kwargs must be an object`);
  }
  const kwargs = dropNulls(rawKwargs as Record<string, unknown>);
  const validate = validatorOf(spec);
  if (!validate(kwargs)) throw new InputError(`${where}: ${describe(validate.errors![0]!)}`);
  try {
    return spec.build(kwargs);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(`${where}: ${err.message}`);
    throw err;
  }
}
