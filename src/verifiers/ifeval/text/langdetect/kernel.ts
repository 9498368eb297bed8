/**
 * langdetect's sampling loop as a small WebAssembly SIMD kernel (built here, byte by byte, at first
 * use; no binary file). One trial: draw n-grams with the Mersenne Twister, multiply the 55
 * language probabilities by `weight + P(gram | lang)`, normalise every 5 draws, stop on
 * convergence.
 *
 * Exactness: WebAssembly `f64` and `f64x2` arithmetic is IEEE 754 double precision with
 * round-to-nearest, lane by lane, so every product, sum and quotient is the one the JavaScript (and
 * Python) loop computes; the normalising sum stays a sequential scalar loop in Python's order. The
 * random draws read the same generator state (its block regeneration stays in JavaScript). When
 * WebAssembly SIMD is unavailable the detector falls back to its JavaScript loop.
 */
import type { Model } from './model.js';
import { PyRandom } from './py-random.js';
import { F64, HEADER, I32, V128, op, section, str, uleb, vec, webAssembly } from '../../../../core/wasm.js';

/** Lanes per probability vector: 55 languages padded to an even count (the pad lane stays 0). */
const LANES = 56;
const MAX_NGRAMS = 30000;

/** Byte offsets of the kernel's data in linear memory. */
interface Layout {
  prob: number;
  keep: number;
  mt: number;
  ngrams: number;
  denseAt: number;
  start: number;
  entryLang: number;
  entryProb: number;
  denseRows: number;
  bytes: number;
}

function layout(m: Model): Layout {
  const align = (x: number, a: number): number => Math.ceil(x / a) * a;
  const prob = 0;
  const keep = 512;
  const mt = 1024;
  const ngrams = 4096;
  const denseAt = align(ngrams + 4 * MAX_NGRAMS, 16);
  const start = align(denseAt + 4 * m.denseAt.length, 16);
  const entryLang = align(start + 4 * m.start.length, 16);
  const entryProb = align(entryLang + m.entryLang.length, 16);
  const denseRows = align(entryProb + 8 * m.entryProb.length, 16);
  const bytes = denseRows + 8 * LANES * (m.denseRows.length / m.langs.length);
  return { prob, keep, mt, ngrams, denseAt, start, entryLang, entryProb, denseRows, bytes };
}

/** The trial function's code. Params: n (0), weight (1), mti (2); returns the new mti. */
function trialBody(L: Layout, nLangs: number): number[] {
  const [n, weight, mti, i, shift, y, r, id, d, a, b, e, j, k, sum, max, p, wv, sv] = Array.from({ length: 19 }, (_, x) => x);
  const vecBytes = LANES * 8;
  const laneBytes = nLangs * 8;
  /** for (k = 0; k < vecBytes; k += 16) { body } */
  const overVectors = (body: number[]): number[] => [
    ...op.i32(0), ...op.set(k!),
    ...op.loop,
    ...body,
    ...op.get(k!), ...op.i32(16), ...op.i32Add, ...op.tee(k!), ...op.i32(vecBytes), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
  ];
  /** for (e = a; e < b; e++) { body } */
  const overEntries = (body: number[]): number[] => [
    ...op.get(a!), ...op.set(e!),
    ...op.block, ...op.loop,
    ...op.get(e!), ...op.get(b!), ...op.i32GeS, ...op.brIf(1),
    ...body,
    ...op.get(e!), ...op.i32(1), ...op.i32Add, ...op.set(e!), ...op.br(0),
    ...op.end, ...op.end,
  ];
  /** for (j = 0; j < laneBytes; j += 8) { body } */
  const overLanes = (body: number[]): number[] => [
    ...op.i32(0), ...op.set(j!),
    ...op.loop,
    ...body,
    ...op.get(j!), ...op.i32(8), ...op.i32Add, ...op.tee(j!), ...op.i32(laneBytes), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
  ];
  const temper = (rshift: number, lshift: number, mask: number): number[] =>
    rshift
      ? [...op.get(y!), ...op.get(y!), ...op.i32(rshift), ...op.i32ShrU, ...op.i32Xor, ...op.set(y!)]
      : [...op.get(y!), ...op.get(y!), ...op.i32(lshift), ...op.i32Shl, ...op.i32(mask), ...op.i32And, ...op.i32Xor, ...op.set(y!)];
  const code = [
    ...op.get(weight!), ...op.f64x2Splat, ...op.set(wv!),
    ...op.get(n!), ...op.i32Clz, ...op.set(shift!),
    ...op.i32(0), ...op.set(i!),
    ...op.loop, // iteration
    // r = randbelow(n): tempered outputs >>> clz(n), rejecting r >= n
    ...op.loop,
    ...op.get(mti!), ...op.i32(624), ...op.i32GeS,
    ...op.if, ...op.call(0), ...op.i32(0), ...op.set(mti!), ...op.end,
    ...op.get(mti!), ...op.i32(2), ...op.i32Shl, ...op.i32Load(L.mt), ...op.set(y!),
    ...op.get(mti!), ...op.i32(1), ...op.i32Add, ...op.set(mti!),
    ...temper(11, 0, 0),
    ...temper(0, 7, 0x9d2c5680),
    ...temper(0, 15, 0xefc60000),
    ...temper(18, 0, 0),
    ...op.get(y!), ...op.get(shift!), ...op.i32ShrU, ...op.tee(r!), ...op.get(n!), ...op.i32GeU, ...op.brIf(0),
    ...op.end,
    // id = ngrams[r]; d = denseAt[id]
    ...op.get(r!), ...op.i32(2), ...op.i32Shl, ...op.i32Load(L.ngrams), ...op.set(id!),
    ...op.get(id!), ...op.i32(2), ...op.i32Shl, ...op.i32Load(L.denseAt), ...op.tee(d!),
    ...op.i32(0), ...op.i32GeS,
    ...op.if,
    // dense row (d is its byte offset): prob = prob * (weight + row), two lanes at a time
    ...overVectors([
      ...op.get(k!),
      ...op.get(k!), ...op.v128Load(L.prob),
      ...op.get(wv!),
      ...op.get(d!), ...op.get(k!), ...op.i32Add, ...op.v128Load(L.denseRows),
      ...op.f64x2Add, ...op.f64x2Mul,
      ...op.v128Store(L.prob),
    ]),
    [0x05], // else: sparse row
    ...op.get(id!), ...op.i32(2), ...op.i32Shl, ...op.i32Load(L.start), ...op.set(a!),
    ...op.get(id!), ...op.i32(2), ...op.i32Shl, ...op.i32Load(L.start + 4), ...op.set(b!),
    ...overEntries([
      ...op.get(e!), ...op.i32Load8u(L.entryLang), ...op.i32(3), ...op.i32Shl, ...op.set(j!),
      ...op.get(j!), ...op.get(j!), ...op.f64Load(L.prob), ...op.f64Store(L.keep),
    ]),
    ...overVectors([...op.get(k!), ...op.get(k!), ...op.v128Load(L.prob), ...op.get(wv!), ...op.f64x2Mul, ...op.v128Store(L.prob)]),
    ...overEntries([
      ...op.get(e!), ...op.i32Load8u(L.entryLang), ...op.i32(3), ...op.i32Shl, ...op.set(j!),
      ...op.get(j!),
      ...op.get(j!), ...op.f64Load(L.keep),
      ...op.get(weight!), ...op.get(e!), ...op.i32(3), ...op.i32Shl, ...op.f64Load(L.entryProb), ...op.f64Add,
      ...op.f64Mul,
      ...op.f64Store(L.prob),
    ]),
    ...op.end,
    // every 5 draws: normalise (sequential sum, as Python's sum()) and test convergence
    ...op.get(i!), ...op.i32(5), ...op.i32RemU, ...op.i32Eqz,
    ...op.if,
    ...op.f64c(0), ...op.set(sum!),
    ...overLanes([...op.get(sum!), ...op.get(j!), ...op.f64Load(L.prob), ...op.f64Add, ...op.set(sum!)]),
    ...op.get(sum!), ...op.f64x2Splat, ...op.set(sv!),
    ...overVectors([...op.get(k!), ...op.get(k!), ...op.v128Load(L.prob), ...op.get(sv!), ...op.f64x2Div, ...op.v128Store(L.prob)]),
    ...op.f64c(0), ...op.set(max!),
    ...overLanes([
      ...op.get(max!), ...op.get(j!), ...op.f64Load(L.prob), ...op.tee(p!), ...op.f64Lt,
      ...op.if, ...op.get(p!), ...op.set(max!), ...op.end,
    ]),
    ...op.get(max!), ...op.f64c(0.99999), ...op.f64Gt,
    ...op.get(i!), ...op.i32(1000), ...op.i32GeS,
    ...op.i32Or,
    ...op.if, ...op.get(mti!), ...op.ret, ...op.end,
    ...op.end,
    ...op.get(i!), ...op.i32(1), ...op.i32Add, ...op.set(i!),
    ...op.br(0),
    ...op.end,
    ...op.unreachable,
  ].flat();
  const locals = vec([
    [...uleb(11), I32],
    [...uleb(3), F64],
    [...uleb(2), V128],
  ]);
  const body = [...locals, ...code, ...op.end];
  return [...uleb(body.length), ...body];
}

/** A ready kernel: memory views and the trial function. */
export interface Kernel {
  prob: Float64Array;
  ngrams: Int32Array;
  rng: PyRandom;
  trial(n: number, weight: number, mti: number): number;
}

/** Build and instantiate the kernel for a model; undefined when WebAssembly SIMD is unavailable. */
export function buildKernel(m: Model): Kernel | undefined {
  const WA = webAssembly();
  if (!WA) return undefined;
  const L = layout(m);
  const pages = Math.ceil(L.bytes / 65536) + 1;
  const moduleBytes = [
    ...HEADER,
    ...section(1, vec([[0x60, ...vec([]), ...vec([])], [0x60, ...vec([[I32], [F64], [I32]]), ...vec([[I32]])]])),
    ...section(2, vec([
      [...str('env'), ...str('mem'), 0x02, 0x00, ...uleb(pages)],
      [...str('env'), ...str('twist'), 0x00, ...uleb(0)],
    ])),
    ...section(3, vec([uleb(1)])),
    ...section(7, vec([[...str('trial'), 0x00, ...uleb(1)]])),
    ...section(10, vec([trialBody(L, m.langs.length)])),
  ];
  try {
    const memory = new WA.Memory({ initial: pages });
    const buf = memory.buffer;
    const rng = new PyRandom(new Uint32Array(buf, L.mt, 624));
    const instance = new WA.Instance(new WA.Module(new Uint8Array(moduleBytes)), {
      env: { mem: memory, twist: () => rng.twist() },
    });
    const nLangs = m.langs.length;
    // Dense rows as byte offsets into the padded rows region (-1: sparse).
    new Int32Array(buf, L.denseAt, m.denseAt.length).set(m.denseAt.map((off) => (off < 0 ? -1 : (off / nLangs) * LANES * 8)));
    new Int32Array(buf, L.start, m.start.length).set(m.start);
    new Uint8Array(buf, L.entryLang, m.entryLang.length).set(m.entryLang);
    new Float64Array(buf, L.entryProb, m.entryProb.length).set(m.entryProb);
    const rows = new Float64Array(buf, L.denseRows, (L.bytes - L.denseRows) / 8);
    for (let row = 0; row * nLangs < m.denseRows.length; row++) {
      rows.set(m.denseRows.subarray(row * nLangs, (row + 1) * nLangs), row * LANES);
    }
    const trial = instance.exports.trial as (n: number, weight: number, mti: number) => number;
    return {
      prob: new Float64Array(buf, L.prob, LANES),
      ngrams: new Int32Array(buf, L.ngrams, MAX_NGRAMS),
      rng,
      trial,
    };
  } catch {
    return undefined;
  }
}
