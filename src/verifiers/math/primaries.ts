/**
 * Primaries of the math grammar: numbers (decimals, repeating decimals, other bases, mixed
 * numbers), identifiers and subscripts, function application, LaTeX commands (`\frac`, `\sqrt`,
 * `\binom`, `\sum`, ...), `\text{}` blocks, brackets (groups, tuples, intervals, sets, absolute
 * values) and matrix environments.
 */
import { type FnName, type Node, addNode, mulNode, num, sym } from './ast.js';
import { ParseError, type Token } from './lexer.js';
import { TokenCursor, tokText } from './parser-base.js';
import { parseDecimal, rat, type Rat } from './rational.js';
import { FUNCTION_WORDS, GREEK, KNOWN_CMDS, TRIG_INVERSE } from './vocabulary.js';

const FUNCTION_LETTERS = new Set(['f', 'g', 'h', 'F', 'G', 'H']);

/** The primary layer of the parser (extended by the operator layer in parser.ts). */
export abstract class PrimaryParser extends TokenCursor {
  // ---- primaries -------------------------------------------------------------------------
  protected primary(): Node {
    this.enter();
    const t = this.next();
    let out: Node;
    switch (t.t) {
      case 'num': out = this.number(t.s); break;
      case 'id': out = this.identifier(t.s); break;
      case 'cmd': out = this.command(t.s); break;
      case 'text': out = this.textToken(t.s, t.cmd); break;
      case 'env': out = parseEnv(t.name, t.body, (c) => this.parseCell(c)); break;
      case 'op': out = this.bracket(t.s); break;
    }
    this.depth--;
    return out;
  }

  protected number(litIn: string): Node {
    let lit = litIn;
    let v = parseDecimal(lit);
    if (!v) throw new ParseError(`bad number ${lit}`);
    let decimal = /[.eE]/.test(lit);
    // repeating decimal 0.\overline{3} (the lexer leaves the dot of "0." alone)
    if (!decimal && this.isOp('.') && this.isCmd('overline', 1)) {
      this.i++;
      lit += '.';
      decimal = true;
    }
    if (decimal && this.isCmd('overline') && this.isOp('{', 1)) {
      const save = this.i;
      this.i++;
      const digits = this.rawGroup();
      if (/^\d{1,20}$/.test(digits) && /^\d*\.\d*$/.test(lit)) {
        const rep = repeating(lit, digits);
        if (rep) return num(rep);
      }
      this.i = save;
    }
    // a number in another base: 204_5, 1112112_{3}
    if (!decimal && this.isOp('_')) {
      const save = this.i;
      this.i++;
      const sub = this.subscriptTokens();
      const base = Number(sub);
      if (/^\d+$/.test(sub) && base >= 2 && base <= 36) return { k: 'based', digits: lit, base };
      this.i = save;
    }
    // mixed numbers: 7\frac{3}{4}, and "7 3/4" in plain text
    if (!decimal && this.isCmd('frac')) {
      const save = this.i;
      this.i++;
      const a = this.macroArg();
      const b = this.macroArg();
      if (a.k === 'num' && b.k === 'num' && !a.decimal && !b.decimal && a.v.d === 1n && b.v.d === 1n && b.v.n !== 0n) {
        return addNode(num(v), { k: 'div', num: a, den: b });
      }
      this.i = save;
    }
    const n1 = this.peek(), sl = this.peek(1), n2 = this.peek(2);
    if (!decimal && n1?.t === 'num' && n1.sp && /^\d+$/.test(n1.s) && sl?.t === 'op' && sl.s === '/' && n2?.t === 'num' && /^\d+$/.test(n2.s)) {
      const after = this.peek(3);
      if (!after || after.t === 'op' && [',', ')', ']', ';', '='].includes(after.s) || after.t === 'id' || after.t === 'text') {
        this.i += 3;
        const frac = rat(BigInt(n1.s), BigInt(n2.s));
        if (frac) v = { n: v.n * frac.d + frac.n, d: frac.d };
      }
    }
    const sig = lit.replace(/[eE].*$/, '').replace(/[^0-9]/g, '').replace(/^0+/, '').length;
    return num(v, decimal, decimal && sig >= 10);
  }

  protected identifier(s: string): Node {
    if (s === 'and' || s === 'or') throw new ParseError(`unexpected "${s}"`);
    const lower = s.toLowerCase();
    if (s.length > 1) {
      if (lower === 'pi') return { k: 'const', name: 'pi' };
      if (lower === 'inf' || lower === 'infinity' || lower === 'oo' || lower === 'infty') return { k: 'const', name: 'inf' };
      const fn = FUNCTION_WORDS.get(lower);
      if (fn && (this.isOp('(') || this.isOp('^') || this.peek()?.t === 'num' || this.peek()?.t === 'id')) return this.fn(fn);
      if (fn === 'sqrt' || fn === 'exp') return this.fn(fn);
      // a run of letters in an expression: a product of one-letter variables (`ab`, `xyz`)
      const letters = [...s].map((c) => this.identifier(c));
      return letters.reduce((a, b) => mulNode(a, b));
    }
    if (s === 'e' && !this.bound.includes('e')) return { k: 'const', name: 'e' };
    if (s === 'i' && !this.bound.includes('i') && !this.isOp('_')) return { k: 'const', name: 'i' };
    return this.symbolTail(s);
  }

  /** Subscripts, primes and function application after a symbol name. */
  protected symbolTail(name: string): Node {
    let node: Node = sym(name);
    if (this.isOp('_')) {
      this.i++;
      const save = this.i;
      const raw = this.subscriptTokens();
      const simple = /^[A-Za-z0-9]+$/.test(raw) && ![...raw].some((c) => this.bound.includes(c));
      if (simple) node = sym(`${name}_${raw}`);
      else {
        this.i = save;
        const idx = this.isOp('{') ? this.group('{', '}') : this.primary();
        node = { k: 'apply', name, args: [idx] };
      }
    }
    while (this.isOp("'") || this.isCmd('prime')) {
      this.i++;
      if (node.k === 'sym') node = sym(`${node.name}'`);
    }
    // f(x), g(t), and a capital letter applied to one symbol, W(x) / P(A): function application
    const head = node.k === 'sym' ? node.name.replace(/'+$/, '').split('_')[0]! : '';
    const capitalOfSymbol = /^[A-Z]$/.test(head) && this.peek(1)?.t === 'id' && /^[A-Za-z]$/.test(tokText(this.peek(1)!)) && this.isOp(')', 2);
    if (node.k === 'sym' && this.isOp('(') && (FUNCTION_LETTERS.has(head) || capitalOfSymbol)) {
      this.i++;
      const inner = this.semiList();
      this.expectOp(')');
      node = { k: 'apply', name: node.name, args: inner.k === 'list' ? inner.items : [inner] };
    }
    return node;
  }

  /** The raw text of a subscript (`_1`, `_{12}`, `_{n-k}`) with the tokens consumed. */
  protected subscriptTokens(): string {
    if (this.isOp('{')) return this.rawGroup();
    const t = this.next();
    if (t.t === 'num') {
      // LaTeX subscripts take one character: x_12 is x_1 2 in TeX, but x_12 in plain text; keep it whole
      return t.s;
    }
    if (t.t === 'id' || t.t === 'cmd') return t.s;
    if (t.t === 'text') return t.s;
    throw new ParseError('bad subscript');
  }

  /** Consume a `{...}` group and return its tokens joined (for subscripts and \overline digits). */
  protected rawGroup(): string {
    this.expectOp('{');
    let depth = 1;
    let out = '';
    while (this.i < this.toks.length) {
      const t = this.next();
      if (t.t === 'op' && t.s === '{') depth++;
      if (t.t === 'op' && t.s === '}' && --depth === 0) return out;
      out += t.t === 'cmd' ? `\\${t.s}` : t.t === 'text' || t.t === 'env' ? '' : t.s;
    }
    throw new ParseError('unbalanced {');
  }

  /** A `{...}` or `(...)` group parsed as a full list/expression. */
  protected group(open: string, close: string): Node {
    this.expectOp(open);
    if (this.isOp(close)) throw new ParseError('empty group');
    const inner = this.semiList();
    this.expectOp(close);
    return inner;
  }

  /** One macro argument: `{...}`, or a single digit / letter / command (`\frac12`, `\sqrt3`). */
  protected macroArg(): Node {
    const t = this.peek();
    if (!t) throw new ParseError('missing argument');
    if (t.t === 'op' && t.s === '{') return this.group('{', '}');
    if (t.t === 'num' && t.s.length > 1 && /^\d/.test(t.s)) {
      this.toks.splice(this.i, 1, { t: 'num', s: t.s[0]!, sp: t.sp }, { t: 'num', s: t.s.slice(1), sp: false });
    } else if (t.t === 'id' && t.s.length > 1) {
      this.toks.splice(this.i, 1, { t: 'id', s: t.s[0]!, sp: t.sp }, { t: 'id', s: t.s.slice(1), sp: false });
    }
    if (this.isOp('(')) return this.group('(', ')');
    return this.postfixOps(this.primary());
  }

  protected command(name: string): Node {
    switch (name) {
      case 'frac': {
        const a = this.macroArg();
        return { k: 'div', num: a, den: this.macroArg() };
      }
      case 'sqrt': {
        if (this.isOp('[')) {
          this.i++;
          const index = this.semiList();
          this.expectOp(']');
          return { k: 'call', fn: 'root', args: [this.macroArg(), index] };
        }
        return { k: 'call', fn: 'sqrt', args: [this.macroArg()] };
      }
      case 'binom': case 'choose': {
        const a = this.macroArg();
        return { k: 'call', fn: 'binom', args: [a, this.macroArg()] };
      }
      case 'pi': case 'varpi': return { k: 'const', name: 'pi' };
      case 'infty': case 'infin': return { k: 'const', name: 'inf' };
      case 'imath': return { k: 'const', name: 'i' };
      case 'emptyset': case 'varnothing': return { k: 'set', items: [] };
      case 'ldots': case 'cdots': case 'dots': case 'dotsc': case 'dotsb': case 'dotsm': case 'vdots': return { k: 'ellipsis' };
      case 'lfloor': return this.delimited('rfloor', 'floor');
      case 'lceil': return this.delimited('rceil', 'ceil');
      case 'lvert': case 'vert': case 'rvert': return this.abs(name === 'lvert' ? 'rvert' : name);
      case 'langle': {
        const inner = this.semiList();
        if (!this.isCmd('rangle')) throw new ParseError('expected \\rangle');
        this.i++;
        return { k: 'tuple', items: inner.k === 'list' ? inner.items : [inner], angle: true };
      }
      case 'sum': case 'prod': return this.bigOp(name);
      case 'boxed': case 'fbox': return this.macroArg();
      case 'overline': case 'vec': case 'hat': case 'bar': case 'tilde': case 'widehat': case 'overrightarrow': case 'underline': case 'dot': case 'ddot': case 'widetilde': case 'mathring':
        return sym(`${name}{${this.rawGroupOrToken()}}`);
      case 'angle': case 'triangle': case 'measuredangle': case 'odot':
        return sym(`${name} ${this.rawGroupOrToken()}`);
      case 'exp': return this.fn('exp');
    }
    const fn = FUNCTION_WORDS.get(name);
    if (fn) return this.fn(fn);
    if (GREEK.has(name)) return this.symbolTail(name);
    if (!KNOWN_CMDS.has(name)) {
      // a command glued to letters (`\quadx`, `\pix`): split off the longest known command
      for (let len = name.length - 1; len >= 2; len--) {
        const head = name.slice(0, len);
        if (KNOWN_CMDS.has(head) || GREEK.has(head) || FUNCTION_WORDS.has(head)) {
          const rest: Token = { t: 'id', s: name.slice(len), sp: false };
          if (head === 'quad' || head === 'qquad') {
            this.toks.splice(this.i, 0, rest);
            return this.primary();
          }
          this.toks.splice(this.i, 0, { t: 'cmd', s: head, sp: false }, rest);
          return this.primary();
        }
      }
      return this.symbolTail(name);
    }
    throw new ParseError(`unsupported \\${name}`);
  }

  protected rawGroupOrToken(): string {
    if (this.isOp('{')) return this.rawGroup();
    const t = this.next();
    return t.t === 'cmd' ? `\\${t.s}` : tokText(t);
  }

  protected delimited(close: string, fn: FnName): Node {
    const inner = this.semiList();
    if (!this.isCmd(close)) throw new ParseError(`expected \\${close}`);
    this.i++;
    return { k: 'call', fn, args: [inner] };
  }

  protected abs(closeCmd?: string): Node {
    this.absDepth++;
    const inner = this.semiList();
    this.absDepth--;
    if (this.isOp('|') || (closeCmd && this.isCmd(closeCmd))) this.i++;
    else throw new ParseError('unclosed |');
    return { k: 'call', fn: 'abs', args: [inner] };
  }

  /** A function: optional `_base` (log), optional `^power` (`\sin^2 x`, `\sin^{-1} x`), then its argument. */
  protected fn(fn: FnName): Node {
    let base: Node | undefined;
    let power: Node | undefined;
    let name = fn;
    for (let k = 0; k < 2; k++) {
      if (this.isOp('_') && (fn === 'log')) {
        this.i++;
        base = this.macroArg();
      } else if (this.isOp('^')) {
        this.i++;
        power = this.exponent();
      }
    }
    if (power && isMinusOne(power) && TRIG_INVERSE[fn]) {
      name = TRIG_INVERSE[fn]!;
      power = undefined;
    }
    let args: Node[];
    if (this.isOp('(')) {
      const inner = this.group('(', ')');
      args = inner.k === 'list' ? inner.items : [inner];
    } else if (this.isOp('{')) {
      args = [this.group('{', '}')];
    } else {
      // \sin 2x, \ln x: a product of simple factors, stopping at operators and other functions
      let a = this.power();
      for (let t = this.peek(); t && (t.t === 'num' || (t.t === 'id' && t.s !== 'and' && t.s !== 'or' && !FUNCTION_WORDS.has(t.s)) || (t.t === 'cmd' && (GREEK.has(t.s) || t.s === 'pi'))); t = this.peek()) {
        a = mulNode(a, this.power());
      }
      args = [a];
    }
    if (name === 'log' && base) args = [args[0]!, base];
    const call: Node = { k: 'call', fn: name, args };
    return power ? { k: 'pow', base: call, exp: power } : call;
  }

  protected bigOp(kind: 'sum' | 'prod'): Node {
    if (!this.isOp('_')) throw new ParseError(`\\${kind} without bounds`);
    this.i++;
    const lower = this.isOp('{') ? this.group('{', '}') : this.primary();
    if (lower.k !== 'rel' || lower.ops.length !== 1 || lower.ops[0] !== '=' || lower.parts[0]!.k !== 'sym') throw new ParseError('unsupported summation bounds');
    const v = (lower.parts[0] as { name: string }).name;
    this.expectOp('^');
    const hi = this.exponent();
    this.bound.push(v);
    try {
      const body = this.term();
      return { k: kind, v, lo: lower.parts[1]!, hi, body };
    } finally {
      this.bound.pop();
    }
  }

  protected textToken(s: string, cmd: string): Node {
    const content = s.trim();
    if (cmd === 'mathbb') {
      if (content === 'R') return { k: 'reals' };
      return sym(`mathbb{${content}}`);
    }
    if (cmd === 'operatorname') {
      const fn = FUNCTION_WORDS.get(content.toLowerCase());
      return fn ? this.fn(fn) : this.symbolTail(content);
    }
    if (cmd !== 'text' && /^[A-Za-z]$/.test(content)) {
      if (content === 'e' && cmd === 'mathrm') return { k: 'const', name: 'e' };
      if (content === 'i' && cmd === 'mathrm') return { k: 'const', name: 'i' };
      return this.symbolTail(content);
    }
    if (/^[-+]?[\d.,\s]+$/.test(content) && /\d/.test(content)) return this.parseCell(content.replace(/\s/g, ''));
    const letter = /^\(?([A-Za-z])\)?\.?$/.exec(content);
    if (letter) return sym(letter[1]!);
    if (cmd !== 'text' && /^[A-Za-z]+$/.test(content)) return this.symbolTail(content);
    if (content === '') throw new ParseError('empty text');
    return { k: 'text', s: content };
  }

  protected bracket(open: string): Node {
    switch (open) {
      case '(': case '[': {
        if (open === '(' && this.isOp(')')) throw new ParseError('empty parentheses');
        const inner = this.semiList();
        const close = this.next();
        if (close.t !== 'op' || (close.s !== ')' && close.s !== ']')) throw new ParseError(`unclosed ${open}`);
        const items = inner.k === 'list' ? inner.items : [inner];
        if (items.length === 2 && (open === '[' || close.s === ']')) {
          return { k: 'interval', lo: items[0]!, hi: items[1]!, lopen: open === '(', ropen: close.s === ')' };
        }
        if (items.length === 1) return items[0]!;
        return { k: 'tuple', items };
      }
      case '\\{': {
        if (this.isOp('\\}')) {
          this.i++;
          return { k: 'set', items: [] };
        }
        const inner = this.semiList();
        this.expectOp('\\}');
        return { k: 'set', items: inner.k === 'list' ? inner.items : [inner] };
      }
      case '{': {
        const inner = this.semiList();
        this.expectOp('}');
        return inner;
      }
      case '|': return this.abs();
    }
    throw new ParseError(`unexpected "${open}"`);
  }
}

function isMinusOne(n: Node): boolean {
  return (n.k === 'neg' && n.arg.k === 'num' && n.arg.v.n === 1n && n.arg.v.d === 1n) || (n.k === 'num' && n.v.n === -1n && n.v.d === 1n);
}

/** `0.1\overline{6}` = 1/6: the value of a decimal whose digits `rep` repeat forever. */
function repeating(lit: string, rep: string): Rat | undefined {
  const [intPart = '0', fixed = ''] = lit.split('.');
  const a = BigInt((intPart || '0') + fixed + rep) - BigInt((intPart || '0') + fixed);
  const d = (10n ** BigInt(rep.length) - 1n) * 10n ** BigInt(fixed.length);
  return rat(a, d);
}

/** Matrices (`pmatrix`, `bmatrix`, `array`, ...): rows split on `\\`, cells on `&`. */
function parseEnv(name: string, body: string, parseCell: (source: string) => Node): Node {
  if (!/^(?:[pbvBV]?matrix|smallmatrix|array)\*?$/.test(name)) throw new ParseError(`unsupported environment ${name}`);
  let text = body;
  if (name.startsWith('array')) text = text.replace(/^\s*\{[^{}]*\}/, '');
  const rows = splitTop(text, '\\\\')
    .map((r) => r.replace(/\\hline/g, '').trim())
    .filter((r) => r.length > 0)
    .map((r) => splitTop(r, '&').map((c) => parseCell(c)));
  if (rows.length === 0) throw new ParseError('empty matrix');
  const width = rows[0]!.length;
  if (!rows.every((r) => r.length === width)) throw new ParseError('ragged matrix');
  const m: Node = { k: 'matrix', rows };
  return name.startsWith('vmatrix') || name.startsWith('Vmatrix') ? { k: 'call', fn: 'det', args: [m] } : m;
}

/** Split on a separator that is not inside braces. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && s.startsWith(sep, i) && !(sep === '&' && s[i - 1] === '\\')) {
      out.push(s.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  out.push(s.slice(start));
  return out;
}
