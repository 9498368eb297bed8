/**
 * In-isolate source (plain JavaScript): the only way values cross between the solution's isolate
 * and the checker's. `encodePlain(v, max)` snapshots a value into JSON text of exact built-in
 * types, read through property descriptors (a getter, a Proxy trap or a `toJSON` can only change
 * what is read once, never how it compares later); `decodePlain(text)` rebuilds fresh values in
 * the other realm. Anything else (functions, class instances, symbols, cycles, promises) is
 * refused with a TypeError. Text over `max` characters is refused with a RangeError.
 *
 * Encoding: JSON numbers/strings/booleans/null for themselves (finite, not -0); arrays as JSON
 * arrays (no extra keys) or `{"A": [...], "p": [[k, v], ...]}` (extra own keys, as a RegExp
 * match has); `{"u": 1}` undefined; `{"n": "NaN" | "Infinity" | "-Infinity" | "-0"}`;
 * `{"b": "123"}` bigint; `{"o": [[k, v], ...], "z": 1?}` plain object (`z`: null prototype);
 * `{"m": [[k, v], ...]}` Map; `{"S": [...]}` Set; `{"d": ms}` Date.
 */
export const PLAIN_SOURCE = String.raw`
const plainIntrinsics = {
  getProto: Object.getPrototypeOf, ownKeys: Reflect.ownKeys, desc: Object.getOwnPropertyDescriptor,
  isArray: Array.isArray, ArrayProto: Array.prototype, ObjectProto: Object.prototype, MapProto: Map.prototype,
  SetProto: Set.prototype, DateProto: Date.prototype, mapForEach: Map.prototype.forEach, setForEach: Set.prototype.forEach,
  dateValue: Date.prototype.getTime, apply: Reflect.apply, stringify: JSON.stringify, parse: JSON.parse,
  defineProperty: Object.defineProperty, isIndex: (k) => typeof k === 'string' && /^(0|[1-9][0-9]*)$/.test(k),
};
const PLAIN_MAX_DEPTH = 200;
function encodePlain(value, max) {
  const I = plainIntrinsics;
  const open = new Set();
  let nodes = 0;
  function dataOf(o, k) {
    const d = I.desc(o, k);
    if (d === undefined) return undefined;
    if (!('value' in d)) throw new TypeError('a returned value has a getter or setter (property ' + String(k) + ')');
    return d.value;
  }
  function enc(v, depth) {
    if (++nodes > max) throw new RangeError('a returned value is too large');
    switch (typeof v) {
      case 'string':
        if (v.length > max) throw new RangeError('a returned value is too large (a string of ' + v.length + ' characters)');
        return v;
      case 'boolean': return v;
      case 'undefined': return { u: 1 };
      case 'bigint': return { b: String(v) };
      case 'number':
        if (v !== v) return { n: 'NaN' };
        if (v === Infinity) return { n: 'Infinity' };
        if (v === -Infinity) return { n: '-Infinity' };
        if (v === 0 && 1 / v < 0) return { n: '-0' };
        return v;
      case 'symbol': throw new TypeError('a returned value holds a symbol');
      case 'function': throw new TypeError('a returned value holds a function');
    }
    if (v === null) return null;
    if (depth > PLAIN_MAX_DEPTH) throw new RangeError('a returned value is nested too deeply');
    if (open.has(v)) throw new TypeError('a returned value is circular');
    open.add(v);
    try {
      const proto = I.getProto(v);
      const keys = I.ownKeys(v);
      if (I.isArray(v) && proto === I.ArrayProto) {
        const len = dataOf(v, 'length');
        if (typeof len !== 'number' || len > max) throw new RangeError('a returned array is too long');
        const items = [];
        for (let i = 0; i < len; i++) items.push(enc(dataOf(v, String(i)), depth + 1));
        const extra = [];
        for (const k of keys) {
          if (typeof k !== 'string' || k === 'length' || I.isIndex(k)) continue;
          const d = I.desc(v, k);
          if (d !== undefined && d.enumerable) extra.push([k, enc(dataOf(v, k), depth + 1)]);
        }
        return extra.length === 0 ? items : { A: items, p: extra };
      }
      if (proto === I.ObjectProto || proto === null) {
        const entries = [];
        for (const k of keys) {
          if (typeof k !== 'string') continue;
          const d = I.desc(v, k);
          if (d !== undefined && d.enumerable) entries.push([k, enc(dataOf(v, k), depth + 1)]);
        }
        return proto === null ? { o: entries, z: 1 } : { o: entries };
      }
      const collection = proto === I.MapProto || proto === I.SetProto || proto === I.DateProto;
      if (!collection) throw new TypeError('a returned value is not plain data (an instance of a class, a Promise, a typed array, ...)');
      if (keys.length !== 0) throw new TypeError('a returned Map, Set or Date has own properties');
      if (proto === I.MapProto) {
        const entries = [];
        I.apply(I.mapForEach, v, [(val, key) => { entries.push([enc(key, depth + 1), enc(val, depth + 1)]); }]);
        return { m: entries };
      }
      if (proto === I.SetProto) {
        const items = [];
        I.apply(I.setForEach, v, [(x) => { items.push(enc(x, depth + 1)); }]);
        return { S: items };
      }
      return { d: enc(I.apply(I.dateValue, v, []), depth + 1) };
    } finally {
      open.delete(v);
    }
  }
  const text = I.stringify(enc(value, 0));
  if (text.length > max) throw new RangeError('a returned value is too large (' + text.length + ' characters)');
  return text;
}
function decodePlain(text) {
  const I = plainIntrinsics;
  function own(o, k, v) { I.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true }); }
  function dec(x) {
    if (x === null || typeof x !== 'object') return x;
    if (I.isArray(x)) return x.map(dec);
    if ('u' in x) return undefined;
    if ('n' in x) return x.n === '-0' ? -0 : Number(x.n);
    if ('b' in x) return BigInt(x.b);
    if ('A' in x) { const a = x.A.map(dec); for (const [k, v] of x.p) own(a, k, dec(v)); return a; }
    if ('o' in x) { const o = x.z ? Object.create(null) : {}; for (const [k, v] of x.o) own(o, k, dec(v)); return o; }
    if ('m' in x) return new Map(x.m.map(([k, v]) => [dec(k), dec(v)]));
    if ('S' in x) return new Set(x.S.map(dec));
    if ('d' in x) return new Date(dec(x.d));
    throw new TypeError('unknown plain-data tag');
  }
  return dec(I.parse(text));
}
`;
