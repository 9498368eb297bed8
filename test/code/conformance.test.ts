/**
 * Conformance on the code corpora (test/corpora/code), through `codeVerdicts` on the worker pool.
 * Whole corpora except where noted: MultiPL-E's agreement with real Node and the Python
 * stdin/stdout oracle run on deterministic subsets here and whole in bench/code.bench.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { closePool, codeVerdicts, compareOutput, extractCode, type CodeReference, type Verdict } from '../../src/index.js';
import { prepareJs } from '../../src/verifiers/code/js/transpile.js';
import { humanEvalJs, humanEvalPython, kattis, leetcode, multiple, stdioProblems, type Case, type StdioProblem } from './corpora.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

const failing = (cases: { id: string }[], vs: Verdict[]): string[] => cases.filter((_, i) => !vs[i]!.pass).map((c) => c.id);

async function both(cases: Case[]): Promise<{ solutions: Verdict[]; empties: Verdict[] }> {
  const refs = cases.map((c) => c.reference);
  const [solutions, empties] = await Promise.all([codeVerdicts(cases.map((c) => c.solution), refs), codeVerdicts(cases.map((c) => c.empty), refs)]);
  return { solutions, empties };
}

describe('HumanEval-X JavaScript (164 problems, tests as test_code with console.assert)', () => {
  it('passes every canonical solution but the two wrong ones, and no `return null`', async () => {
    const cases = humanEvalJs();
    expect(cases).toHaveLength(164);
    const { solutions, empties } = await both(cases);
    // 112 returns `(z, false)` (the comma operator) and 155 counts digit parity wrongly: both fail under plain Node too.
    expect(failing(cases, solutions)).toEqual(['JavaScript/112', 'JavaScript/155']);
    expect(failing(cases, empties)).toHaveLength(164);
    // 162 needs js-md5, from the allow-list of pure modules.
    expect(solutions[162]!.pass).toBe(true);
  }, 120_000);

  it('gives the same verdicts with the declaration as `prompt` (the helpers taken from it)', async () => {
    const cases = humanEvalJs().map((c) => ({ ...c, reference: { language: 'javascript', test_code: (c.reference as { test_code: string }).test_code, prompt: c.declaration! } }));
    const { solutions, empties } = await both(cases);
    expect(failing(cases, solutions)).toEqual(['JavaScript/112', 'JavaScript/155']);
    expect(failing(cases, empties)).toHaveLength(164);
  }, 120_000);
});

describePython('HumanEval Python (164 problems, check(entry_point))', () => {
  it('passes every canonical solution, and no `return None`', async () => {
    const cases = humanEvalPython();
    const { solutions, empties } = await both(cases);
    expect(failing(cases, solutions)).toEqual([]);
    expect(failing(cases, empties)).toHaveLength(164);
  }, 300_000);
});

describePython('rLLM LeetCode (200 problems, Python solutions with functional tests)', () => {
  it('passes every solution whose imports are installed, and no empty Solution', async () => {
    const cases = leetcode();
    const { solutions, empties } = await both(cases);
    // sortedcontainers is not in the standard library: Debian's python3-sortedcontainers provides it.
    const hasSortedContainers = spawnSync('/usr/bin/python3', ['-c', 'import sortedcontainers']).status === 0;
    const needsIt = cases.filter((c) => /sortedcontainers/.test(c.solution)).map((c) => c.id);
    expect(needsIt).toEqual(['leetcode/126']);
    expect(failing(cases, solutions)).toEqual(hasSortedContainers ? [] : needsIt);
    expect(failing(cases, empties)).toHaveLength(200);
  }, 300_000);
});

/** Whether test code parses (after transpiling TypeScript); node:vm compiles without running. */
function parses(code: string, typescript: boolean): boolean {
  const p = prepareJs(code, typescript);
  if (!p.ok) return false;
  try {
    new Script(p.code);
    return true;
  } catch {
    return false;
  }
}

/** Real Node's verdict: the extracted (and, for TypeScript, transpiled) program followed by the tests, exit code 0. */
function nodeVerdict(dir: string, response: string, tests: string, typescript: boolean, n: number): Promise<boolean> {
  const ex = extractCode(response, typescript ? 'typescript' : 'javascript');
  if (!ex.ok) return Promise.resolve(false);
  const sol = prepareJs(ex.code, ex.typescript);
  const tst = prepareJs(tests, typescript);
  if (!sol.ok || !tst.ok) return Promise.resolve(false);
  const file = join(dir, `p${n}.cjs`);
  writeFileSync(file, `${sol.code}\n${tst.code}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { stdio: 'ignore', timeout: 20_000 });
    child.on('close', (code) => resolve(code === 0));
  });
}

describe('MultiPL-E JavaScript and TypeScript (GPT solutions, node:assert tests)', () => {
  for (const file of ['multiple_humaneval_js.jsonl', 'multiple_humaneval_ts.jsonl', 'multiple_mbpp_js.jsonl'] as const) {
    it(`${file}: every 6th row gets the same verdict as real Node`, async () => {
      const rows = multiple(file);
      const verdicts = await codeVerdicts(
        rows.map((r) => r.gpt_solution),
        rows.map((r) => ({ language: r.language === 'ts' ? 'typescript' : 'javascript', test_code: r.tests })),
      );
      const dir = mkdtempSync(join(tmpdir(), 'vr-multiple-'));
      const subset = rows.map((r, i) => [r, i] as const).filter(([, i]) => i % 6 === 0);
      const node: boolean[] = [];
      for (let k = 0; k < subset.length; k += 2) {
        node.push(...(await Promise.all(subset.slice(k, k + 2).map(([r, i]) => nodeVerdict(dir, r.gpt_solution, r.tests, r.language === 'ts', i)))));
      }
      const disagree = subset.filter(([, i], k) => verdicts[i]!.pass !== node[k]).map(([r]) => r.name);
      expect(disagree).toEqual([]);
      // A test file that does not even parse (HumanEval_51's string holds a raw newline) is invalid input, not the solution's failure.
      const broken = rows.filter((r) => !parses(r.tests, r.language === 'ts')).map((r) => r.name);
      expect(rows.filter((_, i) => verdicts[i]!.reason === 'invalid-input').map((r) => r.name)).toEqual(broken);
    }, 300_000);
  }
});

function oracle(p: StdioProblem, language: 'javascript' | 'python', shift: number): string {
  const table: Record<string, string> = {};
  p.tests.forEach((t, i) => (table[t.input] = p.tests[(i + shift) % p.tests.length]!.output));
  const json = JSON.stringify(table);
  return language === 'python'
    ? `\`\`\`python\nimport sys, json\nT = json.loads(bytes.fromhex('${Buffer.from(json).toString('hex')}').decode())\nsys.stdout.write(T[sys.stdin.read()])\n\`\`\``
    : `\`\`\`js\nconst T = JSON.parse(${JSON.stringify(json)});\nprocess.stdout.write(T[require('fs').readFileSync(0, 'utf8')]);\n\`\`\``;
}

describe('stdin/stdout sets (rLLM code_contests and codeforces, SandboxFusion code_contests and LiveCodeBench)', () => {
  const all = stdioProblems();

  async function check(problems: StdioProblem[], language: 'javascript' | 'python'): Promise<void> {
    const refs: CodeReference[] = problems.map((p) => ({ language, tests: p.tests }));
    // A program that looks its test's input up in a table of the expected outputs passes every test...
    const right = await codeVerdicts(problems.map((p) => oracle(p, language, 0)), refs);
    expect(problems.filter((_, i) => !right[i]!.pass).map((p) => p.id)).toEqual([]);
    // ...and one that answers each input with the next test's output fails wherever that differs.
    const multi = problems.filter((p) => p.tests.length > 1);
    const wrong = await codeVerdicts(multi.map((p) => oracle(p, language, 1)), multi.map((p) => ({ language, tests: p.tests })));
    const shouldFail = multi.map((p) => p.tests.some((t, i) => !compareOutput(p.tests[(i + 1) % p.tests.length]!.output, t.output)));
    expect(multi.filter((_, i) => wrong[i]!.pass === shouldFail[i]).map((p) => p.id)).toEqual([]);
  }

  it('JavaScript, whole corpus (595 problems, 4558 tests)', async () => {
    expect(all).toHaveLength(595);
    expect(all.reduce((n, p) => n + p.tests.length, 0)).toBe(4558);
    await check(all, 'javascript');
  }, 300_000);

  itPython('Python, every 5th problem', async () => {
    await check(all.filter((_, i) => i % 5 === 0), 'python');
  }, 300_000);
});

describe('Kattis problemtools examples (accepted and wrong submissions)', () => {
  itPython('judges each submission as its folder says, but Python 2 and the too-slow one', async () => {
    const got: Record<string, string> = {};
    for (const p of kattis()) {
      const vs = await codeVerdicts(
        p.submissions.map((s) => '```\n' + s.code + '\n```'),
        p.submissions.map((s) => ({ language: s.language, tests: p.tests.map((t) => ({ input: t.input, output: t.output })) })),
        { reward: 'fraction' },
      );
      p.submissions.forEach((s, i) => (got[`${p.problem}/${s.path}`] = vs[i]!.pass ? 'accepted' : vs[i]!.score > 0 ? `partial:${vs[i]!.reason}` : `failed:${vs[i]!.reason}`));
    }
    expect(got).toEqual({
      'different/submissions/accepted/different.js': 'accepted',
      // Python 2 `print x` does not compile under python3.
      'different/submissions/accepted/different_py2.py': 'failed:compile-error',
      'different/submissions/accepted/different_py3.py': 'accepted',
      // 10^8 Python loop iterations per input line: far over the default 2 s per test.
      'different/submissions/slow_accepted/different_slow.py': 'failed:timeout',
      // An interactive problem: the tests have no expected output to match.
      'guess/submissions/wrong_answer/guess.py': 'failed:wrong-answer',
      'guess/submissions/wrong_answer/guess_modulo.py': 'failed:runtime-error',
      'hello/submissions/accepted/hello.py': 'accepted',
      'oddecho/submissions/accepted/js.py': 'accepted',
      'oddecho/submissions/partially_accepted/sol.py': 'partial:wrong-answer',
    });
  }, 120_000);
});
