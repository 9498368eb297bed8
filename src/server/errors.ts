/**
 * Request-level errors: the request itself is malformed (400, naming the field), has the wrong
 * shape (422), or names something unknown (422). A bad *sample* is never one of these: it gets
 * its own `invalid-input` verdict.
 */

/** An error answered with `status` and `{error: message}`. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** 400: a required field is missing. */
export function missingField(field: string): HttpError {
  return new HttpError(400, `missing field "${field}"`);
}

/** 422: a field has the wrong shape. */
export function wrongShape(field: string, expected: string, got: unknown): HttpError {
  return new HttpError(422, `field "${field}" must be ${expected}, got ${describe(got)}`);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Whether `v` is a plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The body as an object, or a 400/422 naming what is wrong. */
export function requireObjectBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null || body === '') throw new HttpError(400, 'missing JSON body');
  if (!isObject(body)) throw new HttpError(422, `body must be a JSON object, got ${describe(body)}`);
  return body;
}
