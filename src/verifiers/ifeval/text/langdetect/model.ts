/**
 * langdetect's model in memory: the 55 profiles as a sparse matrix of P(n-gram | language) (dense
 * rows for the n-grams most languages share), n-gram lookup tables, and the character
 * normalisation of `NGram.normalize` (data/ifeval/langdetect.json, loaded once per thread).
 */
import { lazy, loadData } from '../data.js';
import { isUpperCp } from '../pyunicode.js';

interface LangdetectJson {
  langs: string[];
  n_words: number[][];
  grams: Record<string, number[]>;
  latin1_excluded: string;
  cjk_classes: string[];
  vi_to_normalize: string;
  vi_dmark: string;
  vi_normalized: string[];
}

/** N-grams with more language entries than this get a dense row. */
export const DENSE_MIN = 8;

export interface Model {
  langs: string[];
  /** Direct ids of 1-grams by code point (+1; 0 = none). */
  unigram: Int32Array;
  /**
   * Pairs of BMP code points (key `a << 16 | b`) -> packed `(2-gram id + 1) | (prefix id + 1) << 17`
   * (0 = none), where the prefix id numbers the pairs that begin some 3-gram; 3-grams are keyed
   * `prefixId << 16 | c`. All keys fit 32 bits: the profiles hold no astral characters, 87,598
   * n-grams and 16,926 3-gram prefixes.
   */
  pairs: U32Table;
  triples: U32Table;
  /**
   * The profiles as a sparse matrix: n-gram `id` has entries `start[id] .. start[id+1]-1`, each a
   * language index and P(gram | lang) = freq / n_words[lang][len-1] (computed as langdetect does).
   * Only 2.1 of the 55 languages have an entry per n-gram on average; the others are 0.
   */
  start: Int32Array;
  entryLang: Uint8Array;
  entryProb: Float64Array;
  /**
   * Dense rows for the n-grams present in many languages (common letters and pairs, which are
   * most of the draws): offset into `denseRows`, or -1 for n-grams kept sparse.
   */
  denseAt: Int32Array;
  denseRows: Float64Array;
  latin1Excluded: Set<number>;
  cjk: Map<number, number>;
  vi: Map<string, string>;
  viRe: RegExp;
}

export const model = lazy((): Model => {
  const d = loadData<LangdetectJson>('langdetect.json');
  const cjk = new Map<number, number>();
  for (const cls of d.cjk_classes) {
    const cps = Array.from(cls, (c) => c.codePointAt(0)!);
    for (const cp of cps) cjk.set(cp, cps[0]!);
  }
  const vi = new Map<string, string>();
  const alphabet = Array.from(d.vi_to_normalize);
  const marks = Array.from(d.vi_dmark);
  marks.forEach((m, mi) => {
    const row = Array.from(d.vi_normalized[mi]!);
    alphabet.forEach((a, ai) => vi.set(a + m, row[ai]!));
  });
  const esc = (s: string): string => Array.from(s, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
  const entries = Object.entries(d.grams);
  const unigram = new Int32Array(0x10000);
  const pairs = new U32Table(entries.length);
  const triples = new U32Table(entries.length);
  let nPrefixes = 0;
  let total = 0;
  for (const [, e] of entries) total += e.length / 2;
  const start = new Int32Array(entries.length + 1);
  const entryLang = new Uint8Array(total);
  const entryProb = new Float64Array(total);
  let k = 0;
  entries.forEach(([gram, e], id) => {
    const cps = Array.from(gram, (c) => c.codePointAt(0)!);
    const [a, b, c] = cps as [number, number | undefined, number | undefined];
    if (cps.length === 1) {
      unigram[a] = id + 1;
    } else {
      const pk = ((a << 16) | b!) >>> 0;
      const v = pairs.get(pk, 0) >>> 0;
      if (cps.length === 2) {
        pairs.set(pk, (v | (id + 1)) >>> 0);
      } else {
        let pid = (v >>> 17) - 1;
        if (pid < 0) pairs.set(pk, (v | ((pid = nPrefixes++) + 1) * 0x20000) >>> 0);
        triples.set(((pid << 16) | c!) >>> 0, id);
      }
    }
    start[id] = k;
    for (let i = 0; i < e.length; i += 2) {
      const li = e[i]!;
      entryLang[k] = li;
      entryProb[k] = (1.0 * e[i + 1]!) / d.n_words[li]![cps.length - 1]!;
      k++;
    }
  });
  start[entries.length] = k;
  const L = d.langs.length;
  const denseAt = new Int32Array(entries.length).fill(-1);
  let nDense = 0;
  for (let id = 0; id < entries.length; id++) if (start[id + 1]! - start[id]! > DENSE_MIN) nDense++;
  const denseRows = new Float64Array(nDense * L);
  for (let id = 0, off = 0; id < entries.length; id++) {
    if (start[id + 1]! - start[id]! <= DENSE_MIN) continue;
    denseAt[id] = off;
    for (let e = start[id]!; e < start[id + 1]!; e++) denseRows[off + entryLang[e]!] = entryProb[e]!;
    off += L;
  }
  return {
    denseAt,
    denseRows,
    langs: d.langs,
    unigram,
    pairs,
    triples,
    start,
    entryLang,
    entryProb,
    latin1Excluded: new Set(Array.from(d.latin1_excluded, (c) => c.codePointAt(0)!)),
    cjk,
    vi,
    viRe: new RegExp(`([${esc(d.vi_to_normalize)}])([${esc(d.vi_dmark)}])`, 'gu'),
  };
});

/**
 * Open-addressing hash table from 32-bit keys to int values (no allocation per lookup).
 * 0xffffffff marks an empty slot (the pair U+FFFF U+FFFF never occurs in a profile).
 */
class U32Table {
  private readonly keys: Uint32Array;
  private readonly vals: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  // A small direct-mapped cache of recent lookups: a text reuses a few hundred n-grams, and the
  // full table (about 1 MB) misses the CPU caches.
  private readonly recentKeys = new Uint32Array(4096).fill(0xffffffff);
  private readonly recentVals = new Int32Array(4096);

  constructor(n: number) {
    let bits = 1;
    while (1 << bits < n * 2) bits++;
    this.keys = new Uint32Array(1 << bits).fill(0xffffffff);
    this.vals = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  private slot(k: number): number {
    return Math.imul(k, 0x9e3779b1) >>> this.shift;
  }

  /** The value stored under `k`, or `dflt`. */
  get(k: number, dflt: number): number {
    const h = Math.imul(k, 0x9e3779b1);
    const r = h >>> 20;
    if (this.recentKeys[r] === k) return this.recentVals[r]!;
    const keys = this.keys;
    let v = dflt;
    for (let i = h >>> this.shift; ; i = (i + 1) & this.mask) {
      const kk = keys[i]!;
      if (kk === k) {
        v = this.vals[i]!;
        break;
      }
      if (kk === 0xffffffff) break;
    }
    this.recentKeys[r] = k;
    this.recentVals[r] = v;
    return v;
  }

  set(k: number, v: number): void {
    const r = Math.imul(k, 0x9e3779b1) >>> 20;
    if (this.recentKeys[r] === k) this.recentKeys[r] = 0xffffffff;
    let i = this.slot(k);
    while (this.keys[i] !== 0xffffffff && this.keys[i] !== k) i = (i + 1) & this.mask;
    this.keys[i] = k;
    this.vals[i] = v;
  }
}



/**
 * `NGram.normalize` and `str.isupper` of the result, for every BMP code point, precomputed:
 * normalised code point in the low 16 bits, bit 16 set when it is uppercase.
 */
export const bmpTable = lazy(() => {
  const m = model();
  const t = new Uint32Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) {
    const n = normalizeCp(m, cp);
    t[cp] = n | (isUpperCp(n) ? 0x10000 : 0);
  }
  return t;
});

/** `NGram.normalize` for one code point. */
export function normalizeCp(m: Model, cp: number): number {
  if (cp <= 0x7f) return cp < 0x41 || (cp > 0x5a && cp < 0x61) || cp > 0x7a ? 0x20 : cp;
  if (cp <= 0xff) return m.latin1Excluded.has(cp) ? 0x20 : cp;
  if (cp >= 0x180 && cp <= 0x24f) return cp === 0x219 ? 0x15f : cp === 0x21b ? 0x163 : cp;
  if (cp >= 0x2000 && cp <= 0x206f) return 0x20;
  if (cp >= 0x600 && cp <= 0x6ff) return cp === 0x6cc ? 0x64a : cp;
  if (cp >= 0x1e00 && cp <= 0x1eff) return cp >= 0x1ea0 ? 0x1ec3 : cp;
  if (cp >= 0x3040 && cp <= 0x309f) return 0x3042;
  if (cp >= 0x30a0 && cp <= 0x30ff) return 0x30a2;
  if ((cp >= 0x3100 && cp <= 0x312f) || (cp >= 0x31a0 && cp <= 0x31bf)) return 0x3105;
  if (cp >= 0x4e00 && cp <= 0x9fff) return m.cjk.get(cp) ?? cp;
  if (cp >= 0xac00 && cp <= 0xd7af) return 0xac00;
  return cp;
}

