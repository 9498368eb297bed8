/**
 * verl parquet columns: the schema verl's loader expects, a row group collected column by column
 * ({@link VerlBatch}: plain arrays of strings, cheap to post to the parquet worker thread), and
 * the writer's nested column data built from it. Imports nothing but types, so the worker starts
 * fast.
 */
import type { ColumnSource, SchemaElement } from 'hyparquet-writer';

/** verl's `extra_info`: split and index as verl's examples have them, then what this library adds. */
export interface VerlExtraInfo {
  split: string;
  index: bigint;
  id: string | null;
  kind: string;
  domain: string | null;
  verifier: string;
  /** The template: the answer format the response must follow (`format` option of every verifier). */
  format: string;
  question: string | null;
  /** The record's own data_source when the row's is the route name. */
  original_data_source: string | null;
}

/** A row group of verl rows, column by column; row `i` has `extra_info.index` `start + i`. */
export interface VerlBatch {
  start: number;
  split: string;
  data_source: string[];
  /** The rendered prompt: the one user message's content. */
  content: Utf8[];
  ability: string[];
  ground_truth: Utf8[];
  id: (string | null)[];
  kind: string[];
  domain: (string | null)[];
  verifier: string[];
  format: string[];
  question: (Utf8 | null)[];
  original_data_source: (string | null)[];
}

/** An empty batch whose first row gets index `start`. */
export function newVerlBatch(start: number, split: string): VerlBatch {
  return { start, split, data_source: [], content: [], ability: [], ground_truth: [], id: [], kind: [], domain: [], verifier: [], format: [], question: [], original_data_source: [] };
}

/** Columns of few distinct values: posted as codes into a table of the distinct strings. */
const CODED_COLUMNS = ['data_source', 'ability', 'kind', 'domain', 'verifier', 'format', 'original_data_source'] as const;
/** Columns of mostly distinct values: posted as UTF-8 bytes. */
const TEXT_COLUMNS = ['content', 'ground_truth', 'question', 'id'] as const;
/** The long texts: the worker hands their bytes to the parquet writer as they are. */
const BYTE_COLUMNS: ReadonlySet<string> = new Set(['content', 'ground_truth', 'question']);

/**
 * A batch as a worker receives it: the few-valued columns as codes (-1 for null) into `table`,
 * the others as the UTF-8 bytes of their values, column after column, with the byte length of
 * each value (-1 for null). The buffers are transferred, not copied; a batch of arrays would be
 * cloned string by string, which costs the export loop several times more.
 */
export interface PackedVerlBatch {
  start: number;
  split: string;
  rows: number;
  table: string[];
  codes: Int32Array;
  bytes: Uint8Array;
  lengths: Int32Array;
}

/** Pack `b` for posting (its strings are encoded here; a value of bytes is copied). */
export function packVerlBatch(b: VerlBatch): PackedVerlBatch {
  const rows = b.content.length;
  const table: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(rows * CODED_COLUMNS.length);
  let k = 0;
  for (const c of CODED_COLUMNS) {
    for (const v of b[c]) {
      if (v === null) {
        codes[k++] = -1;
        continue;
      }
      let code = index.get(v);
      if (code === undefined) index.set(v, (code = table.push(v) - 1));
      codes[k++] = code;
    }
  }
  const lengths = new Int32Array(rows * TEXT_COLUMNS.length);
  let chars = 0;
  for (const c of TEXT_COLUMNS) for (const v of b[c]) if (v !== null) chars += v.length;
  let buf = Buffer.allocUnsafeSlow(Math.ceil(chars * 1.25) + 65_536);
  let at = 0;
  k = 0;
  for (const c of TEXT_COLUMNS) {
    for (const v of b[c]) {
      if (v === null) {
        lengths[k++] = -1;
        continue;
      }
      if (buf.length - at < v.length * 3) {
        // UTF-8 takes at most 3 bytes per UTF-16 unit: grow before a write could be cut short.
        const bigger = Buffer.allocUnsafeSlow(Math.max(buf.length * 2, at + v.length * 3));
        buf.copy(bigger, 0, 0, at);
        buf = bigger;
      }
      const n = typeof v === 'string' ? buf.write(v, at) : (buf.set(v, at), v.length);
      lengths[k++] = n;
      at += n;
    }
  }
  return { start: b.start, split: b.split, rows, table, codes, bytes: new Uint8Array(buf.buffer, 0, at), lengths };
}

/** The batch that {@link packVerlBatch} packed: long texts as views of its bytes. */
export function unpackVerlBatch(p: PackedVerlBatch): VerlBatch {
  const b = newVerlBatch(p.start, p.split);
  const { rows, table, codes, lengths } = p;
  let k = 0;
  for (const c of CODED_COLUMNS) {
    const col = b[c] as (string | null)[];
    for (let i = 0; i < rows; i++) {
      const code = codes[k++]!;
      col.push(code < 0 ? null : table[code]!);
    }
  }
  const bytes = Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.length);
  let at = 0;
  k = 0;
  for (const c of TEXT_COLUMNS) {
    const col = b[c] as (Utf8 | null)[];
    const raw = BYTE_COLUMNS.has(c);
    for (let i = 0; i < rows; i++) {
      const n = lengths[k++]!;
      if (n < 0) col.push(null);
      else {
        col.push(raw ? bytes.subarray(at, at + n) : bytes.toString('utf8', at, at + n));
        at += n;
      }
    }
  }
  return b;
}

const str = (name: string, repetition: 'REQUIRED' | 'OPTIONAL' = 'OPTIONAL'): SchemaElement => ({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: repetition });
const EXTRA_STRINGS: (keyof VerlExtraInfo)[] = ['id', 'kind', 'domain', 'verifier', 'format', 'question', 'original_data_source'];

/**
 * The parquet schema of verl rows: `prompt` a LIST of structs {role, content} (three-level list,
 * as Arrow and pyarrow write it), `reward_model` and `extra_info` structs.
 */
export const VERL_SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 5 },
  str('data_source', 'REQUIRED'),
  { name: 'prompt', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
  str('role'),
  str('content'),
  str('ability'),
  { name: 'reward_model', repetition_type: 'OPTIONAL', num_children: 2 },
  str('style'),
  str('ground_truth'),
  { name: 'extra_info', repetition_type: 'OPTIONAL', num_children: 2 + EXTRA_STRINGS.length },
  str('split'),
  { name: 'index', type: 'INT64', repetition_type: 'OPTIONAL' },
  ...EXTRA_STRINGS.map((k) => str(k)),
];

/**
 * UTF-8 bytes of a long, mostly distinct text (prompt, question, reference): Node's pooled
 * `Buffer.from` is about three times cheaper than the per-value `TextEncoder` the parquet writer
 * would use, and the writer takes bytes as they are. Short repeated strings stay strings: the
 * writer dictionary-encodes them and converts each distinct value once.
 */
const utf8 = (s: Utf8): Uint8Array => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s);

/** A long text: a string, or its UTF-8 bytes (as the worker receives it). */
export type Utf8 = string | Uint8Array;

/** Column data of a batch, in {@link VERL_SCHEMA}'s order. */
export function verlColumns(b: VerlBatch): ColumnSource[] {
  const n = b.content.length;
  const prompt = new Array<{ role: string; content: Uint8Array }[]>(n);
  const rewardModel = new Array<{ style: string; ground_truth: Uint8Array }>(n);
  const extraInfo = new Array<Record<string, unknown>>(n);
  for (let i = 0; i < n; i++) {
    prompt[i] = [{ role: 'user', content: utf8(b.content[i]!) }];
    rewardModel[i] = { style: 'rule', ground_truth: utf8(b.ground_truth[i]!) };
    const q = b.question[i]!;
    extraInfo[i] = {
      split: b.split,
      index: BigInt(b.start + i),
      id: b.id[i],
      kind: b.kind[i],
      domain: b.domain[i],
      verifier: b.verifier[i],
      format: b.format[i],
      question: q === null ? null : utf8(q),
      original_data_source: b.original_data_source[i],
    };
  }
  return [
    { name: 'data_source', data: b.data_source },
    { name: 'prompt', data: prompt },
    { name: 'ability', data: b.ability },
    { name: 'reward_model', data: rewardModel },
    { name: 'extra_info', data: extraInfo },
  ];
}
