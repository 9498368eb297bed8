/**
 * The filter interface (CrossThink answer-verifiability). A filter sees records in input order, a
 * window at a time, so stateful filters (duplicates, near-duplicates) judge against earlier records
 * and async filters (math answer parses, code reference passes) can use the worker pool on a batch.
 */
import type { DatasetRecord } from '../core/records.js';
import type { RecordKind } from '../templates/template.js';

/** A filter's judgement on one record. */
export interface FilterResult {
  keep: boolean;
  /** Why the record was dropped: a short code, optionally `code: detail` (e.g. `schema: /options must be array`). */
  reason?: string;
}

/** Options of a filter run (`rewards filter` flags map onto these). */
export interface FilterOptions {
  /** Longest open-ended answer kept, in words (CrossThink: 10). */
  maxAnswerWords?: number;
  /** Record field holding a solve rate from an earlier run (e.g. `pass_rate`); enables the difficulty filter. */
  difficultyField?: string;
  /** Drop records whose difficulty field is >= this (default 1: drop what the small model always solves). */
  maxPassRate?: number;
  /** Valid MCQ letters (default A to J). */
  letters?: string;
  /** Filter names to skip. */
  skip?: readonly string[];
  /** Per-record time limit for filters that verify (math, code), in ms. */
  timeoutMs?: number;
  /** Other filter-specific options. */
  [key: string]: unknown;
}

/**
 * Judges a window of records; returns one result per record, in order. `lines` gives each
 * record's 1-based line number in the input (for reasons such as "duplicate of line 17").
 */
export type FilterCheck = (records: DatasetRecord[], lines: number[]) => FilterResult[] | Promise<FilterResult[]>;

/** A named filter over records of some kinds. */
export interface Filter {
  /** Name used in reject reasons and `--skip`. */
  name: string;
  /** The record kinds it applies to; other records pass it untouched. */
  kinds: readonly RecordKind[] | 'all';
  /** Whether it runs without being asked for (default true); opt-in filters are enabled by their option. */
  enabled?: (options: FilterOptions) => boolean;
  /** Create the checker for one run (stateful filters keep their state in the closure). */
  create(options: FilterOptions): FilterCheck;
  /** Release resources held by a run (optional). */
  dispose?(): Promise<void> | void;
}

/** Shorthand for a filter that judges each record alone. */
export function perRecord(check: (record: DatasetRecord, options: FilterOptions) => FilterResult): (options: FilterOptions) => FilterCheck {
  return (options) => (records) => records.map((r) => check(r, options));
}

/** A kept result. */
export const KEEP: FilterResult = Object.freeze({ keep: true });

/** A drop result with a reason. */
export function drop(reason: string): FilterResult {
  return { keep: false, reason };
}
