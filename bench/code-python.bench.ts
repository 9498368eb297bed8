/**
 * `npm run bench -- code-python`: the Python sandbox on HumanEval (164 problems, canonical
 * solutions, split test_code judgement), against a LiveCodeBench-style runner in the same run: a
 * fresh `/usr/bin/python3` per problem with LiveCodeBench's imports and a reliability guard
 * (rlimits, dangerous os/shutil/subprocess functions set to None), no sandbox.
 *
 * CPU is the whole process tree's (bench/tree-cpu.ts): this process and every live descendant
 * (the long-lived zygote and what it has reaped included), each counted once. Both runners take
 * one problem at a time, so problems per CPU second is problems/s per core. Then the mixed workload
 * (canonical solutions and `return None` stubs, every problem) on the worker pool with 1 and 2
 * threads: wall-clock speed-up. BENCH_PY_N=40 runs the first N problems only.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { closePool, configurePool, codeVerdicts } from '../src/index.js';
import { verifyCode } from '../src/verifiers/code/index.js';
import { humanEvalPython } from '../test/code/corpora.js';
import { printTable } from './table.js';
import { treeCpuSeconds } from './tree-cpu.js';

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
console.log(`Python sandbox bench: ${cases.length} HumanEval problems, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other processes share these cores)`);
const fence = (code: string): string => '```python\n' + code + '\n```';

// Warm-up (the thread's zygote starts, module caches).
await verifyCode(fence(cases[0]!.solution), cases[0]!.reference);

let c0 = treeCpuSeconds();
let t0 = performance.now();
let passed = 0;
for (const c of cases) {
  const v = await verifyCode(fence(c.solution), c.reference);
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

const perCore = cases.length / oursCpu;
const rate = (cpu: number): string => (cases.length / cpu).toFixed(1);
printTable('HumanEval Python, one problem at a time (CPU = whole process tree)', [
  ['runner', 'passed', 'wall s', 'CPU s', 'CPU ms/problem', 'problems/s per core', 'target'],
  ['bubblewrap sandbox, zygote per thread', `${passed}/${cases.length}`, oursWall.toFixed(2), oursCpu.toFixed(2), ((oursCpu * 1000) / cases.length).toFixed(1), rate(oursCpu), '>= 100'],
  ['fresh python3 per problem (LiveCodeBench style)', `${basePassed}/${cases.length}`, baseWall.toFixed(2), baseCpu.toFixed(2), ((baseCpu * 1000) / cases.length).toFixed(1), rate(baseCpu), ''],
]);
console.log(`\nproblems/s per core: ${perCore.toFixed(1)} (target >= 100); ratio (baseline CPU / sandbox CPU): ${(baseCpu / oursCpu).toFixed(2)}x (target >= 5x)`);

// The mixed workload on the worker pool: wall clock with 2 threads against 1.
const responses = [...cases.map((c) => fence(c.solution)), ...cases.map((c) => fence(c.empty))];
const refs = [...cases.map((c) => c.reference), ...cases.map((c) => c.reference)];
const wallOf = async (threads: number): Promise<{ wall: number; cpu: number; passed: number }> => {
  await configurePool({ threads });
  await codeVerdicts(responses.slice(0, 4), refs.slice(0, 4)); // start the workers and their zygotes
  const c = treeCpuSeconds();
  const t = performance.now();
  const vs = await codeVerdicts(responses, refs);
  return { wall: (performance.now() - t) / 1000, cpu: treeCpuSeconds() - c, passed: vs.filter((v) => v.pass).length };
};
const one = await wallOf(1);
const two = await wallOf(2);
await closePool();
printTable(`mixed HumanEval workload (${responses.length} samples: canonical + return None) on the worker pool`, [
  ['threads', 'passed', 'wall s', 'CPU s', 'samples/s', 'speed-up', 'target'],
  ['1', `${one.passed}/${responses.length}`, one.wall.toFixed(2), one.cpu.toFixed(2), (responses.length / one.wall).toFixed(1), '1.00x', ''],
  ['2', `${two.passed}/${responses.length}`, two.wall.toFixed(2), two.cpu.toFixed(2), (responses.length / two.wall).toFixed(1), `${(one.wall / two.wall).toFixed(2)}x`, '>= 1.7x'],
]);
