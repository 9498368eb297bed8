import type { FormatSpec } from '../core/format.js';
import { loadTemplate } from './template.js';

/**
 * Resolve a `format` option to a {@link FormatSpec}: a template name or path gives that
 * template's declared format; a spec object is returned as is.
 */
export function resolveFormat(format: string | FormatSpec): FormatSpec {
  return typeof format === 'string' ? loadTemplate(format).format : format;
}
