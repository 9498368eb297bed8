/**
 * Extraction: the program in a response is the last fenced code block whose tag fits the
 * reference's language (```js, ```javascript, ```ts, ```typescript, ```python, ```py or a bare
 * ```), or the whole response when it has no fenced block at all (it then has to compile, or the
 * verdict is `no-code`).
 */
import type { FormatSpec } from '../../core/format.js';
import type { CodeLanguage } from './types.js';

/** The family a fence tag names. */
type TagFamily = 'js' | 'ts' | 'python' | 'bare' | 'other';

const TAGS: Record<string, TagFamily> = {
  js: 'js', javascript: 'js', jsx: 'js', mjs: 'js', cjs: 'js', node: 'js', nodejs: 'js',
  ts: 'ts', typescript: 'ts', tsx: 'ts', mts: 'ts',
  py: 'python', python: 'python', python3: 'python', py3: 'python',
  '': 'bare',
};

/** One fenced block of a response. */
export interface FencedBlock {
  /** The fence's info string, lowercased, first word only (`''` for a bare fence). */
  tag: string;
  code: string;
  /** False when the response ended before the closing fence. */
  closed: boolean;
}

/** What extraction found. */
export type Extraction =
  | {
      ok: true;
      code: string;
      /** True when the code came from a fenced block (an unfenced response must compile). */
      fenced: boolean;
      /** The block says TypeScript (```ts): it is transpiled even for a JavaScript reference. */
      typescript: boolean;
    }
  | { ok: false; reason: 'no-code' | 'wrong-language'; detail: string };

/**
 * An opening fence line: up to 3 spaces, a run of 3+ backticks or tildes, then an info string
 * with no backtick; `tag` is its first word. What `/^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n`]*$/`
 * matches, in one pass (that regex backtracks quadratically on a long info string ending in a
 * backtick: 40 KB took 0.6 s).
 */
export function fenceOpen(line: string): { fence: string; tag: string } | null {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 0x20) i++;
  const c = line[i];
  if (c !== '`' && c !== '~') return null;
  let j = i;
  while (line[j] === c) j++;
  if (j - i < 3 || line.indexOf('`', j) >= 0) return null;
  let k = j;
  while (line[k] === ' ' || line[k] === '\t') k++;
  let e = k;
  while (e < line.length && line[e] !== '`' && !/\s/.test(line[e]!)) e++;
  return { fence: line.slice(i, j), tag: line.slice(k, e) };
}

/** Every fenced block of `text`, in order. A fence left open runs to the end of the text. */
export function fencedBlocks(text: string): FencedBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = fenceOpen(lines[i]!);
    if (!open) continue;
    const fence = open.fence;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j]!)) j++;
    blocks.push({ tag: open.tag.toLowerCase().replace(/^\{?\.?/, '').replace(/\}$/, ''), code: lines.slice(i + 1, j).join('\n'), closed: j < lines.length });
    i = j;
  }
  return blocks;
}

function family(tag: string): TagFamily {
  return TAGS[tag] ?? 'other';
}

function fits(f: TagFamily, language: CodeLanguage): boolean {
  if (f === 'bare') return true;
  if (language === 'python') return f === 'python';
  return f === 'js' || f === 'ts';
}

/** The part of a response that holds the answer: after `</think>` when reasoning is closed. */
function answerPart(response: string, format: FormatSpec | undefined): string {
  const end = response.lastIndexOf('</think>');
  if (end < 0) return response;
  const after = response.slice(end + '</think>'.length);
  if (format?.think) return after;
  return fencedBlocks(after).length > 0 || after.trim() !== '' ? after : response;
}

/**
 * Extract the program of a response for a reference in `language` (see the module comment).
 * When the response has fenced blocks but none fits the language, the reason is `wrong-language`
 * if one of them is code in another supported language, `no-code` otherwise.
 */
export function extractCode(response: string, language: CodeLanguage, format?: FormatSpec): Extraction {
  const text = answerPart(response, format);
  const blocks = fencedBlocks(text);
  if (blocks.length === 0) {
    const code = text.trim();
    if (code === '') return { ok: false, reason: 'no-code', detail: 'the response is empty' };
    return { ok: true, code, fenced: false, typescript: language === 'typescript' };
  }
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const f = family(b.tag);
    if (fits(f, language) && b.code.trim() !== '') {
      return { ok: true, code: b.code, fenced: true, typescript: language === 'typescript' || f === 'ts' };
    }
  }
  const other = blocks.find((b) => family(b.tag) !== 'other' && family(b.tag) !== 'bare');
  if (other) return { ok: false, reason: 'wrong-language', detail: `a \`\`\`${other.tag} block, but the reference is ${language}` };
  return { ok: false, reason: 'no-code', detail: `no code block (found ${blocks.map((b) => '```' + (b.tag || '')).join(', ')})` };
}
