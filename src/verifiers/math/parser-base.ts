/**
 * The token cursor shared by the parser's layers: position, look-ahead helpers, recursion guard,
 * and the grammar entry points each layer needs from the others.
 */
import type { Node } from './ast.js';
import { ParseError, type Token } from './lexer.js';

const MAX_DEPTH = 120;

/** Look-ahead over a token list, with the grammar rules the layers call on one another. */
export abstract class TokenCursor {
  protected i = 0;
  protected depth = 0;
  protected absDepth = 0;
  /** Summation indices in scope (`i` is then an index, not the imaginary unit). */
  protected readonly bound: string[] = [];

  constructor(protected readonly toks: Token[]) {}

  /** `a; b; c` lists (lowest precedence). */
  protected abstract semiList(): Node;
  /** Products and quotients, explicit or by juxtaposition. */
  protected abstract term(): Node;
  /** A power `a^b` (or a postfix expression). */
  protected abstract power(): Node;
  /** An exponent after `^`. */
  protected abstract exponent(): Node;
  /** Postfix `! % °` and primes after a node. */
  protected abstract postfixOps(node: Node): Node;
  /** Parse a separate piece of LaTeX (a matrix cell, a number inside `\text{}`). */
  protected abstract parseCell(source: string): Node;

  protected peek(k = 0): Token | undefined {
    return this.toks[this.i + k];
  }
  protected next(): Token {
    const t = this.toks[this.i++];
    if (!t) throw new ParseError('unexpected end of answer');
    return t;
  }
  protected isOp(s: string, k = 0): boolean {
    const t = this.peek(k);
    return t?.t === 'op' && t.s === s;
  }
  protected isCmd(s: string, k = 0): boolean {
    const t = this.peek(k);
    return t?.t === 'cmd' && t.s === s;
  }
  protected expectOp(s: string): void {
    if (!this.isOp(s)) throw new ParseError(`expected "${s}"`);
    this.i++;
  }
  protected enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ParseError('answer nested too deeply');
  }

}

/** The text of a token (empty for environments). */
export function tokText(t: Token): string {
  return t.t === 'env' ? '' : t.s;
}

/** A token for error messages. */
export function describe(t: Token): string {
  return t.t === 'cmd' ? `\\${t.s}` : t.t === 'env' ? `\\begin{${t.name}}` : `"${tokText(t)}"`;
}
