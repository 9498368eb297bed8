/**
 * In-isolate source (plain JavaScript, no template literals): `util.format` / `util.inspect` as
 * Node prints them, so that `console.log(value)` writes what Node would write for the common
 * values (primitives, arrays with Node's column grouping, plain objects, Map, Set, class
 * instances, functions, errors, dates). It defines `inspect(value, opts)` and `format(args)` in
 * the harness closure.
 */
export const INSPECT_SOURCE = String.raw`
const IDENT_RE = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const ESC = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\\': '\\\\' };
function strEscape(s) {
  let q = "'";
  if (s.indexOf("'") >= 0) {
    if (s.indexOf('"') < 0) q = '"';
    else if (s.indexOf('\u0060') < 0 && s.indexOf('\u0024{') < 0) q = '\u0060';
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (c === q || (c === '\\')) out += '\\' + c;
    else if (ESC[c] !== undefined) out += ESC[c];
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
    else out += c;
  }
  return q + out + q;
}
function fnBase(fn) {
  let src = '';
  try { src = Function.prototype.toString.call(fn); } catch (e) { src = ''; }
  const name = typeof fn.name === 'string' ? fn.name : '';
  if (src.slice(0, 5) === 'class' && /^class[\s{]/.test(src)) return '[class ' + (name || '(anonymous)') + ']';
  let kind = 'Function';
  const ctor = Object.getPrototypeOf(fn);
  const cname = ctor && ctor.constructor && ctor.constructor.name;
  if (cname === 'AsyncFunction') kind = 'AsyncFunction';
  else if (cname === 'GeneratorFunction') kind = 'GeneratorFunction';
  else if (cname === 'AsyncGeneratorFunction') kind = 'AsyncGeneratorFunction';
  return '[' + kind + (name ? ': ' + name : ' (anonymous)') + ']';
}
function ctorName(obj) {
  let p = obj;
  while (p !== null) {
    const d = Object.getOwnPropertyDescriptor(p, 'constructor');
    const c = d === undefined ? undefined : 'value' in d ? d.value : d.get !== undefined ? d.get.call(p) : undefined;
    if (typeof c === 'function' && typeof c.name === 'string' && c.name !== '') return c.name;
    p = Object.getPrototypeOf(p);
  }
  return null;
}
function formatKey(k) {
  if (typeof k === 'symbol') return '[' + k.toString() + ']';
  return IDENT_RE.test(k) ? k : strEscape(k);
}
function isBelowBreakLength(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > 80) return false;
  for (let i = 0; i < output.length; i++) {
    total += output[i].length;
    if (total > 80) return false;
  }
  return base === '' || base.indexOf('\n') < 0;
}
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  if (ctx.extra) outputLength--;
  const sep = 2;
  const dataLen = new Array(outputLength);
  for (let i = 0; i < outputLength; i++) {
    const len = output[i].length;
    dataLen[i] = len;
    totalLength += len + sep;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + sep;
  if (actualMax * 3 + ctx.indent < 80 && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((80 - ctx.indent) / actualMax),
      12,
      15,
    );
    if (columns <= 1) return output;
    const tmp = [];
    const maxLineLength = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + sep);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') { padStart = false; break; }
      }
    }
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let str = '';
      let j = i;
      for (; j < max - 1; j++) {
        const cell = output[j] + ', ';
        str += padStart ? cell.padStart(maxLineLength[j - i], ' ') : cell.padEnd(maxLineLength[j - i], ' ');
      }
      str += padStart ? output[j].padStart(maxLineLength[j - i] - sep, ' ') : output[j];
      tmp.push(str);
    }
    if (ctx.extra) tmp.push(output[outputLength]);
    return tmp;
  }
  return output;
}
function reduceToSingleString(ctx, output, base, braces, isArrayLike, level, value) {
  const entries = output.length;
  if (isArrayLike && entries > 6) output = groupArrayElements(ctx, output, value);
  if (ctx.currentDepth - level < 3 && entries === output.length) {
    const start = output.length + ctx.indent + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      const joined = output.join(', ');
      if (joined.indexOf('\n') < 0) return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
    }
  }
  const ind = '\n' + ' '.repeat(ctx.indent);
  return (base ? base + ' ' : '') + braces[0] + ind + '  ' + output.join(',' + ind + '  ') + ind + braces[1];
}
function formatProp(ctx, obj, key, level, arrayItem) {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  let str;
  if (d === undefined) str = 'undefined';
  else if ('value' in d) {
    ctx.indent += 2;
    str = formatValue(ctx, d.value, level + 1, true);
    ctx.indent -= 2;
  } else if (d.get !== undefined) str = d.set !== undefined ? '[Getter/Setter]' : '[Getter]';
  else str = d.set !== undefined ? '[Setter]' : 'undefined';
  if (arrayItem) return str;
  return formatKey(key) + ': ' + str;
}
function ownEnumerableKeys(obj, skipIndices) {
  const keys = [];
  const names = Object.getOwnPropertyNames(obj);
  for (let i = 0; i < names.length; i++) {
    const k = names[i];
    if (skipIndices && /^(0|[1-9][0-9]*)$/.test(k)) continue;
    const d = Object.getOwnPropertyDescriptor(obj, k);
    if (d && d.enumerable) keys.push(k);
  }
  const syms = Object.getOwnPropertySymbols(obj);
  for (let i = 0; i < syms.length; i++) {
    const d = Object.getOwnPropertyDescriptor(obj, syms[i]);
    if (d && d.enumerable) keys.push(syms[i]);
  }
  return keys;
}
function formatValue(ctx, v, level, nested) {
  switch (typeof v) {
    case 'string': return nested ? strEscape(v) : v;
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return String(v) + 'n';
    case 'boolean': case 'undefined': return String(v);
    case 'symbol': return v.toString();
  }
  if (v === null) return 'null';
  if (ctx.seen.indexOf(v) >= 0) {
    if (v === ctx.seen[0]) ctx.circularTop = true;
    return '[Circular *1]';
  }
  return formatRaw(ctx, v, level);
}
function formatRaw(ctx, v, level) {
  let keys;
  let base = '';
  let braces;
  let output = [];
  let isArrayLike = false;
  const name = ctorName(v);
  let tag = '';
  if (typeof v === 'function') {
    base = fnBase(v);
    keys = ownEnumerableKeys(v, false);
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else if (Array.isArray(v)) {
    keys = ownEnumerableKeys(v, true);
    const prefix = name !== 'Array' ? (name === null ? '[Array(' + v.length + '): null prototype] ' : name + '(' + v.length + ') ') : '';
    braces = [prefix + '[', ']'];
    if (v.length === 0 && keys.length === 0) return braces[0] + ']';
    isArrayLike = true;
  } else if (v instanceof Map) {
    keys = ownEnumerableKeys(v, false);
    braces = [(name || 'Map') + '(' + v.size + ') {', '}'];
    if (v.size === 0 && keys.length === 0) return braces[0] + '}';
  } else if (v instanceof Set) {
    keys = ownEnumerableKeys(v, false);
    braces = [(name || 'Set') + '(' + v.size + ') {', '}'];
    if (v.size === 0 && keys.length === 0) return braces[0] + '}';
  } else if (typeof Buffer === 'function' && v instanceof Buffer) {
    // Node's form: <Buffer 68 69>, the first 50 bytes in hex.
    let hex = '';
    for (let i = 0; i < Math.min(v.length, 50); i++) hex += ' ' + (v[i] < 16 ? '0' : '') + v[i].toString(16);
    return '<Buffer' + hex + (v.length > 50 ? ' ... ' + (v.length - 50) + ' more byte' + (v.length === 51 ? '' : 's') : '') + (v.length === 0 ? ' ' : '') + '>';
  } else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    keys = ownEnumerableKeys(v, true);
    braces = [(name || 'TypedArray') + '(' + v.length + ') [', ']'];
    if (v.length === 0 && keys.length === 0) return braces[0] + ']';
    isArrayLike = true;
  } else {
    keys = ownEnumerableKeys(v, false);
    if (v instanceof Error) {
      base = typeof v.stack === 'string' && v.stack ? v.stack : '[' + Error.prototype.toString.call(v) + ']';
      keys = keys.filter(function (k) { return k !== 'stack' && k !== 'message'; });
      if (keys.length === 0) return base;
    } else if (v instanceof Date) {
      base = isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
      if (keys.length === 0) return base;
    } else if (v instanceof RegExp) {
      base = RegExp.prototype.toString.call(v);
      if (keys.length === 0) return base;
    } else if (v instanceof Number || v instanceof String || v instanceof Boolean) {
      const prim = v.valueOf();
      base = '[' + (name || typeof prim) + ': ' + formatValue(ctx, prim, level, true) + ']';
      if (v instanceof String) keys = keys.filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k); });
      if (keys.length === 0) return base;
    } else if (v instanceof Promise) {
      braces = ['Promise {', '}'];
      output.push('<pending>');
    }
    if (braces === undefined) {
      if (name === null) tag = '[Object: null prototype] ';
      else if (name !== 'Object') tag = name + ' ';
      braces = [tag + '{', '}'];
      if (keys.length === 0 && base === '') return tag + '{}';
    }
  }
  if (level > ctx.depth) {
    if (Array.isArray(v)) return '[Array]';
    return '[' + (name || 'Object') + ']';
  }
  ctx.seen.push(v);
  ctx.currentDepth = level;
  ctx.extra = false;
  if (Array.isArray(v) || isArrayLike) {
    const len = v.length;
    const shown = Math.min(len, 100);
    let holes = 0;
    for (let i = 0; i < shown; i++) {
      if (!Object.prototype.hasOwnProperty.call(v, i) && Array.isArray(v)) { holes++; continue; }
      if (holes > 0) { output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>'); holes = 0; }
      output.push(formatProp(ctx, v, String(i), level, true));
    }
    if (holes > 0) output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
    if (len > shown) { output.push('... ' + (len - shown) + ' more item' + (len - shown > 1 ? 's' : '')); ctx.extra = true; }
    if (ctx.showHidden && Array.isArray(v)) output.push('[length]: ' + len);
  } else if (v instanceof Map) {
    ctx.indent += 2;
    v.forEach(function (val, k) { output.push(formatValue(ctx, k, level + 1, true) + ' => ' + formatValue(ctx, val, level + 1, true)); });
    ctx.indent -= 2;
  } else if (v instanceof Set) {
    ctx.indent += 2;
    v.forEach(function (val) { output.push(formatValue(ctx, val, level + 1, true)); });
    ctx.indent -= 2;
  }
  const extra = ctx.extra;
  for (let i = 0; i < keys.length; i++) output.push(formatProp(ctx, v, keys[i], level, false));
  ctx.seen.pop();
  ctx.extra = extra;
  const res = reduceToSingleString(ctx, output, base, braces, isArrayLike, level, isArrayLike ? v : undefined);
  return res;
}
function inspect(v, opts) {
  const depth = opts && typeof opts.depth === 'number' ? opts.depth : (opts && opts.depth === null ? Infinity : 2);
  const ctx = { seen: [], indent: 0, currentDepth: 0, depth: depth, extra: false, circularTop: false, showHidden: !!(opts && opts.showHidden) };
  const s = formatValue(ctx, v, 0, true);
  return ctx.circularTop ? '<ref *1> ' + s : s;
}
function format(args) {
  let first = args[0];
  let out = '';
  let a = 0;
  if (typeof first === 'string' && first.indexOf('%') >= 0 && args.length > 1) {
    a = 1;
    let last = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue;
      const c = first[i + 1];
      let rep;
      if (c === '%') { out += first.slice(last, i) + '%'; last = i + 2; i++; continue; }
      if (a >= args.length) continue;
      const x = args[a];
      if (c === 's') rep = typeof x === 'string' ? x : typeof x === 'bigint' ? String(x) + 'n' : (typeof x === 'object' && x !== null) ? inspect(x, { depth: 0 }) : formatValue({ seen: [], indent: 0, currentDepth: 0, depth: 2 }, x, 0, false);
      else if (c === 'd' || c === 'i') rep = typeof x === 'bigint' ? String(x) + 'n' : typeof x === 'symbol' ? 'NaN' : String(c === 'i' ? parseInt(x) : Number(x));
      else if (c === 'f') rep = typeof x === 'symbol' ? 'NaN' : String(parseFloat(x));
      else if (c === 'j') { try { rep = JSON.stringify(x); } catch (e) { rep = '[Circular]'; } }
      else if (c === 'o' || c === 'O') rep = inspect(x, c === 'o' ? { depth: 4, showHidden: true } : { depth: 2 });
      else if (c === 'c') rep = '';
      else continue;
      out += first.slice(last, i) + rep;
      last = i + 2;
      i++;
      a++;
    }
    out += first.slice(last);
  } else if (args.length > 0) {
    out = typeof first === 'string' ? first : inspect(first);
    a = 1;
  }
  for (; a < args.length; a++) {
    const x = args[a];
    out += ' ' + (typeof x === 'string' ? x : inspect(x));
  }
  return out;
}
`;
