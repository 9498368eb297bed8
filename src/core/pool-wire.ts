/**
 * The pool's message format for a chunk of samples. Structured-cloning a chunk as an array of
 * sample objects costs the main thread an object walk per sample and a fresh copy of every string
 * into a new buffer per message; for cheap verifiers that copying, not the verifying, bounded the
 * pool. Here every string response and reference of a chunk is written as UTF-16 into one
 * SharedArrayBuffer that the worker's slot reuses from chunk to chunk (no allocation, no
 * second copy: the worker decodes each string straight from it, just before that sample runs).
 * UTF-16 because it is exact for any string (lone surrogates included) and V8 writes a two-byte
 * string with one memcpy (UTF-8 took 10x longer for a non-Latin-1 string, after a scan for lone
 * surrogates); the worker gets a one-byte string back wherever one fits. Options are sent once per
 * distinct object (a batch usually shares one), and only what is not a string (an object
 * reference) is structured-cloned.
 *
 * Ownership: a buffer belongs to one chunk from `packChunk` until the pool has that chunk's result
 * (the worker has decoded every string by then); a worker that is terminated takes its buffers
 * with it.
 */

/** One sample as the worker runs it. */
export interface WireSample {
  response: unknown;
  reference: unknown;
  options: Record<string, unknown> | undefined;
}

/** A packed chunk (the `run` message's payload). */
export interface WireChunk {
  /** Number of samples. */
  n: number;
  /** UTF-16LE text of the packed strings, one after the other. */
  text: SharedArrayBuffer;
  /** End offset in `text` of each packed string, in order. */
  ends: Int32Array;
  /** Per sample: bit 0 the response is packed, bit 1 the reference is packed. */
  flags: Uint8Array;
  /** The responses and references that are not packed, in order (structured-cloned). */
  values: unknown[];
  /** Distinct options objects of the chunk. */
  optionTable: (Record<string, unknown> | undefined)[];
  /** Per sample: index into `optionTable`. */
  optionIndex: Uint16Array;
}

/** Buffers kept larger than this are dropped after use rather than reused. */
const KEEP_MAX = 64 * 2 ** 20;

/** Reusable text buffers of one worker slot. */
export class TextBuffers {
  private free: Buffer[] = [];

  /** A buffer of at least `bytes` bytes, reused when one is free. */
  take(bytes: number): Buffer {
    for (let k = 0; k < this.free.length; k++) {
      const b = this.free[k]!;
      if (b.length >= bytes) {
        this.free.splice(k, 1);
        return b;
      }
    }
    let size = 64 * 1024;
    while (size < bytes) size *= 2;
    return Buffer.from(new SharedArrayBuffer(size));
  }

  /** Give back a buffer whose chunk is answered. */
  give(b: Buffer): void {
    if (b.length > KEEP_MAX) return;
    this.free.push(b);
    if (this.free.length > 2) this.free.sort((x, y) => y.length - x.length).pop();
  }
}

const packable = (v: unknown): v is string => typeof v === 'string';

/** Pack `samples` for a worker, writing their strings into a buffer taken from `buffers`. Returns the chunk and the buffer to give back once it is answered. */
export function packChunk(samples: readonly WireSample[], buffers: TextBuffers): { chunk: WireChunk; buffer: Buffer } {
  const n = samples.length;
  const flags = new Uint8Array(n);
  const optionIndex = new Uint16Array(n);
  const optionTable: (Record<string, unknown> | undefined)[] = [];
  const values: unknown[] = [];
  let bound = 0;
  let strings = 0;
  let lastOptions: unknown = null;
  let lastIndex = 0;
  for (let k = 0; k < n; k++) {
    const s = samples[k]!;
    if (packable(s.response)) {
      flags[k]! |= 1;
      bound += 2 * s.response.length;
      strings++;
    }
    if (packable(s.reference)) {
      flags[k]! |= 2;
      bound += 2 * s.reference.length;
      strings++;
    }
    if (s.options !== lastOptions) {
      lastOptions = s.options;
      lastIndex = optionTable.indexOf(s.options);
      if (lastIndex < 0 || optionTable.length >= 0xffff) lastIndex = optionTable.push(s.options) - 1;
    }
    optionIndex[k] = lastIndex;
  }
  const buffer = buffers.take(bound);
  const ends = new Int32Array(strings);
  let at = 0;
  let e = 0;
  for (let k = 0; k < n; k++) {
    const s = samples[k]!;
    if (flags[k]! & 1) {
      at += buffer.write(s.response as string, at, 'utf16le');
      ends[e++] = at;
    } else values.push(s.response);
    if (flags[k]! & 2) {
      at += buffer.write(s.reference as string, at, 'utf16le');
      ends[e++] = at;
    } else values.push(s.reference);
  }
  return { chunk: { n, text: buffer.buffer as SharedArrayBuffer, ends, flags, values, optionTable, optionIndex }, buffer };
}

/** Reads a packed chunk's samples in order (each string is decoded only when its sample is read). */
export class ChunkReader {
  private text: Buffer;
  private e = 0;
  private v = 0;
  private at = 0;

  constructor(private chunk: WireChunk) {
    this.text = Buffer.from(chunk.text);
  }

  private string(): string {
    const end = this.chunk.ends[this.e++]!;
    const s = this.text.toString('utf16le', this.at, end);
    this.at = end;
    return s;
  }

  /** Bytes of packed text sample `k` (the next one to read) holds. */
  textBytes(k: number): number {
    const f = this.chunk.flags[k]!;
    const strings = (f & 1) + ((f >> 1) & 1);
    return strings ? this.chunk.ends[this.e + strings - 1]! - this.at : 0;
  }

  /** Sample `k` (call with k = 0, 1, 2, ... in order). */
  read(k: number): WireSample {
    const f = this.chunk.flags[k]!;
    const response = f & 1 ? this.string() : this.chunk.values[this.v++];
    const reference = f & 2 ? this.string() : this.chunk.values[this.v++];
    return { response, reference, options: this.chunk.optionTable[this.chunk.optionIndex[k]!] };
  }
}

/** Verdicts as a worker returns them: JSON for those JSON keeps exactly, structured clone for the rest. */
export interface WireVerdicts {
  /** JSON array of the verdicts, `null` where a verdict is in `rest`. */
  json: string;
  /** Verdicts JSON would change (a `-0`, `undefined`, a Map, ...), by their index. */
  rest: [number, unknown][];
}

/** Whether `JSON.parse(JSON.stringify(v))` is structurally equal to `v` (plain data only, bounded depth). */
export function jsonExact(v: unknown, depth = 0): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object' || depth > 32) return false;
  if (Array.isArray(v)) {
    for (let k = 0; k < v.length; k++) if (!(k in v) || !jsonExact(v[k], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in v) {
    if (!Object.hasOwn(v, key) || !jsonExact((v as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return Object.getOwnPropertySymbols(v).length === 0;
}

/** Encode a worker's verdicts for the main thread (one JSON string parses far faster than cloned objects). */
export function packVerdicts(verdicts: readonly unknown[]): WireVerdicts {
  const rest: [number, unknown][] = [];
  const plain = verdicts.map((v, k) => (jsonExact(v) ? v : (rest.push([k, v]), null)));
  return { json: JSON.stringify(plain), rest };
}

/** Decode {@link packVerdicts}' output. */
export function unpackVerdicts<V>(wire: WireVerdicts): V[] {
  const out = JSON.parse(wire.json) as V[];
  for (const [k, v] of wire.rest) out[k] = v as V;
  return out;
}
