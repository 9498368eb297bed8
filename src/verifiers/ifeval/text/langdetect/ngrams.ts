/**
 * langdetect's text preparation and n-gram extraction (`Detector.append`, `cleaning_text`,
 * `_extract_ngrams`) in one pass over the string.
 */
import { isUpperCp } from '../pyunicode.js';
import { bmpTable, model, normalizeCp, type Model } from './model.js';

const URL_RE = /https?:\/\/[-_.?&~;+=/#0-9A-Za-z]{1,2076}/g;
const MAIL_RE = /[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}/g;
const MAX_TEXT_LENGTH = 10000;

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

/**
 * The n-gram ids langdetect samples from for `text` (after its URL/e-mail stripping, Vietnamese
 * normalisation, space collapsing, truncation and Latin cleaning). A detection is a function of
 * this sequence alone, so texts with equal sequences get equal answers.
 */
export function langdetectNgrams(text: string): Int32Array {
  return extractNgrams(model(), text);
}
