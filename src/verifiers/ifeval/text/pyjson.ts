/**
 * Does Python's `json.loads(text)` accept `text`? (detectable_format:json_format)
 *
 * Bridge: `JSON.parse` rejects Python's extra literals `NaN`, `Infinity` and `-Infinity`, which
 * `json.loads` accepts; everything else (whitespace ` \t\n\r`, no control characters inside strings,
 * `\uXXXX` escapes, no trailing commas, "Extra data" after the value) is the same grammar. We
 * validate with that grammar directly. Nesting deeper than CPython's recursion limit makes
 * `json.loads` raise RecursionError, which would crash the reference; we answer false.
 */
const MAX_DEPTH = 990;

/** Whether Python's `json.loads` parses `text` without error. */
export function pyJsonValid(text: string): boolean {
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const lit = (word: string): boolean => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return true;
    }
    return false;
  };
  const digits = (): number => {
    const s = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i - s;
  };
  const string = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) return false;
        if ('"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else return false;
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (digits() === 0) return false;
    if (text[i] === '.' && /[0-9]/.test(text[i + 1] ?? '')) {
      i++;
      digits();
    }
    if ((text[i] === 'e' || text[i] === 'E') && /^[+-]?[0-9]/.test(text.slice(i + 1, i + 3))) {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
    return true;
  };
  const value = (depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    const c = text[i];
    switch (c) {
      case '"':
        return string();
      case '{': {
        i++;
        ws();
        if (text[i] === '}') {
          i++;
          return true;
        }
        for (;;) {
          if (text[i] !== '"' || !string()) return false;
          ws();
          if (text[i] !== ':') return false;
          i++;
          ws();
          if (!value(depth + 1)) return false;
          ws();
          if (text[i] === '}') {
            i++;
            return true;
          }
          if (text[i] !== ',') return false;
          i++;
          ws();
        }
      }
      case '[': {
        i++;
        ws();
        if (text[i] === ']') {
          i++;
          return true;
        }
        for (;;) {
          if (!value(depth + 1)) return false;
          ws();
          if (text[i] === ']') {
            i++;
            return true;
          }
          if (text[i] !== ',') return false;
          i++;
          ws();
        }
      }
      case 'n':
        return lit('null');
      case 't':
        return lit('true');
      case 'f':
        return lit('false');
      case 'N':
        return lit('NaN');
      case 'I':
        return lit('Infinity');
      case '-':
        if (text.startsWith('-Infinity', i)) {
          i += 9;
          return true;
        }
        return number();
      default:
        if (c !== undefined && c >= '0' && c <= '9') return number();
        return false;
    }
  };
  ws();
  if (!value(0)) return false;
  ws();
  return i === n;
}
