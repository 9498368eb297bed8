/**
 * The common path loads neither heavy library: every sample of the math corpora, verified in a
 * fresh process, leaves nerdamer and mathjs unloaded; an answer with physical units loads mathjs
 * only, and one that needs the symbolic fallback starts the nerdamer helper.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Snapshot {
  label: string;
  samples: number;
  loaded: { nerdamer: boolean; mathjs: boolean };
  cachedModules: number;
  fallbackAsked: number;
}

describe('lazy loading of nerdamer and mathjs', () => {
  it('loads neither on the corpora, mathjs for units, nerdamer for the fallback', () => {
    const script = fileURLToPath(new URL('./common-path.script.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(r.status, r.stderr).toBe(0);
    const [corpora, units, fallback] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Snapshot);
    expect(corpora!.samples).toBeGreaterThan(1700);
    expect(corpora!.loaded).toEqual({ nerdamer: false, mathjs: false });
    expect(corpora!.cachedModules).toBe(0);
    expect(units!.loaded).toEqual({ nerdamer: false, mathjs: true });
    expect(units!.cachedModules).toBeGreaterThan(0);
    expect(fallback!.loaded).toEqual({ nerdamer: true, mathjs: true });
    expect(fallback!.fallbackAsked).toBe(corpora!.fallbackAsked + 1);
  }, 60_000);
});
