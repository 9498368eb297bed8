/**
 * CrossThink-style verifiability filter for IFEval/IFBench records: every instruction id must be
 * supported and its kwargs must validate against the instruction's schema (so the record can be
 * rewarded deterministically). Rejects with `ifeval-kwargs: <instruction and field>`.
 * Reads no options.
 */
import { InputError } from '../core/verdict.js';
import { parseReference } from '../verifiers/ifeval/evaluate.js';
import { KEEP, drop, perRecord, type Filter } from './filter.js';

/** The `ifeval-kwargs-valid` filter (record kind `ifeval`). */
export const ifevalKwargsValid: Filter = {
  name: 'ifeval-kwargs-valid',
  kinds: ['ifeval'],
  create: perRecord((record) => {
    try {
      parseReference(record);
      return KEEP;
    } catch (err) {
      if (err instanceof InputError) return drop(err.message);
      throw err;
    }
  }),
};
