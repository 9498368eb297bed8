/**
 * A TypeScript port of langdetect 1.0.9 (`langdetect.detect`), the language identifier the IFEval
 * reference calls for `language:response_language` and the two `change_case:english_*` checks.
 *
 * Algorithm (Shuyo's naive Bayes over character 1-3 grams): strip URLs and e-mail addresses,
 * normalise Vietnamese combining marks, collapse spaces, keep the first 10000 code points, drop
 * Latin letters from mostly non-Latin text, extract the n-grams known to the 55 profiles, then run
 * 7 trials of random n-gram sampling (smoothing alpha drawn from a Gaussian), stopping a trial when
 * one language exceeds 0.99999 (checked every 5 draws) or after 1000 draws; average the trials.
 *
 * Determinism: the reference is unseeded (`random.Random()` seeded from the OS), so its answers can
 * vary between runs. We always seed with **0**, exactly like setting `DetectorFactory.seed = 0`,
 * with a bit-compatible port of CPython's Mersenne Twister, so the same text always gets the same
 * language, equal to the reference run with seed 0. Python quirks kept on purpose:
 * - `cleaning_text` compares a block number to the string 'Latin Extended Additional', which is
 *   never equal, so every character from U+0300 up counts as non-Latin;
 * - profiles are summed in the reference machine's directory order (data/ifeval/langdetect.json),
 *   which only fixes floating-point summation order;
 * - a text without any known n-gram raises "No features in text." ({@link LangDetectError}); the
 *   IFEval checkers count that as the instruction being followed.
 */
import { lazy, loadData } from '../data.js';
import { isUpperCp } from '../pyunicode.js';
import { PyRandom } from './py-random.js';

/** langdetect's `LangDetectException` (only "No features in text." can happen here). */
export class LangDetectError extends Error {
  override name = 'LangDetectError';
}

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
const DENSE_MIN = 8;

interface Model {
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

const model = lazy((): Model => {
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



const URL_RE = /https?:\/\/[-_.?&~;+=/#0-9A-Za-z]{1,2076}/g;
const MAIL_RE = /[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}/g;
const MAX_TEXT_LENGTH = 10000;

/**
 * `NGram.normalize` and `str.isupper` of the result, for every BMP code point, precomputed:
 * normalised code point in the low 16 bits, bit 16 set when it is uppercase.
 */
const bmpTable = lazy(() => {
  const m = model();
  const t = new Uint32Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) {
    const n = normalizeCp(m, cp);
    t[cp] = n | (isUpperCp(n) ? 0x10000 : 0);
  }
  return t;
});

/** `NGram.normalize` for one code point. */
function normalizeCp(m: Model, cp: number): number {
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

/** `Detector.append`'s substitutions: URLs and e-mail addresses to spaces, Vietnamese marks composed. */
function substitute(m: Model, input: string): string {
  let text = input;
  // The patterns need "http" and "@" respectively; skipping them otherwise changes nothing.
  if (text.includes('http')) text = text.replace(URL_RE, ' ');
  if (text.includes('@')) text = text.replace(MAIL_RE, ' ');
  return text.replace(m.viRe, (s) => m.vi.get(s) ?? s);
}

/**
 * `cleaning_text`'s decision: are Latin letters ('A'..'z') to be dropped? (when fewer than half as
 * many as the characters from U+0300 up, among the first 10000 code points; spaces, which the
 * collapse step removes, count in neither).
 */
function dropLatin(text: string): boolean {
  let latin = 0;
  let nonLatin = 0;
  let n = 0;
  for (let i = 0; i < text.length && n < MAX_TEXT_LENGTH; i++, n++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp >= 0x41 && cp <= 0x7a) latin++;
    else if (cp >= 0x300) nonLatin++;
  }
  return latin * 2 < nonLatin;
}

/**
 * `Detector.append` + `cleaning_text` + `_extract_ngrams` in one pass over the string: the first
 * 10000 code points, runs of spaces collapsed to one, Latin letters dropped when
 * {@link dropLatin} says so; returns the ids of the known n-grams, in text order.
 */
function extractNgrams(m: Model, input: string): Int32Array {
  const text = substitute(m, input);
  const noLatin = dropLatin(text);
  // At most three n-grams per code point read.
  const out = new Int32Array(Math.min(text.length, MAX_TEXT_LENGTH) * 3);
  let count = 0;
  // The n-gram buffer `grams` (at most 3 code points) as g0 g1 g2 (oldest first) and its length.
  let g0 = 0x20;
  let g1 = 0;
  let g2 = 0;
  let len = 1;
  let capital = false;
  const { unigram, pairs, triples } = m;
  // Prefix id of the previous step's 2-gram window (-1 none, -2 not computed).
  let prevPrefix = -2;
  const table = bmpTable();
  let lastUpper = false;
  let pre = -1;
  let count10k = 0;
  for (let pos = 0; pos < text.length && count10k < MAX_TEXT_LENGTH; pos++, count10k++) {
    let raw = text.charCodeAt(pos);
    if (raw >= 0xd800 && raw <= 0xdbff && pos + 1 < text.length) {
      const lo = text.charCodeAt(pos + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        raw = 0x10000 + ((raw - 0xd800) << 10) + (lo - 0xdc00);
        pos++;
      }
    }
    const collapsed = raw === 0x20 && pre === 0x20;
    pre = raw;
    if (collapsed || (noLatin && raw >= 0x41 && raw <= 0x7a)) continue;
    let ch: number;
    let upper: boolean;
    if (raw <= 0xffff) {
      const t = table[raw]!;
      ch = t & 0xffff;
      upper = t > 0xffff;
    } else {
      ch = normalizeCp(m, raw);
      upper = isUpperCp(ch);
    }
    const last = len === 1 ? g0 : len === 2 ? g1 : g2;
    const lastWasUpper = lastUpper;
    let skip = false;
    if (last === 0x20) {
      g0 = 0x20;
      len = 1;
      capital = false;
      if (ch === 0x20) skip = true;
    } else if (len >= 3) {
      g0 = g1;
      g1 = g2;
      len = 2;
    }
    if (!skip) {
      if (len === 1) g1 = ch;
      else g2 = ch;
      len += 1;
      if (upper) {
        if (lastWasUpper) capital = true;
      } else {
        capital = false;
      }
      lastUpper = upper;
    } else {
      lastUpper = false;
    }
    if (capital) {
      prevPrefix = -2;
      continue;
    }
    const c = len === 1 ? g0 : len === 2 ? g1 : g2;
    if (c !== 0x20 && c <= 0xffff) {
      const id = unigram[c]!;
      if (id !== 0) out[count++] = id - 1;
    }
    if (len < 2) {
      prevPrefix = -2;
      continue;
    }
    const b = len === 2 ? g0 : g1;
    let prefix = -1;
    if (b <= 0xffff && c <= 0xffff) {
      const v = pairs.get(((b << 16) | c) >>> 0, 0) >>> 0;
      const id2 = (v & 0x1ffff) - 1;
      if (id2 >= 0) out[count++] = id2;
      prefix = (v >>> 17) - 1;
    }
    if (len === 3 && c <= 0xffff) {
      // The 3-gram's first two characters were the previous step's pair.
      let pid = prevPrefix;
      if (pid === -2) pid = g0 <= 0xffff && b <= 0xffff ? (pairs.get(((g0 << 16) | b) >>> 0, 0) >>> 17) - 1 : -1;
      if (pid >= 0) {
        const id3 = triples.get(((pid << 16) | c) >>> 0, -1);
        if (id3 >= 0) out[count++] = id3;
      }
    }
    prevPrefix = prefix;
  }
  return out.subarray(0, count);
}

const N_TRIAL = 7;
const ALPHA_DEFAULT = 0.5;
const ALPHA_WIDTH = 0.05;
const ITERATION_LIMIT = 1000;
const CONV_THRESHOLD = 0.99999;
const BASE_FREQ = 10000;
const PROB_THRESHOLD = 0.1;

/** The seed used for every detection (see the module note). */
export const LANGDETECT_SEED = 0;

/**
 * The thread's generator, put in the state `random.seed(LANGDETECT_SEED)` leaves. The seeded
 * state is computed once (including its first block regeneration, which the first draw would do
 * anyway) and copied in for each detection.
 */
const seededRandom = (() => {
  let proto: PyRandom | undefined;
  const rng = new PyRandom();
  return (): PyRandom => {
    if (!proto) {
      proto = new PyRandom();
      proto.seed(LANGDETECT_SEED);
      proto.twist();
    }
    rng.copyFrom(proto);
    return rng;
  };
})();

function normalizeProb(prob: Float64Array): number {
  const L = prob.length;
  // Python's sum(): left to right (unrolled, same order).
  let sum = 0;
  let i = 0;
  for (; i + 4 < L; i += 5) sum = ((((sum + prob[i]!) + prob[i + 1]!) + prob[i + 2]!) + prob[i + 3]!) + prob[i + 4]!;
  for (; i < L; i++) sum += prob[i]!;
  let max = 0;
  for (i = 0; i < L; i++) {
    const p = prob[i]! / sum;
    if (max < p) max = p;
    prob[i] = p;
  }
  return max;
}

/** A language and its probability. */
export interface LangProb {
  lang: string;
  prob: number;
}

/**
 * One trial: draw n-grams and update `prob` until one language exceeds the convergence threshold
 * (checked every 5 draws) or 1000 draws. Kept small and monomorphic so V8 optimises it well.
 */
function runTrial(prob: Float64Array, keep: Float64Array, ngrams: Int32Array, m: Model, weight: number, rng: PyRandom): void {
  const { start, entryLang, entryProb, denseAt, denseRows } = m;
  const L = prob.length;
  const n = ngrams.length;
  // rng.randbelow(n), inlined: getrandbits(k) = tempered MT output >>> (32 - k), k = n.bit_length().
  const shift = Math.clz32(n);
  const mt = rng.mt;
  let mti = rng.mti;
  for (let i = 0; ; i++) {
    let r: number;
    do {
      if (mti >= 624) {
        rng.twist();
        mti = 0;
      }
      let y = mt[mti++]!;
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      r = (y >>> 0) >>> shift;
    } while (r >= n);
    // prob[j] *= weight + P(gram | j). For a sparse n-gram, languages without it multiply by
    // weight alone (weight + 0.0 === weight): the same products as langdetect's dense loop.
    const id = ngrams[r]!;
    const d = denseAt[id]!;
    if (d >= 0) {
      let j = 0;
      for (; j + 4 < L; j += 5) {
        const o = d + j;
        prob[j] = prob[j]! * (weight + denseRows[o]!);
        prob[j + 1] = prob[j + 1]! * (weight + denseRows[o + 1]!);
        prob[j + 2] = prob[j + 2]! * (weight + denseRows[o + 2]!);
        prob[j + 3] = prob[j + 3]! * (weight + denseRows[o + 3]!);
        prob[j + 4] = prob[j + 4]! * (weight + denseRows[o + 4]!);
      }
      for (; j < L; j++) prob[j] = prob[j]! * (weight + denseRows[d + j]!);
    } else {
      const a = start[id]!;
      const b = start[id + 1]!;
      for (let e = a; e < b; e++) {
        const j = entryLang[e]!;
        keep[j] = prob[j]!;
      }
      let j = 0;
      for (; j + 4 < L; j += 5) {
        prob[j] = prob[j]! * weight;
        prob[j + 1] = prob[j + 1]! * weight;
        prob[j + 2] = prob[j + 2]! * weight;
        prob[j + 3] = prob[j + 3]! * weight;
        prob[j + 4] = prob[j + 4]! * weight;
      }
      for (; j < L; j++) prob[j] = prob[j]! * weight;
      for (let e = a; e < b; e++) {
        const j = entryLang[e]!;
        prob[j] = keep[j]! * (weight + entryProb[e]!);
      }
    }
    if (i % 5 === 0 && (normalizeProb(prob) > CONV_THRESHOLD || i >= ITERATION_LIMIT)) {
      rng.mti = mti;
      return;
    }
  }
}

/**
 * `langdetect.detect_langs(text)` with seed 0: the languages above probability 0.1, most probable
 * first. Throws {@link LangDetectError} when the text has no known n-gram.
 */
export function detectLangs(text: string): LangProb[] {
  const m = model();
  const ngrams = extractNgrams(m, text);
  if (ngrams.length === 0) throw new LangDetectError('No features in text.');
  const L = m.langs.length;
  const langprob = new Float64Array(L);
  const rng = seededRandom();
  const prob = new Float64Array(L);
  const keep = new Float64Array(L);
  for (let t = 0; t < N_TRIAL; t++) {
    prob.fill(1.0 / L);
    const alpha = ALPHA_DEFAULT + rng.gauss(0.0, 1.0) * ALPHA_WIDTH;
    runTrial(prob, keep, ngrams, m, alpha / BASE_FREQ, rng);
    for (let j = 0; j < L; j++) langprob[j] = langprob[j]! + prob[j]! / N_TRIAL;
  }
  const out: LangProb[] = [];
  for (let j = 0; j < L; j++) if (langprob[j]! > PROB_THRESHOLD) out.push({ lang: m.langs[j]!, prob: langprob[j]! });
  out.sort((a, b) => b.prob - a.prob);
  return out;
}

/** `langdetect.detect(text)` with seed 0 (`'unknown'` when no language is above 0.1). */
export function detectLanguage(text: string): string {
  const probs = detectLangs(text);
  return probs[0]?.lang ?? 'unknown';
}
