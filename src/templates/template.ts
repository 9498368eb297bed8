/**
 * Prompt templates: files in the package's `templates/` folder (or any path), each a short header
 * of `key: value` lines between `---` fences, then the prompt text with `{{placeholders}}`.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import type { AnswerFormat, FormatSpec } from '../core/format.js';

/** The record kinds a template can render. */
export type RecordKind = 'mcq' | 'open-ended' | 'code' | 'ifeval';

/** A parsed template. */
export interface Template {
  /** Template name (the file name without `.md`). */
  name: string;
  /** One line saying what it is for. */
  description: string;
  /** Which records it renders. */
  kind: RecordKind;
  /** The verifier that reads answers written in this template's format. */
  verifier: string;
  /** The answer format the prompt asks for; the format gate checks exactly this. */
  format: FormatSpec;
  /** Prompt text with `{{placeholders}}`. */
  text: string;
  /** The placeholders the text uses, in order of first use. */
  placeholders: string[];
}

/** The folder holding the bundled templates. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

const KINDS: readonly RecordKind[] = ['mcq', 'open-ended', 'code', 'ifeval'];
const FORMATS: readonly AnswerFormat[] = ['boxed', 'answer-line', 'code-block', 'free'];
const PLACEHOLDER_RE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Parse a template file's text. Throws with the file name and the problem when malformed. */
export function parseTemplate(source: string, file = '<template>'): Template {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) throw new Error(`${file}: a template starts with a header between --- lines`);
  const header: Record<string, string> = {};
  for (const [i, line] of m[1]!.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const kv = /^([a-z_]+)\s*:\s*(.*)$/.exec(line);
    if (!kv) throw new Error(`${file}: header line ${i + 2} is not "key: value": ${line}`);
    header[kv[1]!] = kv[2]!.trim();
  }
  for (const key of ['name', 'kind', 'verifier', 'answer_format']) {
    if (!header[key]) throw new Error(`${file}: header misses "${key}"`);
  }
  if (!KINDS.includes(header.kind as RecordKind)) throw new Error(`${file}: kind must be one of ${KINDS.join(', ')}, got "${header.kind}"`);
  if (!FORMATS.includes(header.answer_format as AnswerFormat)) {
    throw new Error(`${file}: answer_format must be one of ${FORMATS.join(', ')}, got "${header.answer_format}"`);
  }
  if (header.think !== undefined && header.think !== 'true' && header.think !== 'false') {
    throw new Error(`${file}: think must be true or false, got "${header.think}"`);
  }
  const text = m[2]!.replace(/\s+$/, '');
  const placeholders = [...new Set([...text.matchAll(PLACEHOLDER_RE)].map((x) => x[1]!))];
  return {
    name: header.name!,
    description: header.description ?? '',
    kind: header.kind as RecordKind,
    verifier: header.verifier!,
    format: { answer: header.answer_format as AnswerFormat, think: header.think === 'true' },
    text,
    placeholders,
  };
}

const cache = new Map<string, Template>();

/**
 * Load a template by bundled name (`mcq`, `open-ended`, ...) or by path to a `.md` file.
 * Throws naming the known templates when the name is unknown.
 */
export function loadTemplate(nameOrPath: string): Template {
  const hit = cache.get(nameOrPath);
  if (hit) return hit;
  const isPath = nameOrPath.includes('/') || nameOrPath.endsWith('.md');
  const file = isPath ? resolve(nameOrPath) : join(TEMPLATES_DIR, `${nameOrPath}.md`);
  if (!existsSync(file)) {
    throw new Error(`unknown template "${nameOrPath}" (bundled: ${templateNames().join(', ')})`);
  }
  const t = parseTemplate(readFileSync(file, 'utf8'), file);
  cache.set(nameOrPath, t);
  return t;
}

/** Names of the bundled templates. */
export function templateNames(): string[] {
  return readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** A template's text split once at its placeholders: literal, key, literal, key, ..., literal. */
const compiled = new WeakMap<Template, { literals: string[]; keys: string[] }>();
function compile(t: Template): { literals: string[]; keys: string[] } {
  let c = compiled.get(t);
  if (!c) {
    c = { literals: [], keys: [] };
    let at = 0;
    for (const m of t.text.matchAll(PLACEHOLDER_RE)) {
      c.literals.push(t.text.slice(at, m.index));
      c.keys.push(m[1]!);
      at = m.index + m[0].length;
    }
    c.literals.push(t.text.slice(at));
    compiled.set(t, c);
  }
  return c;
}

/** Fill `{{placeholders}}` from `values`; a placeholder without a value is an error naming it. */
export function fillTemplate(t: Template, values: Record<string, string>): string {
  const { literals, keys } = compile(t);
  const missing = [...new Set(keys.filter((p) => values[p] === undefined))];
  if (missing.length) throw new Error(`template "${t.name}" has placeholders with no value: ${missing.map((p) => `{{${p}}}`).join(', ')}`);
  let out = literals[0]!;
  for (let i = 0; i < keys.length; i++) out += values[keys[i]!]! + literals[i + 1]!;
  return out;
}
