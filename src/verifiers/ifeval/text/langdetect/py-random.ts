/**
 * CPython's `random.Random` (MT19937) for the calls langdetect makes: `seed(int)`, `random()`,
 * `gauss()`, `choice()`. Written from the published MT19937 algorithm and CPython's documented
 * seeding (`init_by_array` over the seed's 32-bit words), so that a seeded detection draws exactly
 * the same numbers as the reference.
 *
 * Bridge: `gauss()` uses `Math.log/sqrt/cos/sin`; V8's `log/cos/sin` are fdlibm ports and glibc's
 * may differ in the last bit in rare cases. That can only move the smoothing parameter alpha by one
 * ulp; detection results on the reference corpus are identical (see test/ifeval/tokenizers.test.ts).
 */
const N = 624;
const M = 397;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX_A = 0x9908b0df;

/** A Python-compatible Mersenne Twister. */
export class PyRandom {
  /** MT19937 state (exposed for the language detector's draw loops; may live in WebAssembly memory). */
  readonly mt: Uint32Array;
  /** Index of the next state word to temper; N means "twist first". */
  mti = N + 1;
  private gaussNext: number | null = null;

  /** A generator (unseeded until {@link seed} or {@link copyFrom}); `state` may supply the 624-word state array. */
  constructor(state: Uint32Array = new Uint32Array(N)) {
    this.mt = state;
  }

  /** An independent generator in the same state. */
  clone(): PyRandom {
    const r = new PyRandom();
    r.copyFrom(this);
    return r;
  }

  /** Put this generator in `other`'s state. */
  copyFrom(other: PyRandom): void {
    this.mt.set(other.mt);
    this.mti = other.mti;
    this.gaussNext = other.gaussNext;
  }

  /** Python `random.seed(n)` for a non-negative integer below 2**32. */
  seed(n: number): void {
    this.initByArray([n >>> 0]);
    this.gaussNext = null;
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    this.mti = N;
  }

  private initByArray(key: number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** Regenerate the state block (MT19937 "twist"); resets `mti` to 0. */
  twist(): void {
    const mt = this.mt;
    {
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = (mt[kk]! & UPPER) | (mt[kk + 1]! & LOWER);
        mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[kk]! & UPPER) | (mt[kk + 1]! & LOWER);
        mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      const y = (mt[N - 1]! & UPPER) | (mt[0]! & LOWER);
      mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.mti = 0;
    }
  }

  /** The next 32-bit output. */
  genrandUint32(): number {
    if (this.mti >= N) this.twist();
    let y = this.mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Python `random()`: 53-bit float in [0, 1). */
  random(): number {
    const a = this.genrandUint32() >>> 5;
    const b = this.genrandUint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** Python `getrandbits(k)` for 0 < k <= 32. */
  private getrandbits(k: number): number {
    return this.genrandUint32() >>> (32 - k);
  }

  /** Python `_randbelow(n)` (rejection sampling on `n.bit_length()` bits), n < 2**32. */
  randbelow(n: number): number {
    const k = 32 - Math.clz32(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /** Python `gauss(mu, sigma)` (Box-Muller with the cached second value). */
  gauss(mu = 0, sigma = 1): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * 2 * Math.PI;
      const g2rad = Math.sqrt(-2.0 * Math.log(1.0 - this.random()));
      z = Math.cos(x2pi) * g2rad;
      this.gaussNext = Math.sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }
}
