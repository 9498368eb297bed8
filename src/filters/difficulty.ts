/**
 * Filter `too-easy` (opt-in): drop records a small model already solves, read from a field the
 * user names (e.g. `pass_rate` from an earlier run; CrossThink dropped what Qwen2.5-7B solved).
 * A record is dropped when the field is a number >= `maxPassRate` (default 1: always solved).
 * A record without the field is kept (nothing says it is easy).
 */
import { KEEP, drop, perRecord, type Filter } from './filter.js';

/** The `too-easy` filter; enabled by `difficultyField`. */
export const difficulty: Filter = {
  name: 'too-easy',
  kinds: 'all',
  enabled: (o) => typeof o.difficultyField === 'string' && o.difficultyField.length > 0,
  create: perRecord((r, o) => {
    const field = o.difficultyField!;
    const v = r[field];
    if (v === undefined || v === null) return KEEP;
    if (typeof v !== 'number' || !Number.isFinite(v)) return drop(`${field} is not a number: ${JSON.stringify(v)}`);
    const max = o.maxPassRate ?? 1;
    return v >= max ? drop(`${field} ${v} >= ${max}`) : KEEP;
  }),
};
