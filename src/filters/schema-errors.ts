/**
 * Turn ajv validation errors into one short line that names the field, for reject reasons and
 * per-sample errors: `answer is required`, `/options/2 must be string`.
 */
import type { ErrorObject } from 'ajv';

/** Format ajv errors as `field problem; field problem` (at most three). */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string {
  if (!errors?.length) return 'invalid';
  const parts = errors.slice(0, 3).map((e) => {
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return `${e.instancePath ? `${e.instancePath}/` : ''}${missing} is required`;
    }
    if (e.keyword === 'additionalProperties') {
      return `${e.instancePath || '/'} has unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    }
    return `${e.instancePath || 'record'} ${e.message ?? 'is invalid'}`;
  });
  return parts.join('; ');
}
