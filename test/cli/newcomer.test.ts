/**
 * What a newcomer hits first: --version, a directory or missing file named in the error, a notice when
 * the CLI waits on a terminal's stdin, texts given to the vector scorer, and the package's metadata.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { checkInput, packageVersion } from '../../src/cli/index.js';
import { createSimilarityScorer } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, any>;

function rewards(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/rewards.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI first contact', () => {
  it('--version prints the package version', () => {
    const r = rewards(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(packageVersion()).toBe(pkg.version);
  });
  it('a directory given as input is named in the error, exit 1', () => {
    const r = rewards(['score', 'examples', '-v', 'math']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('examples is a directory');
    expect(r.stderr).not.toContain('EISDIR');
  });
  it('a missing input file is named in the error, exit 1', () => {
    const r = rewards(['filter', 'no-such-file.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read no-such-file.jsonl: no such file');
  });
  it('says on stderr that it reads stdin when stdin is a terminal, and only then', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      checkInput('-', { isTTY: true });
      expect(write).toHaveBeenCalledTimes(1);
      expect(String(write.mock.calls[0]![0])).toMatch(/reading JSONL from stdin/);
      checkInput('-', { isTTY: false });
      expect(write).toHaveBeenCalledTimes(1);
    } finally {
      write.mockRestore();
    }
  });
});

describe('similarity scorer given texts', () => {
  it('topK with texts says texts need an embedder, not a dimension mismatch', async () => {
    const scorer = createSimilarityScorer({ backend: 'cpu' });
    try {
      await expect(scorer.topK(['a cat', 'a dog'] as never, [[1, 0]], 1)).rejects.toThrow(/is text, not an embedding.*embed/);
    } finally {
      await scorer.dispose();
    }
  });
});

describe('package metadata', () => {
  it('ships a LICENSE matching package.json, ships src for the source maps, and keeps webgpu an optional peer', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.files).toContain('src');
    expect(pkg.dependencies.webgpu).toBeUndefined();
    expect(pkg.optionalDependencies?.webgpu).toBeUndefined();
    expect(pkg.peerDependencies.webgpu).toBeDefined();
    expect(pkg.peerDependenciesMeta.webgpu.optional).toBe(true);
    expect(pkg.type).toBe('module');
    expect(existsSync(join(root, 'bin/rewards.js'))).toBe(true);
  });
});

describe('README filter table', () => {
  it('lists the filters in the order they run (as `rewards list` prints them)', async () => {
    const { FILTERS } = await import('../../src/filters/index.js');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const start = readme.indexOf('| `record-schema`');
    const rows = readme.slice(start).split('\n').filter((l, i, a) => a.slice(0, i + 1).every((x) => x.startsWith('|')));
    expect(rows.map((r) => r.split('`')[1])).toEqual(FILTERS.map((f) => f.name));
  });
});
