/**
 * README code blocks as test cases. Conventions (the README follows them; the test enforces them):
 * - A ```ts or ```sh block runs, unless its info string says `not-run: <reason>` (the reason is
 *   required, e.g. ```ts not-run: a type declaration).
 * - ```ts needs-python-sandbox (or sh) runs only where the Python sandbox can (see
 *   test/helpers/python-sandbox.ts), like the other Python-sandbox tests.
 * - A ```text output block right after a runnable block is the output that block must print: each
 *   non-blank line must appear, in order, in what the block printed (stdout and stderr together),
 *   whitespace runs compared as one space; a line `...` stands for anything.
 */

/** One fenced block of a Markdown file. */
export interface CodeBlock {
  /** First word of the info string (`ts`, `sh`, `text`, ...), '' when none. */
  lang: string;
  /** The rest of the info string. */
  info: string;
  /** The block's contents. */
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** Why it does not run, when marked `not-run: reason`. */
  notRun?: string;
  /** Runs only where the Python sandbox can. */
  needsPythonSandbox?: boolean;
  /** Expected output, from a following ```text output block. */
  output?: string;
}

/** Languages whose blocks run. */
export const RUNNABLE = new Set(['ts', 'sh']);

/** Fenced blocks of `markdown`, each runnable block with the output block that follows it. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const words = open[3]!.trim();
    const lang = words.split(/\s+/)[0] ?? '';
    const info = words.slice(lang.length).trim();
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trim().startsWith(fence)) body.push(lines[j++]!);
    const notRun = /^not-run:\s*(.*)$/.exec(info)?.[1]?.trim();
    const block: CodeBlock = { lang, info, code: body.join('\n') + '\n', line: i + 1, ...(notRun !== undefined ? { notRun } : {}) };
    if (/\bneeds-python-sandbox\b/.test(info)) block.needsPythonSandbox = true;
    const prev = blocks[blocks.length - 1];
    if (lang === 'text' && info === 'output' && prev && RUNNABLE.has(prev.lang)) prev.output = block.code;
    else blocks.push(block);
    i = j;
  }
  return blocks;
}

/** Whitespace runs as one space, ends trimmed. */
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The first expected line missing from `actual` (in order), or undefined when all are there.
 * A `...` line matches anything.
 */
export function missingOutput(expected: string, actual: string): string | undefined {
  const got = actual.split('\n').map(squash);
  let at = 0;
  for (const raw of expected.split('\n')) {
    const want = squash(raw);
    if (!want || want === '...') continue;
    const found = got.findIndex((g, k) => k >= at && g.includes(want));
    if (found < 0) return raw;
    at = found + 1;
  }
  return undefined;
}
