/**
 * Output comparison rules.
 *
 * The default (`lines`) is LiveCodeBench's `grade_stdio`: strip the whole output, split it on
 * `\n`, strip each line; the line counts must match (fewer lines fail: no prefix passes); a line is
 * equal if it is identical, or if both split into the same number of whitespace-separated tokens
 * that are all equal as decimals (Python's `Decimal`: `1.0` equals `1`, `1e2` equals `100`).
 */
import { trimEndWhere } from '../../core/trim-end.js';
import type { OutputComparison } from './types.js';

const isZero = (c: string): boolean => c === '0';

/** Options of {@link compareOutput}. */
export interface CompareOptions {
  compare?: OutputComparison;
  /** Numeric tokens within this absolute or relative tolerance are equal. */
  floatTolerance?: number | undefined;
  /** Default true. */
  caseSensitive?: boolean;
}

// Python's str.isspace() characters (str.strip() and str.split() use them).
const WS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPLIT_RE = new RegExp(`[${WS}]+`);

/** Whether a UTF-16 code unit is one of Python's `str.isspace()` characters. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Python's `str.strip()`, in linear time (a `\s+$` regex backtracks quadratically on inner runs of spaces). */
export function pyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Python's `str.split()` (no argument): tokens between runs of whitespace. */
export function pySplit(s: string): string[] {
  const t = pyStrip(s);
  return t === '' ? [] : t.split(SPLIT_RE);
}

const DECIMAL_RE = /^([+-]?)(?:(\d+(?:_\d+)*)(?:\.(\d+(?:_\d+)*)?)?|\.(\d+(?:_\d+)*))(?:[eE]([+-]?\d+(?:_\d+)*))?$/;
/** Exponent digits (after leading zeros) beyond which Python's `Decimal` refuses a token. */
const MAX_EXPONENT_DIGITS = 19;
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan\d*|snan\d*)$/i;

/**
 * A canonical key for a token read as Python's `Decimal`: equal keys mean equal decimals.
 * Returns `undefined` when the token is not a decimal, and `NaN` (never equal) for NaN.
 */
export function decimalKey(token: string): string | undefined {
  const t = pyStrip(token);
  const special = SPECIAL_RE.exec(t);
  if (special) {
    const word = special[2]!.toLowerCase();
    if (word.startsWith('inf')) return `${special[1] === '-' ? '-' : '+'}inf`;
    return 'NaN';
  }
  const m = DECIMAL_RE.exec(t);
  if (!m) return undefined;
  const intPart = (m[2] ?? '').replace(/_/g, '');
  const fracPart = (m[3] ?? m[4] ?? '').replace(/_/g, '');
  const expText = m[5] ? m[5].replace(/_/g, '').replace(/^([+-]?)0+(?=\d)/, '$1') : '0';
  // Python's Decimal reads the exponent into a 64-bit integer and refuses a longer one
  // (InvalidOperation): such a token is not a decimal there, and BigInt of a megabyte of exponent
  // digits would take seconds here.
  if (expText.replace(/^[+-]/, '').length > MAX_EXPONENT_DIGITS) return undefined;
  let exp = BigInt(expText);
  let digits = (intPart + fracPart).replace(/^0+/, '');
  exp -= BigInt(fracPart.length);
  if (digits === '') return '0'; // Decimal('-0') == Decimal('0')
  const trailing = digits.length - trimEndWhere(digits, isZero).length; // not /0+$/: quadratic on inner runs of zeros
  digits = digits.slice(0, digits.length - trailing);
  exp += BigInt(trailing);
  return `${m[1] === '-' ? '-' : '+'}${digits}e${exp}`;
}

function numberOf(token: string): number | undefined {
  if (decimalKey(token) === undefined) return undefined;
  const n = Number(pyStrip(token).replace(/_/g, '').replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
  return Number.isNaN(n) ? undefined : n;
}

/** Whether two numbers are equal within `tol` (absolute or relative, whichever is looser). */
export function withinTolerance(a: number, b: number, tol: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = Math.abs(a - b);
  return diff <= tol || diff <= tol * Math.abs(b);
}

/**
 * Token equality. `textOk`: identical non-numeric tokens count as equal (the `tokens` rule, and
 * the `lines` rule once a tolerance is set); LiveCodeBench's own rule needs every token of a
 * non-identical line to be a decimal.
 */
function tokenEqual(a: string, b: string, tol: number | undefined, textOk: boolean): boolean {
  // Where text counts, identical tokens are equal, `nan` included (as a decimal NaN equals nothing).
  if (textOk && a === b) return true;
  const ka = decimalKey(a);
  const kb = ka === undefined ? undefined : decimalKey(b);
  if (ka === undefined || kb === undefined) return textOk && a === b;
  if (ka === kb && ka !== 'NaN') return true;
  if (tol === undefined) return false;
  const na = numberOf(a);
  const nb = numberOf(b);
  return na !== undefined && nb !== undefined && withinTolerance(na, nb, tol);
}

function tokensEqual(a: string[], b: string[], tol: number | undefined, textOk: boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!tokenEqual(a[i]!, b[i]!, tol, textOk)) return false;
  return true;
}

/**
 * Compare a program's stdout with the expected output under the chosen rule (see the module
 * comment). Case-insensitive comparison lowercases both sides first. With a float tolerance, a
 * line may also mix identical words and close numbers.
 */
export function compareOutput(got: string, expected: string, opts: CompareOptions = {}): boolean {
  const mode = opts.compare ?? 'lines';
  let g = got;
  let e = expected;
  if (opts.caseSensitive === false) {
    g = g.toLowerCase();
    e = e.toLowerCase();
  }
  if (mode === 'exact') return g === e;
  const tol = opts.floatTolerance;
  if (mode === 'tokens') return tokensEqual(pySplit(g), pySplit(e), tol, true);
  const gl = pyStrip(g).split('\n').map(pyStrip);
  const el = pyStrip(e).split('\n').map(pyStrip);
  if (gl.length !== el.length) return false;
  for (let i = 0; i < gl.length; i++) {
    if (gl[i] === el[i]) continue;
    if (!tokensEqual(pySplit(gl[i]!), pySplit(el[i]!), tol, tol !== undefined)) return false;
  }
  return true;
}

/**
 * Deep equality of two JSON values (call-based results after a JSON round trip): same types, same
 * array lengths, same object keys; numbers within `floatTolerance` when given. Iterative, so a
 * deeply nested value cannot overflow the stack.
 */
export function jsonEqual(a: unknown, b: unknown, floatTolerance?: number): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') {
      if (floatTolerance !== undefined && withinTolerance(x, y, floatTolerance)) continue;
      return false;
    }
    if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x)) {
      const yy = y as unknown[];
      if (x.length !== yy.length) return false;
      for (let i = x.length - 1; i >= 0; i--) stack.push([x[i], yy[i]]);
      continue;
    }
    const ox = x as Record<string, unknown>;
    const oy = y as Record<string, unknown>;
    const kx = Object.keys(ox);
    if (kx.length !== Object.keys(oy).length) return false;
    for (let i = kx.length - 1; i >= 0; i--) {
      const k = kx[i]!;
      if (!Object.prototype.hasOwnProperty.call(oy, k)) return false;
      stack.push([ox[k], oy[k]]);
    }
  }
  return true;
}

/** A value after a JSON round trip (`undefined` and functions become `null`, as in an array). */
export function jsonRoundTrip(v: unknown): unknown {
  const s = JSON.stringify(v);
  return s === undefined ? null : (JSON.parse(s) as unknown);
}
