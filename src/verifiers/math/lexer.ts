/**
 * LaTeX / plain-text math lexer: a cleaning pass over the answer string (spacing commands,
 * `\left`, unicode symbols, thousands separators, `\text{}` wrappers of percent and units) and a
 * tokenizer producing numbers, identifiers, commands, operators, text blocks and environments.
 */

/** One token. `sp` tells whether whitespace preceded it (units and mixed numbers look at it). */
export type Token =
  | { t: 'num'; s: string; sp: boolean }
  | { t: 'id'; s: string; sp: boolean }
  | { t: 'cmd'; s: string; sp: boolean }
  | { t: 'op'; s: string; sp: boolean }
  | { t: 'text'; s: string; cmd: string; sp: boolean }
  | { t: 'env'; name: string; body: string; sp: boolean };

/** Thrown when an answer cannot be read as math; callers fall back to text comparison. */
export class ParseError extends Error {
  override name = 'ParseError';
}

const UNICODE: Record<string, string> = {
  '\u2212': '-', '\u2013': '-', '\u2014': '-', '\u00d7': '\\times ', '\u22c5': '\\cdot ', '\u00b7': '\\cdot ',
  '\u00f7': '\\div ', '\u2264': '\\le ', '\u2265': '\\ge ', '\u2260': '\\ne ', '\u2248': '\\approx ',
  '\u03c0': '\\pi ', '\u221e': '\\infty ', '\u221a': '\\sqrt ', '\u00b0': '^\\circ ', '\u222a': '\\cup ',
  '\u2229': '\\cap ', '\u2208': '\\in ', '\u00b1': '\\pm ', '\u2213': '\\mp ', '\u2026': '\\ldots ',
  '\u00b2': '^2', '\u00b3': '^3', '\u00b9': '^1', '\u2070': '^0', '\u2074': '^4', '\u00bd': '(1/2)',
  '\u00bc': '(1/4)', '\u00be': '(3/4)', '\u2205': '\\emptyset ', '\u211d': '\\mathbb{R}', '\u00a0': ' ',
  '\u2009': ' ', '\u202f': ' ', '\u2019': "'", '\u2032': "'", '\u20ac': ' ', '\u00a3': ' ', '\u00a5': ' ',
  '\u20b9': ' ', '\u2192': '\\to ', '\u21d2': '\\Rightarrow ', '\u2203': ' ', '\u2200': ' ',
};
const UNICODE_RE = new RegExp(`[${Object.keys(UNICODE).join('')}]`, 'g');

/** Vulgar fractions: after a digit a mixed number (`3½` is 3 + 1/2), else the fraction itself. */
const VULGAR: Record<string, string> = {
  '\u00bd': '1/2', '\u00bc': '1/4', '\u00be': '3/4', '\u2153': '1/3', '\u2154': '2/3', '\u2155': '1/5', '\u2156': '2/5',
  '\u2157': '3/5', '\u2158': '4/5', '\u2159': '1/6', '\u215a': '5/6', '\u215b': '1/8', '\u215c': '3/8', '\u215d': '5/8',
  '\u215e': '7/8',
};
const VULGAR_RE = new RegExp(`(\\d)?(?:[ \\t]|\\\\[,;:! ]){0,8}([${Object.keys(VULGAR).join('')}])`, 'g');
/** Full-width ASCII (`３`, `＋`, `（`), as CJK text writes it, and the ideographic space. */
const FULL_WIDTH_RE = /[\uff01-\uff5e\u3000]/g;

const MATRIX_RE = /\\begin\s*\{\s*(?:[pbvBV]?matrix|smallmatrix|array)\s*\}/;

/**
 * Clean an answer string before tokenizing. Pure string rewriting; every rule is local and
 * documented in the README (spacing commands, `\left`/`\right`, `\dfrac`, thousands separators,
 * percent and degree words, currency).
 */
export function cleanLatex(input: string): string {
  let s = input
    .replace(FULL_WIDTH_RE, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(VULGAR_RE, (m: string, digit: string | undefined, f: string) => (digit ? `${digit}+(${VULGAR[f]})` : `${m.slice(0, -1)}(${VULGAR[f]})`))
    .replace(UNICODE_RE, (c) => UNICODE[c] ?? c);
  // `\\frac` written with a doubled backslash (JSON-escaped twice) is `\frac`, except in matrices
  if (!MATRIX_RE.test(s)) s = s.replace(/\\\\(?=[a-zA-Z])/g, '\\');
  s = s
    .replace(/\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg)\s*(\.|\\[{}|]|\\[a-zA-Z]+|[()[\]|])/g, (_, d: string) => (d === '.' ? '' : d))
    .replace(/\\(?:displaystyle|textstyle|scriptstyle|limits|nolimits|mathstrut|strut|nonumber|notag|middle)\b/g, '')
    .replace(/\\(?:hspace|vspace|phantom|hphantom|vphantom|tag|label)\*?\s*\{[^{}]*\}/g, ' ')
    .replace(/\\(?:quad|qquad|enspace|thinspace|medspace|thickspace)(?![a-zA-Z])/g, ' ')
    .replace(/(\d),\s*\\!\s*(?=\d)/g, '$1')
    .replace(/(?<!\\)\\[,:;>! ]/g, (m) => (m === '\\!' ? '' : ' '))
    .replace(/~/g, ' ')
    .replace(/\\(?:d|t|c)frac(?![a-zA-Z])/g, '\\frac')
    .replace(/\\(?:d|t)binom(?![a-zA-Z])/g, '\\binom')
    .replace(/\\(?:mbox|textnormal|textrm|textbf|textit|textsf|texttt|emph)\s*\{/g, '\\text{')
    .replace(/\\text\s*\{\s*\}/g, ' ')
    // thousands separators written as {,} or , followed by a thin negative space
    .replace(/(\d)\s*\{\s*,\s*\}\s*(?=\d)/g, '$1')
    .replace(/\\\$|\$/g, ' ')
    .replace(/\\(?:%|percent)|\b(?:percentage|percent|pct)\b|\\text\{\s*(?:%|percent|percentage|pct)\s*\}/g, '%')
    .replace(/\^\s*\{\s*\\circ\s*\}|\^\s*\\circ|\\circ|\\degree\b/g, '°')
    .replace(/\*\*/g, '^')
    .replace(/\s+/g, ' ');
  return s.trim();
}

const SINGLE_CHAR_OPS = new Set(['+', '-', '*', '/', '^', '_', '(', ')', '[', ']', '{', '}', ',', ';', ':', '=', '<', '>', '!', '|', "'", '&', '%', '°', '.', '?', '@', '#']);

/** Read a balanced `{...}` group starting at `open` (the index of `{`); returns the end index (of `}`) or -1. */
export function matchBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const TEXT_CMDS = new Set(['text', 'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'mathfrak', 'boldsymbol', 'bm', 'operatorname', 'textup', 'mathscr', 'pmb']);

/** Tokenize a cleaned answer. Throws {@link ParseError} on unbalanced text braces or environments. */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let sp = false;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      sp = true;
      i++;
      continue;
    }
    if (c >= '0' && c <= '9' || (c === '.' && /\d/.test(s[i + 1] ?? '') && !/\d/.test(s[i - 1] ?? ''))) {
      const m = /^\d*(?:\.\d+)?(?:[eE][+-]?\d+(?![a-zA-Z]))?/.exec(s.slice(i))!;
      let lit = m[0];
      // `2.` at the end of a sentence: keep the dot out of the number
      if (/^\d+\.$/.test(lit)) lit = lit.slice(0, -1);
      // an exponent marker only counts when it directly follows a digit ("1e3", not "2e" or "2ex")
      out.push({ t: 'num', s: lit, sp });
      i += lit.length;
      sp = false;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      const m = /^[A-Za-z]+/.exec(s.slice(i))!;
      pushWord(out, m[0], sp);
      i += m[0].length;
      sp = false;
      continue;
    }
    if (c === '\\') {
      const m = /^\\([A-Za-z]+)/.exec(s.slice(i));
      if (!m) {
        const ch = s[i + 1] ?? '';
        if (ch === '\\') out.push({ t: 'op', s: '\\\\', sp });
        else if (ch === '{' || ch === '}') out.push({ t: 'op', s: `\\${ch}`, sp });
        else if (ch === '|') out.push({ t: 'op', s: '|', sp });
        else if (ch === '%') out.push({ t: 'op', s: '%', sp });
        else if (ch === '_' || ch === '#' || ch === '&') {
          /* escaped punctuation: ignore */
        } else if (ch !== '') out.push({ t: 'op', s: ch, sp });
        i += 2;
        sp = false;
        continue;
      }
      const name = m[1]!;
      let j = i + m[0].length;
      if (TEXT_CMDS.has(name)) {
        while (s[j] === ' ') j++;
        if (s[j] === '{') {
          const end = matchBrace(s, j);
          if (end < 0) throw new ParseError(`unbalanced \\${name}{`);
          out.push({ t: 'text', s: s.slice(j + 1, end), cmd: name, sp });
          i = end + 1;
        } else {
          // \mathrm e: one letter argument
          const arg = /^[A-Za-z0-9]/.exec(s.slice(j));
          out.push({ t: 'text', s: arg ? arg[0] : '', cmd: name, sp });
          i = j + (arg ? 1 : 0);
        }
        sp = false;
        continue;
      }
      if (name === 'begin') {
        const env = /^\s*\{([^}]*)\}/.exec(s.slice(j));
        if (!env) throw new ParseError('\\begin without environment name');
        const envName = env[1]!.trim();
        const bodyStart = j + env[0].length;
        const end = findEnd(s, bodyStart, envName);
        if (end < 0) throw new ParseError(`\\begin{${envName}} without \\end`);
        out.push({ t: 'env', name: envName, body: s.slice(bodyStart, end.valueOf()), sp });
        i = s.indexOf('}', end + 4) + 1;
        sp = false;
        continue;
      }
      out.push({ t: 'cmd', s: name, sp });
      i = j;
      sp = false;
      continue;
    }
    if (c === '<' || c === '>' || c === '!' || c === '=') {
      const two = s.slice(i, i + 2);
      if (two === '<=' || two === '>=' || two === '!=' || two === '==' || two === '=<' || two === '=>') {
        const norm = two === '==' ? '=' : two === '=<' ? '<=' : two === '=>' ? '>=' : two;
        out.push({ t: 'op', s: norm, sp });
        i += 2;
        sp = false;
        continue;
      }
    }
    if (SINGLE_CHAR_OPS.has(c)) {
      out.push({ t: 'op', s: c, sp });
      i++;
      sp = false;
      continue;
    }
    // any other character (quotes, unusual unicode): keep as an opaque identifier character
    out.push({ t: 'id', s: c, sp });
    i++;
    sp = false;
  }
  return out;
}

/** Split a letter run where "or"/"and" glue two capitalised parts ("1orW" -> or, W). */
function pushWord(out: Token[], word: string, sp: boolean): void {
  const glued = /^(or|and)(?=[A-Z])/.exec(word);
  if (glued && word.length > glued[0].length) {
    out.push({ t: 'id', s: glued[0], sp });
    out.push({ t: 'id', s: word.slice(glued[0].length), sp: false });
    return;
  }
  out.push({ t: 'id', s: word, sp });
}

/** Index of the `\end{name}` matching a `\begin{name}` whose body starts at `from`, or -1. */
function findEnd(s: string, from: number, name: string): number {
  const re = /\\(begin|end)\s*\{([^}]*)\}/g;
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[2]!.trim() !== name) continue;
    depth += m[1] === 'begin' ? 1 : -1;
    if (depth === 0) return m.index;
  }
  return -1;
}
