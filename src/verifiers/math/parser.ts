/**
 * Recursive-descent parser from LaTeX / plain-text math tokens to a {@link Node} tree.
 *
 * Precedence, lowest first: `;` lists, `,`/and/or lists, relations (`= < \le \in ...`), ratios
 * (`:`), set operations (`\cup \cap \setminus`), `+ - \pm`, products (`\cdot \times / \div` and
 * juxtaposition), unary signs, powers, postfix `! % °`, primaries.
 */
import { type FnName, type Node, type RelOp, num, sym } from './ast.js';
import { ParseError, cleanLatex, tokenize, type Token } from './lexer.js';
import { parseDecimal, rat, type Rat } from './rational.js';
import { FUNCTION_WORDS, GREEK, KNOWN_CMDS, TRIG_INVERSE, UNIT_SCALES, UNIT_WORDS, isSeparatorText } from './vocabulary.js';

/** Parse a cleaned or raw answer string into a tree. Throws {@link ParseError} when it is not math. */
export function parseMath(input: string): Node {
  const p = new Parser(tokenize(cleanLatex(input)));
  return p.parseAll();
}

/** Parse tokens already produced by {@link tokenize} (cells of matrices, sub-parses). */
export function parseTokens(tokens: Token[]): Node {
  return new Parser(tokens).parseAll();
}

const REL_CMDS: Record<string, RelOp> = {
  le: '<=', leq: '<=', leqslant: '<=', ge: '>=', geq: '>=', geqslant: '>=', lt: '<', gt: '>', ne: '!=', neq: '!=',
  approx: '~', simeq: '~', sim: '~', thickapprox: '~', equiv: '=', in: 'in', coloneqq: '=', eqsim: '~', cong: '=',
};
const REL_OPS: Record<string, RelOp> = { '=': '=', '<': '<', '>': '>', '<=': '<=', '>=': '>=', '!=': '!=' };
const FUNCTION_LETTERS = new Set(['f', 'g', 'h', 'F', 'G', 'H']);
const MAX_DEPTH = 120;

class Parser {
  private i = 0;
  private depth = 0;
  private absDepth = 0;
  private readonly bound: string[] = [];

  constructor(private readonly toks: Token[]) {}

  parseAll(): Node {
    if (this.toks.length === 0) throw new ParseError('empty answer');
    const n = this.semiList();
    if (this.i < this.toks.length) throw new ParseError(`unexpected ${describe(this.toks[this.i]!)}`);
    return n;
  }

  // ---- token helpers -------------------------------------------------------------------
  private peek(k = 0): Token | undefined {
    return this.toks[this.i + k];
  }
  private next(): Token {
    const t = this.toks[this.i++];
    if (!t) throw new ParseError('unexpected end of answer');
    return t;
  }
  private isOp(s: string, k = 0): boolean {
    const t = this.peek(k);
    return t?.t === 'op' && t.s === s;
  }
  private isCmd(s: string, k = 0): boolean {
    const t = this.peek(k);
    return t?.t === 'cmd' && t.s === s;
  }
  private expectOp(s: string): void {
    if (!this.isOp(s)) throw new ParseError(`expected "${s}"`);
    this.i++;
  }
  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ParseError('answer nested too deeply');
  }

  // ---- lists and relations --------------------------------------------------------------
  private semiList(): Node {
    const items = [this.commaList()];
    while (this.isOp(';')) {
      this.i++;
      if (this.atListEnd()) break;
      items.push(this.commaList());
    }
    return items.length === 1 ? items[0]! : { k: 'list', items, semi: true };
  }

  private isSeparator(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.t === 'op' && t.s === ',') return true;
    if (t.t === 'id' && (t.s === 'and' || t.s === 'or')) return true;
    return t.t === 'text' && isSeparatorText(t.s);
  }

  private atListEnd(): boolean {
    const t = this.peek();
    return !t || (t.t === 'op' && [')', ']', '}', '\\}', ';'].includes(t.s)) || (t.t === 'cmd' && t.s === 'rangle');
  }

  private commaList(): Node {
    const items: Node[] = [];
    while (this.isSeparator()) this.i++;
    items.push(this.relation());
    while (this.isSeparator()) {
      while (this.isSeparator()) this.i++;
      if (this.atListEnd()) break;
      items.push(this.relation());
    }
    return items.length === 1 ? items[0]! : { k: 'list', items, semi: false };
  }

  private relOp(): RelOp | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.t === 'op') return REL_OPS[t.s];
    if (t.t === 'cmd') return REL_CMDS[t.s];
    return undefined;
  }

  private relation(): Node {
    const parts = [this.ratio()];
    const ops: RelOp[] = [];
    for (let op = this.relOp(); op; op = this.relOp()) {
      this.i++;
      ops.push(op);
      parts.push(this.ratio());
    }
    return ops.length ? { k: 'rel', ops, parts } : parts[0]!;
  }

  private ratio(): Node {
    const parts = [this.setExpr()];
    while (this.isOp(':') || this.isCmd('colon')) {
      this.i++;
      parts.push(this.setExpr());
    }
    return parts.length === 1 ? parts[0]! : { k: 'ratio', parts };
  }

  private setExpr(): Node {
    let left = this.arith();
    for (;;) {
      if (this.isCmd('cup')) {
        this.i++;
        const right = this.arith();
        left = left.k === 'union' ? { k: 'union', args: [...left.args, right] } : { k: 'union', args: [left, right] };
      } else if (this.isCmd('cap')) {
        this.i++;
        left = { k: 'intersect', args: [left, this.arith()] };
      } else if (this.isCmd('setminus') || this.isCmd('backslash')) {
        this.i++;
        left = { k: 'setminus', a: left, b: this.arith() };
      } else return left;
    }
  }

  // ---- arithmetic ------------------------------------------------------------------------
  private arith(): Node {
    this.enter();
    let left = this.term();
    for (;;) {
      if (this.isOp('+')) {
        this.i++;
        left = addNode(left, this.term());
      } else if (this.isOp('-')) {
        this.i++;
        left = addNode(left, { k: 'neg', arg: this.term() });
      } else if (this.isCmd('pm') || this.isCmd('mp')) {
        const mp = this.isCmd('mp');
        this.i++;
        left = { k: 'pm', left, right: this.term(), mp };
      } else break;
    }
    this.depth--;
    return left;
  }

  private term(): Node {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if ((t.t === 'op' && t.s === '*') || (t.t === 'cmd' && (t.s === 'cdot' || t.s === 'times' || t.s === 'ast'))) {
        this.i++;
        left = mulNode(left, this.unary());
      } else if ((t.t === 'op' && t.s === '/') || (t.t === 'cmd' && t.s === 'div')) {
        this.i++;
        left = { k: 'div', num: left, den: this.unary() };
      } else if (this.startsImplicit(t)) {
        const unit = this.consumeUnit(left);
        if (unit) {
          if (typeof unit === 'object' && left.k !== 'unit') left = { k: 'unit', arg: left, ...unit };
          continue;
        }
        left = mulNode(left, this.power());
      } else break;
    }
    return left;
  }

  /** Whether a token can start a factor multiplied by juxtaposition (`2x`, `3\sqrt{2}`, `(a)(b)`). */
  private startsImplicit(t: Token): boolean {
    switch (t.t) {
      case 'num': case 'env': return true;
      case 'id': return t.s !== 'and' && t.s !== 'or';
      case 'text': return !isSeparatorText(t.s);
      case 'cmd': return !(t.s in REL_CMDS) && !['cdot', 'times', 'div', 'pm', 'mp', 'cup', 'cap', 'setminus', 'rangle', 'rfloor', 'rceil', 'colon', 'ast', 'to', 'mid', 'rvert', 'quad', 'qquad', 'backslash'].includes(t.s);
      case 'op': return t.s === '(' || (t.s === '|' && this.absDepth === 0) || t.s === '\\{';
    }
  }

  /**
   * Units after a quantity: `\text{ cm}`, plain unit words (`cm`, `miles`), any word of three or
   * more letters written after a number with a space (`125 miles`), with a power (`cm^2`) or a
   * per-unit (`km/h`). Returns the unit when it converts (length, mass, time, volume; see
   * UNIT_SCALES) so that `1 km` can equal `1000 m`, `true` when it is only dropped, `false` when
   * the next token is not a unit.
   */
  private consumeUnit(left: Node): boolean | { unit: string; power: number } {
    const t = this.peek()!;
    let unit = false;
    let word = '';
    if (t.t === 'text') {
      unit = /[A-Za-z]/.test(t.s) && (isQuantity(left) || !/^\s*\(?[A-Za-z]\)?\s*$/.test(t.s));
      word = t.s.trim();
    } else if (t.t === 'id' && t.s.length >= 2 && isQuantity(left)) {
      const lower = t.s.toLowerCase();
      const next = this.peek(1);
      const callLike = FUNCTION_WORDS.has(lower) && next?.t === 'op' && next.s === '(';
      const mathWord = ['pi', 'inf', 'infinity', 'oo', 'infty'].includes(lower) || (FUNCTION_WORDS.has(lower) && !UNIT_WORDS.has(lower));
      unit = !callLike && !mathWord && (UNIT_WORDS.has(t.s) || UNIT_WORDS.has(lower) || (t.s.length >= 3 && t.sp));
      word = t.s;
    }
    if (!unit) return false;
    this.i++;
    let power = 1;
    let per = false;
    for (;;) {
      if (this.isOp('^') && this.peek(1)?.t === 'num') {
        power = Number(tokText(this.peek(1)!));
        this.i += 2;
      } else if (this.isOp('^') && this.isOp('{', 1) && this.peek(2)?.t === 'num' && this.isOp('}', 3)) {
        power = Number(tokText(this.peek(2)!));
        this.i += 4;
      } else if (this.isOp('/') && (this.peek(1)?.t === 'id' || this.peek(1)?.t === 'text') && isUnitToken(this.peek(1)!)) {
        per = true;
        this.i += 2;
      } else if (this.peek()?.t === 'text' && /^[\s.]*$/.test(tokText(this.peek()!))) this.i++;
      else break;
    }
    const known = UNIT_SCALES.has(word) ? word : UNIT_SCALES.has(word.toLowerCase()) && word.length > 1 ? word.toLowerCase() : undefined;
    return known && !per && Number.isInteger(power) && power >= 1 && power <= 3 ? { unit: known, power } : true;
  }

  private unary(): Node {
    if (this.isOp('-')) {
      this.i++;
      return { k: 'neg', arg: this.unary() };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    if (this.isCmd('pm') || this.isCmd('mp')) {
      const mp = this.isCmd('mp');
        this.i++;
      return { k: 'pm', right: this.unary(), mp };
    }
    return this.power();
  }

  private power(): Node {
    this.enter();
    const base = this.postfix();
    let out = base;
    if (this.isOp('^')) {
      this.i++;
      out = this.postfixOps({ k: 'pow', base, exp: this.exponent() });
    }
    this.depth--;
    return out;
  }

  /** An exponent: a group, a parenthesised expression, a (whole) number, or a signed factor. */
  private exponent(): Node {
    if (this.isOp('{')) return this.group('{', '}');
    if (this.isOp('-')) {
      this.i++;
      return { k: 'neg', arg: this.exponent() };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.exponent();
    }
    return this.postfix();
  }

  private postfix(): Node {
    return this.postfixOps(this.primary());
  }

  private postfixOps(node: Node): Node {
    for (;;) {
      if (this.isOp('!')) {
        this.i++;
        node = { k: 'call', fn: 'fact', args: [node] };
      } else if (this.isOp('%')) {
        this.i++;
        node = { k: 'pct', arg: node };
      } else if (this.isOp('°')) {
        this.i++;
        node = { k: 'deg', arg: node };
      } else if (this.isOp("'") || this.isCmd('prime')) {
        this.i++;
        if (node.k === 'sym') node = sym(`${node.name}'`);
      } else if (this.isOp('_') && node.k !== 'sym') {
        this.i++;
        this.subscriptTokens();
      } else return node;
    }
  }

  // ---- primaries -------------------------------------------------------------------------
  private primary(): Node {
    this.enter();
    const t = this.next();
    let out: Node;
    switch (t.t) {
      case 'num': out = this.number(t.s); break;
      case 'id': out = this.identifier(t.s); break;
      case 'cmd': out = this.command(t.s); break;
      case 'text': out = this.textToken(t.s, t.cmd); break;
      case 'env': out = parseEnv(t.name, t.body); break;
      case 'op': out = this.bracket(t.s); break;
    }
    this.depth--;
    return out;
  }

  private number(litIn: string): Node {
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

  private identifier(s: string): Node {
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
  private symbolTail(name: string): Node {
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
  private subscriptTokens(): string {
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
  private rawGroup(): string {
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
  private group(open: string, close: string): Node {
    this.expectOp(open);
    if (this.isOp(close)) throw new ParseError('empty group');
    const inner = this.semiList();
    this.expectOp(close);
    return inner;
  }

  /** One macro argument: `{...}`, or a single digit / letter / command (`\frac12`, `\sqrt3`). */
  private macroArg(): Node {
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

  private command(name: string): Node {
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

  private rawGroupOrToken(): string {
    if (this.isOp('{')) return this.rawGroup();
    const t = this.next();
    return t.t === 'cmd' ? `\\${t.s}` : tokText(t);
  }

  private delimited(close: string, fn: FnName): Node {
    const inner = this.semiList();
    if (!this.isCmd(close)) throw new ParseError(`expected \\${close}`);
    this.i++;
    return { k: 'call', fn, args: [inner] };
  }

  private abs(closeCmd?: string): Node {
    this.absDepth++;
    const inner = this.semiList();
    this.absDepth--;
    if (this.isOp('|') || (closeCmd && this.isCmd(closeCmd))) this.i++;
    else throw new ParseError('unclosed |');
    return { k: 'call', fn: 'abs', args: [inner] };
  }

  /** A function: optional `_base` (log), optional `^power` (`\sin^2 x`, `\sin^{-1} x`), then its argument. */
  private fn(fn: FnName): Node {
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

  private bigOp(kind: 'sum' | 'prod'): Node {
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

  private textToken(s: string, cmd: string): Node {
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
    if (/^[-+]?[\d.,\s]+$/.test(content) && /\d/.test(content)) return parseMath(content.replace(/\s/g, ''));
    const letter = /^\(?([A-Za-z])\)?\.?$/.exec(content);
    if (letter) return sym(letter[1]!);
    if (cmd !== 'text' && /^[A-Za-z]+$/.test(content)) return this.symbolTail(content);
    if (content === '') throw new ParseError('empty text');
    return { k: 'text', s: content };
  }

  private bracket(open: string): Node {
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

function tokText(t: Token): string {
  return t.t === 'env' ? '' : t.s;
}

function describe(t: Token): string {
  return t.t === 'cmd' ? `\\${t.s}` : t.t === 'env' ? `\\begin{${t.name}}` : `"${tokText(t)}"`;
}

function isMinusOne(n: Node): boolean {
  return (n.k === 'neg' && n.arg.k === 'num' && n.arg.v.n === 1n && n.arg.v.d === 1n) || (n.k === 'num' && n.v.n === -1n && n.v.d === 1n);
}

/** A quantity: something that can carry a unit (no variables). */
function isQuantity(n: Node): boolean {
  switch (n.k) {
    case 'num': case 'pct': case 'deg': case 'const': case 'unit': return true;
    case 'neg': return isQuantity(n.arg);
    case 'div': return isQuantity(n.num) && isQuantity(n.den);
    case 'mul': case 'add': return n.args.every(isQuantity);
    case 'pow': return isQuantity(n.base) && isQuantity(n.exp);
    case 'call': return n.args.every(isQuantity);
    default: return false;
  }
}

function isUnitToken(t: Token): boolean {
  if (t.t === 'text') return true;
  return t.t === 'id' && (UNIT_WORDS.has(t.s) || UNIT_WORDS.has(t.s.toLowerCase()) || t.s.length === 1);
}

/** Flatten nested sums. */
export function addNode(a: Node, b: Node): Node {
  const args = [...(a.k === 'add' ? a.args : [a]), ...(b.k === 'add' ? b.args : [b])];
  return { k: 'add', args };
}

/** Flatten nested products. */
export function mulNode(a: Node, b: Node): Node {
  const args = [...(a.k === 'mul' ? a.args : [a]), ...(b.k === 'mul' ? b.args : [b])];
  return { k: 'mul', args };
}

/** `0.1\overline{6}` = 1/6: the value of a decimal whose digits `rep` repeat forever. */
function repeating(lit: string, rep: string): Rat | undefined {
  const [intPart = '0', fixed = ''] = lit.split('.');
  const a = BigInt((intPart || '0') + fixed + rep) - BigInt((intPart || '0') + fixed);
  const d = (10n ** BigInt(rep.length) - 1n) * 10n ** BigInt(fixed.length);
  return rat(a, d);
}

/** Matrices (`pmatrix`, `bmatrix`, `array`, ...): rows split on `\\`, cells on `&`. */
function parseEnv(name: string, body: string): Node {
  if (!/^(?:[pbvBV]?matrix|smallmatrix|array)\*?$/.test(name)) throw new ParseError(`unsupported environment ${name}`);
  let text = body;
  if (name.startsWith('array')) text = text.replace(/^\s*\{[^{}]*\}/, '');
  const rows = splitTop(text, '\\\\')
    .map((r) => r.replace(/\\hline/g, '').trim())
    .filter((r) => r.length > 0)
    .map((r) => splitTop(r, '&').map((c) => parseMath(c)));
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
