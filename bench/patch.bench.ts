/**
 * `npm run bench -- patch`: the `patch` verifier on real gold patches (test/corpora/swe, the
 * history of psf/requests) against model-like variants of them, and its difflib port against
 * CPython's difflib (`/usr/bin/python3`) on the same canonical change-text pairs, in the same run.
 *
 * Pairs: each gold patch against a variant in which about one changed line in four is edited
 * (at least one per file, so no file is left equal: equal files short-cut to 1 in the verifier)
 * and the diff is wrapped in prose and a ```diff fence. Rows: the full verifier (extract, parse,
 * canonicalise both sides, per-file ratio) and the ratio alone, with and without autojunk (SWE-RL's
 * code passes autojunk=False). Timing: best of PASSES passes after a warm-up, both sides.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyPatch } from '../src/verifiers/patch/index.js';
import { canonicalEdits } from '../src/verifiers/patch/compare.js';
import { parseUnifiedDiff } from '../src/verifiers/patch/parse.js';
import { sequenceRatio } from '../src/verifiers/patch/sequence-matcher.js';
import { printTable } from './table.js';

const PASSES = Number(process.env.PATCH_BENCH_PASSES ?? 5);
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const golds: string[] = readFileSync(here('../test/corpora/swe/requests_gold_patches.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { patch: string }).patch);

let seed = 2025;
const rnd = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const CHANGED = /^[+-](?![+-]{2} )[^\n]*[A-Za-z_]/;
const edit = (l: string): string => l.replace(/[A-Za-z_]\w*/, (w) => (w === 'value' ? 'other' : 'value'));
/** One file's section with about one changed line in four edited, and always at least one. */
function editFile(section: string): string {
  const lines = section.split('\n');
  let edited = false;
  const out = lines.map((l) => {
    if (CHANGED.test(l) && rnd() < 0.25) {
      edited = true;
      return edit(l);
    }
    return l;
  });
  if (!edited) {
    const k = out.findIndex((l) => CHANGED.test(l));
    if (k >= 0) out[k] = edit(out[k]!);
  }
  return out.join('\n');
}
/** A model-like variant: every file's change edited a little, wrapped in prose and a fence. */
const variant = (patch: string): string =>
  'Here is my fix.\n\n```diff\n' + patch.split(/(?=^diff --git )/m).map(editFile).join('') + '```\n';
const responses = golds.map(variant);
const canon = (p: string): string => [...canonicalEdits(parseUnifiedDiff(p).edits).values()].join('\n');
// The ratio rows compare one text per pair: the variant's and the gold's canonical changes.
const pairs = golds.map((g, i) => ({ a: canon(responses[i]!.split('```diff\n')[1]!.split('```')[0]!), b: canon(g) }));
const chars = pairs.reduce((s, p) => s + p.a.length + p.b.length, 0);

function best(run: () => void): number {
  run();
  let t = Infinity;
  for (let k = 0; k < PASSES; k++) {
    const t0 = performance.now();
    run();
    t = Math.min(t, performance.now() - t0);
  }
  return t / 1000;
}

/** CPython's timing; without autojunk one pass only (it takes about half a minute on these pairs). */
function python(autojunk: boolean): { best_s: number; ratios: number[] } {
  const r = spawnSync('/usr/bin/python3', [here('./difflib_timer.py'), autojunk ? '1' : '0', String(autojunk ? PASSES : 1)], {
    input: pairs.map((p) => JSON.stringify(p)).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`python baseline failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { best_s: number; ratios: number[] };
}

const rows: (string | number)[][] = [['row', 'pairs', 'TS s/pass', 'TS pairs/s', 'Python difflib s/pass', 'Python / TS', 'max |TS - Py|']];
// PATCH_BENCH_AUTOJUNK_ONLY=1 skips the autojunk=False rows (CPython takes about half a minute on them).
for (const autojunk of process.env.PATCH_BENCH_AUTOJUNK_ONLY ? [true] : [true, false]) {
  const py = python(autojunk);
  const ours = pairs.map((p) => sequenceRatio(p.a, p.b, { autojunk }));
  const maxDiff = Math.max(...ours.map((x, i) => Math.abs(x - py.ratios[i]!)));
  const tRatio = best(() => pairs.forEach((p) => sequenceRatio(p.a, p.b, { autojunk })));
  const tFull = best(() => golds.forEach((g, i) => verifyPatch(responses[i]!, g, { autojunk })));
  const tag = `autojunk=${autojunk ? 'True' : 'False'}`;
  rows.push([`ratio only, ${tag}`, pairs.length, tRatio.toFixed(4), Math.round(pairs.length / tRatio), py.best_s.toFixed(4), `${(py.best_s / tRatio).toFixed(1)}x`, maxDiff.toExponential(1)]);
  rows.push([`full verifier, ${tag}`, pairs.length, tFull.toFixed(4), Math.round(pairs.length / tFull), py.best_s.toFixed(4), `${(py.best_s / tFull).toFixed(1)}x`, '']);
}
printTable(`patch verifier: ${pairs.length} real gold patches (psf/requests) vs model-like variants, ${chars} chars of canonical change text; best of ${PASSES} passes`, rows);
console.log(
  'Python / TS = CPython difflib ratio time on the same pairs over ours (target >= 5x). The "full verifier" rows time extraction,\n' +
    'parsing and both canonicalisations on top of the ratio, against the ratio alone in Python; they compare per file (shorter texts),\n' +
    'the "ratio only" rows compare all files of a pair joined, which without autojunk costs more than the per-file sum.',
);
