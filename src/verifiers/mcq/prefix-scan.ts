/**
 * Find where any of a fixed set of 4-character prefixes occurs in a text, in one pass of a small
 * WebAssembly SIMD loop (built byte by byte at first use, see `core/wasm.ts`).
 *
 * The text is copied into linear memory one byte per UTF-16 unit (its Latin-1 low byte), so byte
 * offsets are string indices. Bytes are folded by setting bit 5 (ASCII and Latin-1 letters become
 * lower case). The loop takes 16 offsets at a time and keeps those whose four bytes can
 * spell a prefix (a "Teddy" filter: each byte's two nibbles index 16-byte tables of bucket bits,
 * see Hyperscan); at each survivor it reads the 4 folded bytes and looks them up in a
 * collision-free hash table of the prefixes. The folding is loose (`[` reads as `{`, `\` as `|`,
 * a non-Latin character as its low byte), so a hit is a candidate for the caller to confirm; it
 * never misses a real occurrence of a prefix in upper, lower or mixed case.
 */
import { HEADER, I32, V128, op, section, str, uleb, vec, webAssembly } from '../../core/wasm.js';

/** The longest text one scan accepts (the MCQ answer region is at most 32k characters). */
export const MAX_SCAN_CHARS = 32_768;

const BUCKET_BITS = 7;
const BUCKETS = 1 << BUCKET_BITS;
const KEYS_AT = 0; // BUCKETS x i32: the folded prefix in each bucket (0: empty)
const IDS_AT = KEYS_AT + 4 * BUCKETS; // BUCKETS x i32: its index in the caller's list
const TEDDY_AT = 1024; // 4 bytes x (low nibble, high nibble) x 16 bytes of bucket bits
const TEXT_AT = 2048;
/** Zeroed bytes after the text: the last 16-offset block reads up to 19 bytes past its start. */
const PAD = 32;
const OUT_AT = TEXT_AT + MAX_SCAN_CHARS + 1024; // pairs (offset, prefix index)
const PAGES = Math.ceil((OUT_AT + 8 * MAX_SCAN_CHARS) / 65536);

/** Finds the prefixes: `scan` fills `hits` with (offset, prefix index) pairs in offset order. */
export interface PrefixScanner {
  /** Scan a text; returns the number of hits. */
  scan(text: string): number;
  /** Hit k is at offset `hits[2k]` and is prefix `hits[2k + 1]`; overwritten by the next scan. */
  hits: Int32Array;
}

/** Bit 5 set in each byte of the 4 characters' low bytes, little-endian (what the loop computes). */
function foldedWord(s: string, at = 0): number {
  let w = 0;
  for (let k = 0; k < 4; k++) w |= ((s.charCodeAt(at + k) & 0xff) | 0x20) << (8 * k);
  return w >>> 0;
}

/** A multiplier that sends every prefix to its own bucket (searched from a fixed start). */
function perfectMultiplier(words: readonly number[]): number {
  for (let m = 0x9e3779b1, tries = 0; tries < 100_000; tries++, m = (m + 0x6a09e667) >>> 0) {
    const buckets = new Set(words.map((w) => Math.imul(w, m) >>> (32 - BUCKET_BITS)));
    if (buckets.size === words.length) return m;
  }
  throw new Error('no collision-free multiplier for these prefixes');
}

/** The Teddy tables: for byte j of a prefix in bucket b, bit b at [j][low nibble] and [j][16 + high nibble]. */
function teddyTables(words: readonly number[]): Uint8Array {
  const tables = new Uint8Array(128);
  const firsts = [...new Set(words.map((w) => w & 0xff))];
  for (const w of words) {
    const bit = 1 << (firsts.indexOf(w & 0xff) % 8); // prefixes with the same first byte share a bucket
    for (let j = 0; j < 4; j++) {
      const byte = (w >>> (8 * j)) & 0xff;
      tables[32 * j + (byte & 15)]! |= bit;
      tables[32 * j + 16 + (byte >> 4)]! |= bit;
    }
  }
  return tables;
}

/** The scan function: (len) -> number of hits, written as pairs at OUT_AT. */
function scanBody(multiplier: number): number[] {
  const [len, i, n, bits, p, w, h] = [0, 1, 2, 3, 4, 5, 6];
  const [fold, nib, m, v] = [7, 8, 9, 10];
  const table = (j: number, half: number): number => 11 + 2 * j + half;
  /** m (&)= the bucket bits of byte j at the 16 offsets from i. */
  const filterByte = (j: number): number[][] => [
    op.get(i), op.v128Load(TEXT_AT + j), op.get(fold), op.v128Or, op.set(v),
    op.get(table(j, 0)), op.get(v), op.get(nib), op.v128And, op.i8x16Swizzle,
    op.get(table(j, 1)), op.get(v), op.i32(4), op.i8x16ShrU, op.i8x16Swizzle,
    op.v128And,
    ...(j === 0 ? [] : [op.get(m), op.v128And]),
    op.set(m),
  ];
  const code = [
    op.i32(0x20), op.i8x16Splat, op.set(fold),
    op.i32(0x0f), op.i8x16Splat, op.set(nib),
    ...[0, 1, 2, 3].flatMap((j) => [0, 1].flatMap((half) => [op.i32(0), op.v128Load(TEDDY_AT + 32 * j + 16 * half), op.set(table(j, half))])),
    op.block, op.loop,
    op.get(i), op.get(len), op.i32GeS, op.brIf(1),
    ...filterByte(0), ...filterByte(1), ...filterByte(2), ...filterByte(3),
    op.get(m), op.v128AnyTrue,
    op.if,
    op.get(m), op.v128Const(new Array(16).fill(0)), op.i8x16Ne, op.i8x16Bitmask, op.set(bits),
    op.block, op.loop,
    op.get(bits), op.i32Eqz, op.brIf(1),
    op.get(i), op.get(bits), op.i32Ctz, op.i32Add, op.set(p),
    op.get(bits), op.get(bits), op.i32(1), op.i32Sub, op.i32And, op.set(bits),
    // w = load32(text + p) | 0x20202020; h = bucket(w) * 4; a hit when the bucket holds w
    op.get(p), op.i32LoadU(TEXT_AT), op.i32(0x20202020), op.i32Or, op.set(w),
    op.get(w), op.i32(multiplier), op.i32Mul, op.i32(32 - BUCKET_BITS), op.i32ShrU, op.i32(2), op.i32Shl, op.set(h),
    op.get(h), op.i32Load(KEYS_AT), op.get(w), op.i32Eq,
    op.if,
    op.get(n), op.i32(3), op.i32Shl, op.get(p), op.i32Store(OUT_AT),
    op.get(n), op.i32(3), op.i32Shl, op.get(h), op.i32Load(IDS_AT), op.i32Store(OUT_AT + 4),
    op.get(n), op.i32(1), op.i32Add, op.set(n),
    op.end,
    op.br(0),
    op.end, op.end,
    op.end,
    op.get(i), op.i32(16), op.i32Add, op.set(i),
    op.br(0),
    op.end, op.end,
    op.get(n),
  ].flat();
  const body = [...vec([[...uleb(6), I32], [...uleb(12), V128]]), ...code, ...op.end];
  return [...uleb(body.length), ...body];
}

/** Copy the text's low bytes into memory (Node's Buffer does it natively; else a loop). */
function writer(buffer: ArrayBuffer): (text: string) => void {
  const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBuffer): { write(s: string, at: number, enc: string): number } } }).Buffer;
  if (NodeBuffer) {
    const view = NodeBuffer.from(buffer);
    return (text) => void view.write(text, TEXT_AT, 'latin1');
  }
  const bytes = new Uint8Array(buffer, TEXT_AT, MAX_SCAN_CHARS);
  return (text) => {
    for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k) & 0xff;
  };
}

/**
 * A scanner for `prefixes` (each 4 characters, lower case, code units below 256), or undefined
 * where WebAssembly is unavailable. Texts longer than {@link MAX_SCAN_CHARS} are the caller's
 * to handle otherwise.
 */
export function prefixScanner(prefixes: readonly string[]): PrefixScanner | undefined {
  const WA = webAssembly();
  if (!WA) return undefined;
  for (const p of prefixes) {
    if (p.length !== 4 || /[^\x00-\xff]/.test(p)) throw new TypeError(`prefix must be 4 Latin-1 characters: ${JSON.stringify(p)}`);
  }
  const words = prefixes.map((p) => foldedWord(p));
  if (new Set(words).size !== words.length) throw new TypeError('prefixes must differ after case folding');
  const multiplier = perfectMultiplier(words);
  const moduleBytes = [
    ...HEADER,
    ...section(1, vec([[0x60, ...vec([[I32]]), ...vec([[I32]])]])),
    ...section(2, vec([[...str('env'), ...str('mem'), 0x02, 0x00, ...uleb(PAGES)]])),
    ...section(3, vec([uleb(0)])),
    ...section(7, vec([[...str('scan'), 0x00, ...uleb(0)]])),
    ...section(10, vec([scanBody(multiplier)])),
  ];
  try {
    const memory = new WA.Memory({ initial: PAGES });
    const instance = new WA.Instance(new WA.Module(new Uint8Array(moduleBytes)), { env: { mem: memory } });
    const scan = instance.exports.scan as (len: number) => number;
    const keys = new Int32Array(memory.buffer, KEYS_AT, BUCKETS);
    const ids = new Int32Array(memory.buffer, IDS_AT, BUCKETS);
    words.forEach((w, k) => {
      const bucket = Math.imul(w, multiplier) >>> (32 - BUCKET_BITS);
      keys[bucket] = w | 0;
      ids[bucket] = k;
    });
    new Uint8Array(memory.buffer, TEDDY_AT, 128).set(teddyTables(words));
    const out = new Int32Array(memory.buffer, OUT_AT, 2 * MAX_SCAN_CHARS);
    const bytes = new Uint8Array(memory.buffer);
    const write = writer(memory.buffer);
    return {
      hits: out,
      scan(text: string): number {
        if (text.length > MAX_SCAN_CHARS) throw new RangeError(`text longer than ${MAX_SCAN_CHARS} characters`);
        write(text);
        bytes.fill(0, TEXT_AT + text.length, TEXT_AT + text.length + PAD);
        return scan(text.length);
      },
    };
  } catch {
    return undefined;
  }
}

/** The same hits computed in JavaScript (a reference for tests). */
export function scanPrefixesSlowly(prefixes: readonly string[], text: string): number[] {
  const words = prefixes.map((p) => foldedWord(p));
  const hits: number[] = [];
  for (let i = 0; i + 4 <= text.length; i++) {
    const k = words.indexOf(foldedWord(text, i));
    if (k >= 0) hits.push(i, k);
  }
  return hits;
}
