/**
 * `npm run bench -- code-python`: the Python sandbox on HumanEval (164 problems, canonical
 * solutions, split test_code judgement), against a LiveCodeBench-style runner in the same run: a
 * fresh `/usr/bin/python3` per problem with LiveCodeBench's imports and a reliability guard
 * (rlimits, dangerous os/shutil/subprocess functions set to None), no sandbox.
 *
 * CPU is the whole process tree's: this process plus every descendant it has reaped (bubblewrap,
 * the zygote, its children; the baseline's interpreters), from /proc/self/stat, counted once.
 * Both sides run one problem at a time, so problems per CPU second is problems/s per core.
 * BENCH_PY_N=40 runs the first N problems only.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { verifyCode } from '../src/verifiers/code/index.js';
import { humanEvalPython } from '../test/code/corpora.js';
import { printTable } from './table.js';

/** CPU seconds of this process and its reaped descendants (utime, stime, cutime, cstime). */
function treeCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14-17 of stat(5); f[0] is field 3.
  const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  return ticks / 100;
}

const GUARD = `
import resource, faulthandler, builtins, os, shutil, subprocess, sys
def reliability_guard(maximum_memory_bytes=4 << 30):
    resource.setrlimit(resource.RLIMIT_AS, (maximum_memory_bytes, maximum_memory_bytes))
    resource.setrlimit(resource.RLIMIT_DATA, (maximum_memory_bytes, maximum_memory_bytes))
    faulthandler.disable()
    builtins.exit = None
    builtins.quit = None
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in ("kill", "system", "putenv", "remove", "removedirs", "rmdir", "fchdir", "setuid", "fork", "forkpty",
                 "killpg", "rename", "renames", "truncate", "replace", "unlink", "fchmod", "fchown", "chmod", "chown",
                 "chroot", "lchown", "getcwd", "chdir"):
        setattr(os, name, None)
    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None
    subprocess.Popen = None
    sys.modules["ipdb"] = None
    sys.modules["joblib"] = None
    sys.modules["resource"] = None
    sys.modules["psutil"] = None
    sys.modules["tkinter"] = None
`;
const LCB_IMPORTS = [
  'string', 're', 'datetime', 'collections', 'heapq', 'bisect', 'copy', 'math', 'random', 'statistics', 'itertools', 'functools', 'operator', 'io', 'sys', 'json',
];
const PRELUDE = `${LCB_IMPORTS.map((m) => `from ${m} import *`).join('\n')}\nfrom typing import *\n${LCB_IMPORTS.map((m) => `import ${m}`).join('\n')}\nsys.setrecursionlimit(50000)\n`;

const n = Number(process.env.BENCH_PY_N ?? 164);
const cases = humanEvalPython().slice(0, n);
console.log(`Python sandbox bench: ${cases.length} HumanEval problems, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other processes share these cores)`);

// Warm-up (first sandbox start, module caches).
await verifyCode('```python\n' + cases[0]!.solution + '\n```', cases[0]!.reference);

let c0 = treeCpuSeconds();
let t0 = performance.now();
let passed = 0;
for (const c of cases) {
  const v = await verifyCode('```python\n' + c.solution + '\n```', c.reference);
  if (v.pass) passed += 1;
}
const oursCpu = treeCpuSeconds() - c0;
const oursWall = (performance.now() - t0) / 1000;

c0 = treeCpuSeconds();
t0 = performance.now();
let basePassed = 0;
for (const c of cases) {
  const ref = c.reference as { test_code: string };
  const program = `${GUARD}\n${PRELUDE}\nreliability_guard()\n${c.solution}\n\n${ref.test_code}\n`;
  const r = spawnSync('/usr/bin/python3', ['-c', program], { encoding: 'utf8', timeout: 20_000 });
  if (r.status === 0) basePassed += 1;
}
const baseCpu = treeCpuSeconds() - c0;
const baseWall = (performance.now() - t0) / 1000;

const rate = (cpu: number): string => (cases.length / cpu).toFixed(1);
printTable('HumanEval Python, one problem at a time (CPU = whole process tree)', [
  ['runner', 'passed', 'wall s', 'CPU s', 'CPU ms/problem', 'problems/s per core'],
  ['bubblewrap sandbox, split judgement', `${passed}/${cases.length}`, oursWall.toFixed(2), oursCpu.toFixed(2), ((oursCpu * 1000) / cases.length).toFixed(1), rate(oursCpu)],
  ['fresh python3 per problem (LiveCodeBench style)', `${basePassed}/${cases.length}`, baseWall.toFixed(2), baseCpu.toFixed(2), ((baseCpu * 1000) / cases.length).toFixed(1), rate(baseCpu)],
]);
console.log(`\nratio (baseline CPU / sandbox CPU): ${(baseCpu / oursCpu).toFixed(2)}x; targets: >= 100 problems/s per core, >= 5x`);
