/**
 * CLI input/output faults, one test each: BOM, bare \r, invalid UTF-8, trailing blank lines,
 * outputs that cannot be written, signals to the launcher (no orphan, output a valid prefix),
 * --resume after SIGKILL equal to an uninterrupted run, set-up errors of filter --dedup.
 * Runs bin/rewards.js over dist/ (built by `pretest`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeDataset } from '../../bench/gen-dataset.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/rewards.js');
const dir = mkdtempSync(join(tmpdir(), 'rewards-io-'));

function rewards(args: string[], input?: string | Buffer, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  // A generous limit: these runs score tens of thousands of lines, and CI machines can be busy.
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', timeout: 300_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const jsonl = (s: string): Record<string, unknown>[] => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const exited = (p: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  new Promise((r) => p.once('exit', (code, signal) => r({ code, signal })));
async function until(cond: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await sleep(20);
  }
}
/** The child pids of `pid` (the launcher's re-executed node). */
function childrenOf(pid: number): number[] {
  const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return r.stdout.split('\n').map((x) => Number(x.trim())).filter((x) => x > 0);
}

/** A large MCQ scoring input: `n` lines with ids 0..n-1. */
function mcqInput(n: number): string {
  const path = join(dir, `mcq-${n}.jsonl`);
  if (!existsSync(path)) {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const letter = 'ABCD'[i % 4];
      lines.push(JSON.stringify({ id: i, response: `Let me think about option ${i % 7}. The answer is (${letter}).`, reference: 'ABCD'[i % 3] }));
    }
    writeFileSync(path, lines.join('\n') + '\n');
  }
  return path;
}

describe('rewards score input', () => {
  it('skips a UTF-8 BOM on line 1', () => {
    const r = rewards(['score', '-', '-v', 'mcq', '-q'], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":1,"response":"The answer is (B).","reference":"B"}\n')]));
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout)).toEqual([expect.objectContaining({ id: 1, pass: true })]);
  });

  it('a bare \\r is part of its line: one bad record, later line numbers do not shift', () => {
    const input = '{"response":"x\ry","reference":"B"}\n{"id":2,"response":"The answer is (B).","reference":"B"}\r\n{"oops"\n';
    const r = rewards(['score', '-', '-v', 'mcq', '-q'], input);
    const out = jsonl(r.stdout);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ line: 1, error: expect.stringMatching(/^line 1: invalid JSON/) });
    expect(out[1]).toMatchObject({ id: 2, pass: true });
    expect(out[2]).toMatchObject({ line: 3, error: expect.stringMatching(/^line 3: invalid JSON/) });
  });

  it('a line that is not valid UTF-8 is an error line naming it, not a repaired record', () => {
    const input = Buffer.concat([
      Buffer.from('{"response":"The answer is (B).","reference":"B"}\n{"response":"The answer is (B). '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('","reference":"B"}\n'),
    ]);
    const r = rewards(['score', '-', '-v', 'mcq', '-q'], input);
    expect(r.code).toBe(2);
    const out = jsonl(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[1]).toMatchObject({ line: 2, score: 0, error: expect.stringMatching(/^line 2: invalid UTF-8/) });
  });

  it('trailing blank lines are not errors; a blank line between records is', () => {
    const ok = '{"response":"The answer is (B).","reference":"B"}\n';
    const r = rewards(['score', '-', '-v', 'mcq'], ok + '\n' + ok + '\n\n  \n');
    expect(r.code).toBe(2);
    const out = jsonl(r.stdout);
    expect(out.map((x) => x.error ?? 'ok')).toEqual(['ok', 'line 2: empty line', 'ok']);
    expect(r.stderr).toMatch(/mean score 1\.0000 over 2 judged lines \(1 lines with errors left out of the mean/);
    const clean = rewards(['score', '-', '-v', 'mcq', '-q'], ok + ok + '\n');
    expect(clean.code).toBe(0);
  });
});

describe('rewards outputs that cannot be written', () => {
  it('a missing directory, a directory as file, a full disk: a message, exit 1, no stack trace', () => {
    for (const out of [join(dir, 'no/such/dir/out.jsonl'), dir, '/dev/full']) {
      const r = rewards(['score', 'examples/mcq.jsonl', '-v', 'mcq', '--out', out, '-q']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^rewards: cannot write (--out )?${out.replace(/[/.]/g, '\\$&')}`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('only --rejects unwritable: the run stops before writing, and an existing kept file is not emptied', () => {
    const kept = join(dir, 'kept-keep.jsonl');
    writeFileSync(kept, '{"old":1}\n');
    const r = rewards(['filter', 'examples/crossthink.jsonl', '--out', kept, '--rejects', join(dir, 'nope/rej.jsonl'), '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^rewards: cannot write --rejects .*nope\/rej\.jsonl: its directory does not exist/);
    expect(readFileSync(kept, 'utf8')).toBe('{"old":1}\n');
  });
});

describe('set-up errors of filter --dedup exit non-zero', () => {
  it('a bad --model-dir', () => {
    const r = rewards(['filter', 'examples/crossthink.jsonl', '--dedup', '0.9', '--embedder', 'onnx', '--model-dir', join(dir, 'no-model'), '-q', '--out', join(dir, 'd.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rewards: near-duplicate filter: cannot load embedder "onnx" with model dir/);
  }, 60_000);

  it('--backend webgpu where no adapter exists (Vulkan drivers hidden)', () => {
    const r = rewards(['filter', 'examples/crossthink.jsonl', '--dedup', '0.9', '--backend', 'webgpu', '-q', '--out', join(dir, 'd2.jsonl')], undefined, {
      VK_ICD_FILENAMES: join(dir, 'no-icd.json'),
      XDG_RUNTIME_DIR: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rewards: near-duplicate filter: --backend webgpu was requested but/);
  }, 60_000);
});

describe('interruptions', () => {
  it('SIGTERM to the launcher stops the child (no orphan) and leaves a valid prefix of the output', async () => {
    const input = mcqInput(120_000);
    const out = join(dir, 'term.jsonl');
    const p = spawn(process.execPath, [bin, 'score', input, '-v', 'mcq', '--out', out, '-q', '--threads', '1'], { cwd: root, stdio: 'ignore' });
    const done = exited(p);
    await until(() => childrenOf(p.pid!).length > 0);
    const [child] = childrenOf(p.pid!);
    await until(() => existsSync(out) && statSync(out).size > 0);
    p.kill('SIGTERM');
    const r = await done;
    expect(r.code ?? r.signal).not.toBe(0);
    await until(() => !alive(child!), 10_000);
    const lines = readFileSync(out, 'utf8');
    expect(lines.endsWith('\n')).toBe(true);
    const ids = jsonl(lines).map((x) => x.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(120_000);
    expect(ids).toEqual(ids.map((_, i) => i));
  }, 120_000);

  it('SIGKILL to the launcher: the child notices and stops too', async () => {
    const input = mcqInput(120_000);
    const out = join(dir, 'kill-launcher.jsonl');
    const p = spawn(process.execPath, [bin, 'score', input, '-v', 'mcq', '--out', out, '-q', '--threads', '1'], { cwd: root, stdio: 'ignore' });
    await until(() => childrenOf(p.pid!).length > 0);
    const [child] = childrenOf(p.pid!);
    await until(() => existsSync(out) && statSync(out).size > 0);
    p.kill('SIGKILL');
    await until(() => !alive(child!), 15_000);
  }, 120_000);

  it('score --resume after SIGKILL gives the same output as an uninterrupted run', async () => {
    const input = mcqInput(60_000);
    const full = join(dir, 'full.jsonl');
    const first = rewards(['score', input, '-v', 'mcq', '--out', full, '-q', '--threads', '1']);
    expect(first.code, first.stderr).toBe(0);
    const out = join(dir, 'resumed.jsonl');
    // One process (no re-exec), killed outright mid-run.
    const p = spawn(process.execPath, ['--no-node-snapshot', bin, 'score', input, '-v', 'mcq', '--out', out, '-q', '--threads', '1'], { cwd: root, stdio: 'ignore' });
    const done = exited(p);
    await until(() => existsSync(out) && statSync(out).size > 400_000);
    p.kill('SIGKILL');
    await done;
    const before = readFileSync(out, 'utf8').split('\n').length - 1;
    expect(before).toBeLessThan(60_000);
    const r = rewards(['score', input, '-v', 'mcq', '--out', out, '--resume', '--threads', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/resumed after line \d+/);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(full, 'utf8'));
  }, 700_000);

  it('filter --resume after SIGKILL gives the same kept and rejected files as an uninterrupted run', async () => {
    const input = join(dir, 'dataset.jsonl');
    await writeDataset(input, 60_000);
    const kFull = join(dir, 'k-full.jsonl');
    const rFull = join(dir, 'r-full.jsonl');
    expect(rewards(['filter', input, '--out', kFull, '--rejects', rFull, '-q', '--window', '256']).code).toBe(0);
    const k = join(dir, 'k.jsonl');
    const rj = join(dir, 'r.jsonl');
    const p = spawn(process.execPath, ['--no-node-snapshot', bin, 'filter', input, '--out', k, '--rejects', rj, '-q', '--window', '256'], { cwd: root, stdio: 'ignore' });
    const done = exited(p);
    await until(() => existsSync(k) && statSync(k).size > 200_000);
    p.kill('SIGKILL');
    await done;
    expect(readFileSync(k, 'utf8').length).toBeLessThan(readFileSync(kFull, 'utf8').length);
    const r = rewards(['filter', input, '--out', k, '--rejects', rj, '--resume', '--window', '256']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/resumed after line \d+/);
    expect(readFileSync(k, 'utf8')).toBe(readFileSync(kFull, 'utf8'));
    expect(readFileSync(rj, 'utf8')).toBe(readFileSync(rFull, 'utf8'));
    // Every kept record carries its input line.
    expect(jsonl(readFileSync(k, 'utf8')).every((x) => typeof x._line === 'number')).toBe(true);
  }, 240_000);
});

mkdirSync(dir, { recursive: true });
