import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPreset, parsePreset, PRESETS_DIR, routeFor } from '../../src/index.js';

describe('presets', () => {
  it('every bundled preset validates against the schema', () => {
    const files = readdirSync(PRESETS_DIR).filter((f) => f.endsWith('.json') && !f.includes('schema'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(loadPreset(f.slice(0, -5)).name).toBe(f.slice(0, -5));
  });
  it('errors name the field', () => {
    expect(() => parsePreset({ name: 'x', verifier: 'mcq', weight: 3 }, 'p.json')).toThrow(/p.json: \/weight must be <= 1/);
    expect(() => parsePreset({ name: 'x', verifier: 'mcq', colour: 'red' }, 'p.json')).toThrow(/unknown field "colour"/);
    expect(() => parsePreset({ name: 'x', verifier: 'poetry' }, 'p.json')).toThrow(/unknown verifier "poetry"/);
    expect(() => parsePreset({ name: 'x', verifier: 'mcq', route_by: 'domain', routes: { a: { verifier: 'mcq' } } }, 'p.json')).toThrow(/p.json/);
    expect(() => loadPreset('no-such-preset')).toThrow(/no preset "no-such-preset"/);
  });
  it('routes a record by its field, to the default, or to an error', () => {
    const p = parsePreset({ name: 'blend', route_by: 'domain', routes: { math: { verifier: 'math', weight: 0.5 } }, default: { verifier: 'mcq' } });
    expect(routeFor(p, { domain: 'math' })).toEqual({ name: 'math', route: { verifier: 'math', weight: 0.5 } });
    expect(routeFor(p, { domain: 'law' })).toEqual({ name: 'default', route: { verifier: 'mcq' } });
    const strict = parsePreset({ name: 's', route_by: 'kind', routes: { mcq: { verifier: 'mcq' } } });
    expect(routeFor(strict, {})).toEqual({ error: 'no route for kind=undefined in preset s (routes: mcq)' });
  });
});
