/**
 * Quantities with units: the built-in exact table, and mathjs for every other physical unit.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { mathEqual } from '../../src/verifiers/math/index.js';
import { MATHJS_UNIT_NAMES, NOT_UNITS, physicalUnit } from '../../src/verifiers/math/unit-names.js';
import { simpleFraction } from '../../src/verifiers/math/units.js';

/** [what, gold, pred, equal] */
const cases: Array<[string, string, string, boolean]> = [
  // the built-in table (no mathjs)
  ['km and m', '1 \\text{ km}', '1000 \\text{ m}', true],
  ['hours and minutes', '2 \\text{ hours}', '120 \\text{ minutes}', true],
  ['areas', '3 \\text{ m}^2', '30000 \\text{ cm}^2', true],
  ['a rounded conversion', '1 \\text{ mile}', '1.60934 \\text{ km}', true],
  ['a wrong conversion', '1 \\text{ mile}', '1.6 \\text{ km}', false],
  ['length against mass', '5 \\text{ kg}', '5 \\text{ m}', false],
  // mathjs (these were compared as bare numbers before, units dropped)
  ['energy with a prefix', '5 \\text{ kWh}', '5000 \\text{ Wh}', true],
  ['speeds', '30 \\text{ m/s}', '108 \\text{ km/h}', true],
  ['speeds in words', '20 \\text{ miles per hour}', '20 \\text{ mph}', true],
  ['different speeds with the same number', '60 \\text{ km/h}', '60 \\text{ mph}', false],
  ['calendar units among themselves', '1 \\text{ year}', '12 \\text{ months}', true],
  ['a year is not 365.25 days to a grader: units dropped, 1 vs 365', '1 \\text{ year}', '365 \\text{ days}', false],
  ['temperatures', '100^\\circ \\text{C}', '212^\\circ \\text{F}', true],
  ['temperatures in kelvin', '100^\\circ \\text{C}', '373.15 \\text{ K}', true],
  ['energy against power', '5 \\text{ J}', '5 \\text{ W}', false],
  ['pressure', '1 \\text{ atm}', '101325 \\text{ Pa}', true],
  ['square feet and inches', '3 \\text{ sq ft}', '432 \\text{ sq in}', true],
  ['the exact acre (mathjs says 4046.86 m^2)', '2 \\text{ acres}', '8093.71 \\text{ m}^2', true],
  ['acres and square feet', '1 \\text{ acre}', '43560 \\text{ sq ft}', true],
  ['data sizes', '1 \\text{ GB}', '1000 \\text{ MB}', true],
  // units that are not physical stay dropped, as before
  ['counted nouns', '5 \\text{ apples}', '5 \\text{ oranges}', true],
  ['a unit against none', '5 \\text{ kWh}', '5', true],
  // powers past cubes: a unit at any whole power stays a unit (km^1000 was dropped to 5 = 5)
  ['fourth powers convert', '5 \\cdot 10^{-4} \\text{ m}^{4}', '50000 \\text{ cm}^{4}', true],
  ['fourth powers of different units', '5 \\text{ m}^{4}', '5 \\text{ cm}^{4}', false],
  ['a huge power of different units', '5 \\text{ m}^{1000}', '5 \\text{ km}^{1000}', false],
  ['a huge power of the same unit', '5 \\text{ m}^{1000}', '5 \\text{ m}^{1000}', true],
  ['an astronomically large power of the same unit', '5 \\text{ m}^{99999999999}', '5 \\text{ m}^{99999999999}', true],
];

describe('units', () => {
  it.each(cases)('%s: %s vs %s -> %s', (_what, gold, pred, same) => {
    expect(mathEqual(gold, pred)).toBe(same);
    expect(mathEqual(pred, gold)).toBe(same);
  });

  it('reads unit spellings as mathjs units, and words that are not units as nothing', () => {
    expect(physicalUnit('km/h')).toBe('km/h');
    expect(physicalUnit('miles per hour')).toBe('miles/hour');
    expect(physicalUnit('square feet')).toBe('feet^2');
    expect(physicalUnit('mph')).toBe('mi/h');
    expect(physicalUnit('kWh')).toBe('kWh');
    expect(physicalUnit('apples')).toBeUndefined();
    expect(physicalUnit('dollars')).toBeUndefined();
    expect(physicalUnit('sticks')).toBeUndefined(); // mathjs knows a stick (of butter); a grader does not
  });

  it('turns float factors into the fraction they stand for', () => {
    expect(simpleFraction(1000 / 3600)).toEqual({ n: 5n, d: 18n });
    expect(simpleFraction(1.0000000000000002e-6)).toEqual({ n: 1n, d: 1_000_000n });
    expect(simpleFraction(1609.344)).toEqual({ n: 201168n, d: 125n });
    expect(simpleFraction(-1)).toBeUndefined();
  });

  it('keeps its list of unit names in step with the installed mathjs', () => {
    const mathjs = createRequire(import.meta.url)('mathjs') as { Unit: { UNITS: Record<string, unknown> } };
    const installed = new Set(Object.keys(mathjs.Unit.UNITS));
    const ours = new Set([...MATHJS_UNIT_NAMES, ...NOT_UNITS]);
    expect([...ours].filter((n) => !installed.has(n))).toEqual([]);
    expect([...installed].filter((n) => !ours.has(n))).toEqual([]);
  });
});
