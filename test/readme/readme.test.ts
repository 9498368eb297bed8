/**
 * Every shell and TypeScript block of README.md runs here (or says why not), and the output it shows
 * is what it prints. TypeScript blocks import the package by its name (`verifiable-rewards`), which
 * resolves to this checkout's build through package.json's `exports`; shell blocks run `rewards`
 * (and `npx rewards`) from this checkout, in a scratch folder holding the bundled example files.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runPythonSandboxTests } from '../helpers/python-sandbox.js';
import { codeBlocks, missingOutput, RUNNABLE } from './blocks.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const blocks = codeBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'rewards-readme-'));
const shims = join(work, '.bin');
// TypeScript blocks live inside the checkout so that `import 'verifiable-rewards'` self-resolves.
const tsDir = join(root, '.readme-run');

mkdirSync(shims);
mkdirSync(tsDir, { recursive: true });
for (const d of ['examples', 'data', 'rewards', 'templates']) symlinkSync(join(root, d), join(work, d));
writeFileSync(join(shims, 'rewards'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin/rewards.js')}" "$@"\n`);
chmodSync(join(shims, 'rewards'), 0o755);
afterAll(() => rmSync(tsDir, { recursive: true, force: true }));

/** Run one block; stdout and stderr together. */
function run(lang: string, code: string, line: number): { code: number | null; out: string } {
  const env = { ...process.env, PATH: `${shims}:${process.env.PATH}`, FORCE_COLOR: '0', NO_COLOR: '1' };
  if (lang === 'sh') {
    const script = `set -euo pipefail\nnpx() { if [ "$1" = rewards ]; then shift; rewards "$@"; else command npx "$@"; fi; }\n${code}`;
    const r = spawnSync('bash', ['-c', script], { cwd: work, env, encoding: 'utf8', timeout: 180_000 });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  }
  const file = join(tsDir, `block-${line}.mts`);
  writeFileSync(file, code);
  const r = spawnSync(process.execPath, ['--no-node-snapshot', '--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, file], { cwd: work, env, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('README.md code blocks', () => {
  it('every shell and TypeScript block either runs or says why not', () => {
    const runnable = blocks.filter((b) => RUNNABLE.has(b.lang));
    expect(runnable.length).toBeGreaterThan(5);
    for (const b of runnable) if (b.notRun !== undefined) expect(b.notRun, `README line ${b.line}: not-run needs a reason`).not.toBe('');
    const unknown = blocks.filter((b) => ['js', 'bash', 'shell', 'typescript', 'console'].includes(b.lang));
    expect(unknown.map((b) => `line ${b.line}: ${b.lang}`), 'use ts or sh so the block is run').toEqual([]);
  });

  for (const b of blocks.filter((x) => RUNNABLE.has(x.lang) && x.notRun === undefined)) {
    const test = b.needsPythonSandbox ? it.runIf(runPythonSandboxTests) : it;
    test(`README line ${b.line} (${b.lang}) runs${b.output ? ' and prints what it shows' : ''}`, { timeout: 200_000 }, () => {
      const r = run(b.lang, b.code, b.line);
      expect(r.code, `README line ${b.line} exited ${r.code}:\n${r.out.slice(-3000)}`).toBe(0);
      if (b.output) expect(missingOutput(b.output, r.out), `README line ${b.line} printed:\n${r.out.slice(-3000)}`).toBeUndefined();
    });
  }
});
