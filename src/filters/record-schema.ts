/**
 * Filter `record-schema`: a record must match its kind's JSON schema (ajv), with a reject reason
 * that names the field. Field aliases (`problem` for `question`, `choices` for `options`,
 * `gold` for `answer`) are accepted; the record is written out unchanged.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { recordKind, type DatasetRecord } from '../core/records.js';
import type { RecordKind } from '../templates/template.js';
import { KEEP, drop, perRecord, type Filter } from './filter.js';
import { formatAjvErrors } from './schema-errors.js';

const question = { type: 'string' };

/** The JSON schema of each record kind (after aliases are resolved). */
export const RECORD_SCHEMAS: Record<RecordKind, object> = {
  mcq: {
    type: 'object',
    required: ['question', 'options', 'answer'],
    properties: {
      question,
      options: {
        oneOf: [
          { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 26 },
          { type: 'object', propertyNames: { pattern: '^[A-Z]$' }, additionalProperties: { type: 'string' }, minProperties: 2 },
        ],
      },
      answer: { type: ['string', 'integer'] },
    },
  },
  'open-ended': {
    type: 'object',
    required: ['question', 'answer'],
    properties: { question, answer: { type: ['string', 'number'] } },
  },
  code: {
    type: 'object',
    required: ['question', 'reference'],
    properties: {
      question,
      solution: { type: 'string' },
      reference: {
        type: 'object',
        required: ['language'],
        properties: {
          language: { enum: ['javascript', 'typescript', 'python'] },
          tests: { type: 'array' },
          test_code: { type: 'string' },
          entry_point: { type: 'string' },
        },
        anyOf: [{ required: ['tests'] }, { required: ['test_code'] }],
      },
    },
  },
  ifeval: {
    type: 'object',
    required: ['prompt', 'instruction_id_list', 'kwargs'],
    properties: {
      prompt: { type: 'string' },
      instruction_id_list: { type: 'array', items: { type: 'string' }, minItems: 1 },
      kwargs: { type: 'array', items: { type: ['object', 'null'] } },
    },
  },
};

const ajv = new Ajv({ allErrors: false, strict: false });
const validators = new Map<RecordKind, ValidateFunction>();

function validatorFor(kind: RecordKind): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    v = ajv.compile(RECORD_SCHEMAS[kind]);
    validators.set(kind, v);
  }
  return v;
}

/** The record with field aliases resolved, for validation only. */
export function canonicalRecord(r: DatasetRecord): DatasetRecord {
  const kind = recordKind(r);
  if (kind === 'ifeval') return r;
  const out: DatasetRecord = { ...r };
  if (out.question === undefined && out.problem !== undefined) out.question = out.problem;
  if (kind === 'mcq' && out.options === undefined && out.choices !== undefined) out.options = out.choices;
  if (out.answer === undefined && out.gold !== undefined) out.answer = out.gold;
  return out;
}

/** Validate a record against its kind's schema: undefined when valid, else the problem. */
export function recordSchemaError(r: DatasetRecord): string | undefined {
  const kind = recordKind(r);
  const validate = validatorFor(kind);
  if (validate(canonicalRecord(r))) return undefined;
  return `${kind} record: ${formatAjvErrors(validate.errors)}`;
}

/** The `record-schema` filter. */
export const recordSchema: Filter = {
  name: 'record-schema',
  kinds: 'all',
  create: perRecord((r) => {
    const problem = recordSchemaError(r);
    return problem ? drop(problem) : KEEP;
  }),
};
