/**
 * In-isolate source (plain JavaScript): bytes and strings as Node has them: UTF-8 encode/decode,
 * Node's other encodings (latin1, base64, hex, utf16le) with Node's lenient decoding, and a small
 * `Buffer`. Precedes modules.ts in the harness.
 */
export const BYTES_SOURCE = String.raw`
function utf8Encode(str) {
  const out = [];
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}
function utf8Decode(bytes, start, end) {
  let s = '';
  for (let i = start; i < end;) {
    const b = bytes[i];
    let c;
    if (b < 0x80) { c = b; i += 1; }
    else if (b >= 0xf0) { c = ((b & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63); i += 4; }
    else if (b >= 0xe0) { c = ((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63); i += 3; }
    else { c = ((b & 31) << 6) | (bytes[i + 1] & 63); i += 2; }
    s += String.fromCodePoint(c);
  }
  return s;
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function encodingOf(enc) {
  const e = String(enc === undefined ? 'utf8' : enc).toLowerCase();
  if (e === 'utf8' || e === 'utf-8') return 'utf8';
  if (e === 'binary') return 'latin1';
  if (e === 'ucs2' || e === 'ucs-2' || e === 'utf-16le') return 'utf16le';
  if (e === 'hex' || e === 'base64' || e === 'base64url' || e === 'latin1' || e === 'ascii' || e === 'utf16le') return e;
  throw new TypeError('Unknown encoding: ' + enc);
}
/** Bytes of a string in one of Node's encodings (Node's lenient decoding: invalid input stops or is skipped). */
function encodeString(str, enc) {
  const e = encodingOf(enc);
  const out = [];
  if (e === 'utf8') return utf8Encode(str);
  if (e === 'hex') {
    for (let i = 0; i + 1 < str.length; i += 2) {
      const v = parseInt(str.slice(i, i + 2), 16);
      if (!/^[0-9a-fA-F]{2}$/.test(str.slice(i, i + 2))) break;
      out.push(v);
    }
  } else if (e === 'base64' || e === 'base64url') {
    let bits = 0;
    let n = 0;
    for (let i = 0; i < str.length; i++) {
      let c = str[i];
      if (c === '-') c = '+';
      else if (c === '_') c = '/';
      const v = B64.indexOf(c);
      if (c === '=') break;
      if (v < 0) continue;
      bits = (bits << 6) | v;
      n += 6;
      if (n >= 8) { n -= 8; out.push((bits >> n) & 255); }
    }
  } else if (e === 'utf16le') {
    for (let i = 0; i < str.length; i++) { const c = str.charCodeAt(i); out.push(c & 255, c >> 8); }
  } else {
    for (let i = 0; i < str.length; i++) out.push(str.charCodeAt(i) & 255);
  }
  return out;
}
function decodeBytes(bytes, enc, start, end) {
  const e = encodingOf(enc);
  if (e === 'utf8') return utf8Decode(bytes, start, end);
  let s = '';
  if (e === 'hex') {
    for (let i = start; i < end; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  } else if (e === 'base64' || e === 'base64url') {
    const abc = e === 'base64' ? B64 : B64.slice(0, 62) + '-_';
    let i = start;
    for (; i + 2 < end; i += 3) {
      const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      s += abc[v >> 18] + abc[(v >> 12) & 63] + abc[(v >> 6) & 63] + abc[v & 63];
    }
    if (end - i === 1) s += abc[bytes[i] >> 2] + abc[(bytes[i] & 3) << 4] + (e === 'base64' ? '==' : '');
    else if (end - i === 2) {
      const v = (bytes[i] << 8) | bytes[i + 1];
      s += abc[v >> 10] + abc[(v >> 4) & 63] + abc[(v & 15) << 2] + (e === 'base64' ? '=' : '');
    }
  } else if (e === 'utf16le') {
    for (let i = start; i + 1 < end; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
  } else {
    for (let i = start; i < end; i++) s += String.fromCharCode(e === 'ascii' ? bytes[i] & 127 : bytes[i]);
  }
  return s;
}
class Buffer extends Uint8Array {
  static from(v, enc) {
    if (typeof v === 'string') { const bytes = encodeString(v, enc); const b = new Buffer(bytes.length); b.set(bytes); return b; }
    const b = new Buffer(v.length);
    for (let i = 0; i < v.length; i++) b[i] = v[i];
    return b;
  }
  static alloc(n, fill) { const b = new Buffer(n); if (fill !== undefined) b.fill(typeof fill === 'number' ? fill : 0); return b; }
  static allocUnsafe(n) { return new Buffer(n); }
  static isBuffer(v) { return v instanceof Buffer; }
  static byteLength(s, enc) { return typeof s === 'string' ? encodeString(s, enc).length : s.length; }
  static concat(list) {
    const parts = list.map(function (x) { return typeof x === 'string' ? Buffer.from(x) : x; });
    let n = 0;
    for (let i = 0; i < parts.length; i++) n += parts[i].length;
    const b = new Buffer(n);
    let o = 0;
    for (let i = 0; i < parts.length; i++) { b.set(parts[i], o); o += parts[i].length; }
    return b;
  }
  toString(enc, start, end) {
    const from = start === undefined ? 0 : Math.max(0, start | 0);
    const to = end === undefined ? this.length : Math.min(this.length, end | 0);
    return from >= to ? '' : decodeBytes(this, enc, from, to);
  }
}`;
