/** Loaders for the code corpora copied into test/corpora/code (see its README). */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { CodeReference } from '../../src/index.js';

const dir = new URL('../corpora/code/', import.meta.url);

/** Rows of a JSONL file of the code corpora. */
export function jsonl<T = Record<string, unknown>>(name: string): T[] {
  return readFileSync(new URL(name, dir), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** A JSON file of the code corpora. */
export function json<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;
}

/** One problem with a correct solution, a deliberately empty one, and its reference. */
export interface Case {
  id: string;
  solution: string;
  empty: string;
  /** HumanEval-X: the prompt's declaration (helpers, then the unfinished entry function). */
  declaration?: string;
  reference: CodeReference;
}

/** HumanEval-X JavaScript: declaration + canonical solution, tests as test_code. */
export function humanEvalJs(): Case[] {
  return jsonl<{ task_id: string; declaration: string; canonical_solution: string; test: string }>('humaneval_js.jsonl').map((r) => ({
    id: r.task_id,
    solution: r.declaration + r.canonical_solution,
    empty: `${r.declaration}  return null\n}\n`,
    declaration: r.declaration,
    reference: { language: 'javascript', test_code: r.test, ...helpersOf(r.declaration) },
  }));
}

/** The complete helper functions of a HumanEval-X declaration (all but its last, unfinished, function), as `helpers`. */
function helpersOf(declaration: string): { helpers?: string } {
  const lines = declaration.trimEnd().split('\n');
  const last = lines.findLastIndex((l) => /^(const|let|var|function)\s/.test(l));
  const helpers = lines.slice(0, Math.max(0, last)).join('\n').trim();
  return helpers ? { helpers } : {};
}

/** The entry point of a HumanEval Python prompt: its last top-level function. */
export function entryPointOf(prompt: string): string {
  const names = [...prompt.matchAll(/^def\s+([A-Za-z_]\w*)\s*\(/gm)].map((m) => m[1]!);
  return names[names.length - 1]!;
}

/** HumanEval Python: prompt + canonical solution, the tests plus `check(entry_point)` as test_code. */
export function humanEvalPython(): Case[] {
  return jsonl<{ task_id: string; prompt: string; canonical_solution: string; test: string }>('humaneval_python.jsonl').map((r) => ({
    id: r.task_id,
    solution: r.prompt + r.canonical_solution,
    empty: `${r.prompt}    return None\n`,
    reference: { language: 'python', test_code: `${r.test}\ncheck(${entryPointOf(r.prompt)})\n`, prompt: r.prompt },
  }));
}

/** rLLM LeetCode: Python solutions with their functional tests. */
export function leetcode(): Case[] {
  return json<{ solutions: string; tests: { functional: string } }[]>('rllm_leetcode_test.json').map((r, i) => ({
    id: `leetcode/${i}`,
    solution: r.solutions,
    empty: 'class Solution:\n    pass\n',
    reference: { language: 'python', test_code: r.tests.functional },
  }));
}

/** A stdin/stdout problem: its tests in the reference's shape. */
export interface StdioProblem {
  id: string;
  tests: { input: string; output: string }[];
}

/** Every stdin/stdout problem of the rLLM and SandboxFusion sets. */
export function stdioProblems(): StdioProblem[] {
  const out: StdioProblem[] = [];
  json<{ tests: { inputs: string[]; outputs: string[] } }[]>('rllm_code_contests_test.json').forEach((r, i) =>
    out.push({ id: `rllm_code_contests/${i}`, tests: r.tests.inputs.map((input, j) => ({ input, output: r.tests.outputs[j]! })) }),
  );
  json<{ tests: { input: string; output: string }[] }[]>('rllm_codeforces_test.json').forEach((r, i) => out.push({ id: `rllm_codeforces/${i}`, tests: r.tests }));
  jsonl<{ id: number; test: string }>('sandboxfusion_code_contests_20.jsonl').forEach((r) => {
    const tests = JSON.parse(r.test) as { input: { stdin: string }; output: { stdout: string } }[];
    out.push({ id: `sandboxfusion_code_contests/${r.id}`, tests: tests.map((t) => ({ input: t.input.stdin, output: t.output.stdout })) });
  });
  for (const r of livecodebench()) if (r.fnName === null) out.push({ id: `sandboxfusion_livecodebench/${r.id}`, tests: r.tests });
  return out;
}

/** SandboxFusion's LiveCodeBench rows: tests are a zlib-compressed pickle of {"input_output": json}. */
export function livecodebench(): { id: number; canonical: string; fnName: string | null; tests: { input: string; output: string }[] }[] {
  return jsonl<{ id: number; canonical_solution: string; test: string }>('sandboxfusion_livecodebench_v1_3.jsonl').map((r) => {
    const raw = inflateSync(Buffer.from(r.test, 'base64'));
    // The pickle holds one dict; its value is a BINUNICODE string: 'X', uint32 length, UTF-8 bytes.
    const at = raw.indexOf('input_output');
    const x = raw.indexOf(0x58, at + 'input_output'.length);
    const len = raw.readUInt32LE(x + 1);
    const io = JSON.parse(raw.subarray(x + 5, x + 5 + len).toString('utf8')) as { inputs: string[]; outputs: string[]; fn_name: string | null };
    return { id: r.id, canonical: r.canonical_solution, fnName: io.fn_name, tests: io.inputs.map((input, j) => ({ input, output: io.outputs[j]! })) };
  });
}

/** One Kattis problem package: its tests (symlinked test files resolved) and submissions. */
export interface KattisProblem {
  problem: string;
  tests: { name: string; input: string; output: string }[];
  submissions: { path: string; language: string; expected_verdict: string; code: string }[];
}

/**
 * The Kattis problemtools examples. Some secret test files are symlinks in the package, stored here
 * as their target path (`../subtask1/1.in`); they are resolved to the target test's data.
 */
export function kattis(): KattisProblem[] {
  return jsonl<KattisProblem>('kattis_problemtools_examples.jsonl').map((p) => {
    const byName = new Map(p.tests.map((t) => [t.name, t]));
    const resolve = (name: string, text: string, ext: '.in' | '.ans'): string | undefined => {
      if (!/^(\.\.\/)+[\w/.-]+$/.test(text.trim()) || !text.trim().endsWith(ext)) return undefined;
      const parts = name.split('/').slice(0, -1);
      for (const seg of text.trim().split('/')) {
        if (seg === '..') parts.pop();
        else parts.push(seg);
      }
      const target = byName.get(parts.join('/').replace(/\.ans$/, '.in'));
      return target && (ext === '.in' ? target.input : target.output);
    };
    const tests = p.tests.map((t) => ({
      name: t.name,
      input: resolve(t.name, t.input, '.in') ?? t.input,
      output: resolve(t.name, t.output, '.ans') ?? t.output,
    }));
    return { ...p, tests };
  });
}

/** MultiPL-E rows (HumanEval and MBPP in JavaScript, HumanEval in TypeScript) with GPT solutions. */
export interface MultiplE {
  name: string;
  language: 'js' | 'ts';
  tests: string;
  gpt_solution: string;
}

/** The MultiPL-E rows of one file. */
export function multiple(file: 'multiple_humaneval_js.jsonl' | 'multiple_humaneval_ts.jsonl' | 'multiple_mbpp_js.jsonl'): MultiplE[] {
  return jsonl<MultiplE>(file);
}
