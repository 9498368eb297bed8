/**
 * The class a record belongs to for blending: its `domain`, `kind` (explicit or inferred),
 * `data_source`, or any other field's value. Undefined when the record has no such value.
 */
import { recordKind, type DatasetRecord } from '../core/records.js';

/** Class value of `record` by `by` (`domain`, `kind`, `data_source` or any field name). */
export function classOf(record: DatasetRecord, by: string): string | undefined {
  if (by === 'kind') return recordKind(record);
  const v = record[by];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
