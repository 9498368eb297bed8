/**
 * A minimal WebAssembly encoder: enough of the binary format to build small kernels byte by byte
 * at first use (no binary files, no build step). Used by the langdetect sampling kernel and the
 * MCQ anchor scanner.
 */

/** Unsigned LEB128. */
export const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
/** Signed LEB128. */
export const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};
/** A little-endian IEEE 754 double. */
export const f64 = (x: number): number[] => Array.from(new Uint8Array(new Float64Array([x]).buffer));
/** A length-prefixed name. */
export const str = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
/** A length-prefixed vector of items. */
export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
/** A module section with its id and byte size. */
export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** Value types and the empty block type. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export const VOID = 0x40;

/** Instruction helpers (opcodes of the WebAssembly core and SIMD specifications). */
export const op = {
  block: [0x02, VOID],
  loop: [0x03, VOID],
  if: [0x04, VOID],
  end: [0x0b],
  br: (d: number) => [0x0c, ...uleb(d)],
  brIf: (d: number) => [0x0d, ...uleb(d)],
  ret: [0x0f],
  call: (f: number) => [0x10, ...uleb(f)],
  get: (l: number) => [0x20, ...uleb(l)],
  set: (l: number) => [0x21, ...uleb(l)],
  tee: (l: number) => [0x22, ...uleb(l)],
  i32Load: (off: number) => [0x28, 2, ...uleb(off)],
  /** Unaligned 32-bit load (alignment hint 1 byte). */
  i32LoadU: (off: number) => [0x28, 0, ...uleb(off)],
  i32Store: (off: number) => [0x36, 2, ...uleb(off)],
  f64Load: (off: number) => [0x2b, 3, ...uleb(off)],
  i32Load8u: (off: number) => [0x2d, 0, ...uleb(off)],
  f64Store: (off: number) => [0x39, 3, ...uleb(off)],
  i32: (n: number) => [0x41, ...sleb(n | 0)],
  f64c: (x: number) => [0x44, ...f64(x)],
  i32Eqz: [0x45],
  i32GeS: [0x4e],
  i32GeU: [0x4f],
  i32LtU: [0x49],
  f64Lt: [0x63],
  f64Gt: [0x64],
  i32Clz: [0x67],
  i32Add: [0x6a],
  i32RemU: [0x70],
  i32And: [0x71],
  i32Or: [0x72],
  i32Xor: [0x73],
  i32Mul: [0x6c],
  i32Sub: [0x6b],
  i32Eq: [0x46],
  i32LtS: [0x48],
  i32Shl: [0x74],
  i32ShrU: [0x76],
  f64Add: [0xa0],
  f64Mul: [0xa2],
  unreachable: [0x00],
  v128Load: (off: number) => [0xfd, ...uleb(0), 4, ...uleb(off)],
  v128Store: (off: number) => [0xfd, ...uleb(11), 4, ...uleb(off)],
  v128Const: (bytes: readonly number[]) => [0xfd, ...uleb(12), ...bytes],
  i8x16Swizzle: [0xfd, ...uleb(14)],
  i8x16Splat: [0xfd, ...uleb(15)],
  i8x16Ne: [0xfd, ...uleb(36)],
  v128And: [0xfd, ...uleb(78)],
  v128Or: [0xfd, ...uleb(80)],
  v128AnyTrue: [0xfd, ...uleb(83)],
  i8x16Bitmask: [0xfd, ...uleb(100)],
  i8x16ShrU: [0xfd, ...uleb(109)],
  i32Ctz: [0x68],
  f64x2Splat: [0xfd, ...uleb(20)],
  f64x2Add: [0xfd, ...uleb(240)],
  f64x2Mul: [0xfd, ...uleb(242)],
  f64x2Div: [0xfd, ...uleb(243)],
};


/** The part of the WebAssembly JS API used here (the project's `lib` has no DOM/WebAssembly types). */
export interface WasmApi {
  Memory: new (d: { initial: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** The WebAssembly API of this runtime, or undefined where there is none. */
export function webAssembly(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

/** A module's 8-byte header (magic and version 1). */
export const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
