/**
 * Quantities with units. Two quantities whose units convert are compared in one unit; otherwise
 * units are dropped (`5 cm` = `5`, `5 apples` = `5`), as a gold answer often omits them.
 *
 * - Units of the built-in table (length, mass, time, volume; vocabulary.ts) convert exactly with
 *   bigint factors, without loading anything: `1 km` = `1000 m`, `2 h` = `120 min`, `3 m^2`.
 * - Any other physical unit (`kWh`, `km/h`, `psi`, `acres`, `100^\circ C`) is converted by mathjs,
 *   loaded the first time two answers carry such units: `5 kWh` = `5000 Wh`, `30 m/s` = `108 km/h`,
 *   `1 year` = `12 months`, `100^\circ C` = `212^\circ F`; `60 km/h` is not `60 mph`, and units of
 *   different dimensions differ (`5 J` vs `5 W`). mathjs's float
 *   factors are turned into the nearest simple fraction (5/18 for km/h to m/s), so exact values
 *   stay exact. Calendar units (month, year, ...) convert only among themselves (a year is not
 *   365.25 days to a grader).
 */
import type { Node } from './ast.js';
import { loadMathjs, type MathjsUnit } from './lazy.js';
import * as Q from './rational.js';
import { UNIT_SCALES } from './vocabulary.js';

type UnitNode = Extract<Node, { k: 'unit' }>;

const numNode = (v: Q.Rat, decimal = false): Node => ({ k: 'num', v, decimal, approx: false });

/**
 * A conversion factor. Unless it is a power of ten (a metric prefix), the converted value is a
 * computed one, so it is marked approximate: `2 acres` (8093.7128448 m^2) then equals a written
 * `8093.71 m^2` within the tolerance, as a rounded answer would.
 */
function factorNode(v: Q.Rat): Node {
  const pow10 = (x: bigint): boolean => /^10*$/.test(x.toString());
  return { k: 'num', v, decimal: false, approx: !(v.n > 0n && pow10(v.n) && pow10(v.d)) };
}

/** The largest power of a table unit that converts (`cm^12`); same units compare at any power. */
export const MAX_EXACT_POWER = 12;

/** Two sides with their units resolved: converted to one unit, or dropped; `undefined` when the units cannot be the same. */
export function withUnits(a: Node, b: Node): [Node, Node] | undefined {
  if (a.k !== 'unit' && b.k !== 'unit') return [a, b];
  if (a.k === 'unit' && b.k === 'unit') {
    if (a.unit === b.unit && a.power === b.power) return [a.arg, b.arg];
    const ua = UNIT_SCALES.get(a.unit);
    const ub = UNIT_SCALES.get(b.unit);
    if (ua && ub) {
      // Past MAX_EXACT_POWER the factor would be a number of thousands of digits (km^1000 is
      // 10^3000 m^1000): the two are not taken as the same quantity.
      if (ua.dim !== ub.dim || a.power !== b.power || a.power > MAX_EXACT_POWER) return undefined;
      const factor = (u: { n: bigint; d: bigint }, p: number): Node => factorNode(Q.rat(u.n ** BigInt(p), u.d ** BigInt(p))!);
      return [{ k: 'mul', args: [a.arg, factor(ua, a.power)] }, { k: 'mul', args: [b.arg, factor(ub, b.power)] }];
    }
    const converted = mathjsConvert(a, b);
    if (converted !== 'unknown') return converted;
  }
  return [a.k === 'unit' ? a.arg : a, b.k === 'unit' ? b.arg : b];
}

/** A unit node's unit in mathjs syntax (`cm^2` for the table unit cm with power 2). */
function unitText(n: UnitNode): string {
  return n.power === 1 ? n.unit : `${n.unit}^${n.power}`;
}

const CALENDAR = /(?:month|year|decade|centur|millenn)/;

function parseUnit(text: string): MathjsUnit | undefined {
  try {
    return loadMathjs().unit(1, text);
  } catch {
    return undefined;
  }
}

/**
 * mathjs conversion of `a` into `b`'s unit: the two sides to compare, `undefined` when the units
 * have different dimensions, `'unknown'` when mathjs does not know one of them (units then drop).
 */
function mathjsConvert(a: UnitNode, b: UnitNode): [Node, Node] | undefined | 'unknown' {
  const ta = unitText(a);
  const tb = unitText(b);
  const ua = parseUnit(ta);
  const ub = parseUnit(tb);
  if (!ua || !ub) return 'unknown';
  if (!ua.equalBase(ub)) return undefined;
  if (CALENDAR.test(ta) !== CALENDAR.test(tb)) return 'unknown';
  const offset = (u: MathjsUnit): boolean => u.units.some((x) => x.unit.offset !== 0);
  if (offset(ua) || offset(ub)) {
    // temperatures: convert the values themselves (100 degC = 373.15 K), constants only
    const va = constantValue(a.arg);
    const vb = constantValue(b.arg);
    if (va === undefined || vb === undefined) return undefined;
    const x = loadMathjs().unit(va, ta).toNumber(tb);
    return [numNode(Q.parseDecimal(x.toPrecision(15))!, true), numNode(Q.parseDecimal(vb.toPrecision(15))!, true)];
  }
  const factor = simpleFraction(ua.toNumber(tb));
  if (!factor) return 'unknown';
  return [{ k: 'mul', args: [a.arg, factorNode(factor)] }, b.arg];
}

function constantValue(n: Node): number | undefined {
  if (n.k === 'deg') return constantValue(n.arg);
  if (n.k === 'neg') {
    const v = constantValue(n.arg);
    return v === undefined ? undefined : -v;
  }
  return n.k === 'num' ? Q.toNumber(n.v) : undefined;
}

/**
 * The simplest fraction within 1e-13 (relative) of a positive double, by continued fractions:
 * 0.2777777777777778 -> 5/18, 1.0000000000000002e-6 -> 1/1000000, 1609.344 -> 201168/125.
 */
export function simpleFraction(x: number): Q.Rat | undefined {
  if (!Number.isFinite(x) || x <= 0) return undefined;
  let [h0, h1, k0, k1] = [0n, 1n, 1n, 0n];
  let r = x;
  for (let i = 0; i < 64; i++) {
    const a = Math.floor(r);
    const ab = BigInt(a);
    [h0, h1] = [h1, ab * h1 + h0];
    [k0, k1] = [k1, ab * k1 + k0];
    if (Math.abs(Number(h1) / Number(k1) - x) <= 1e-13 * x) return Q.rat(h1, k1);
    const frac = r - a;
    if (frac < 1e-300) break;
    r = 1 / frac;
  }
  return undefined;
}
