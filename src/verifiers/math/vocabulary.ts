/**
 * Word lists the parser consults: function names, Greek letters, known LaTeX commands, units.
 */
import type { FnName } from './ast.js';

/** Function names, as LaTeX commands (`\sin`) or plain words (`sqrt`, `exp`). */
export const FUNCTION_WORDS: ReadonlyMap<string, FnName> = new Map<string, FnName>([
  ['sin', 'sin'], ['cos', 'cos'], ['tan', 'tan'], ['sec', 'sec'], ['csc', 'csc'], ['cot', 'cot'], ['cosec', 'csc'],
  ['tg', 'tan'], ['ctg', 'cot'],
  ['arcsin', 'asin'], ['arccos', 'acos'], ['arctan', 'atan'], ['arcsec', 'asec'], ['arccsc', 'acsc'], ['arccot', 'acot'],
  ['asin', 'asin'], ['acos', 'acos'], ['atan', 'atan'],
  ['sinh', 'sinh'], ['cosh', 'cosh'], ['tanh', 'tanh'],
  ['ln', 'ln'], ['log', 'log'], ['lg', 'log'], ['exp', 'exp'], ['sqrt', 'sqrt'], ['abs', 'abs'],
  ['floor', 'floor'], ['ceil', 'ceil'], ['max', 'max'], ['min', 'min'], ['gcd', 'gcd'], ['lcm', 'lcm'],
  ['re', 're'], ['im', 'im'], ['arg', 'arg'], ['conj', 'conj'], ['det', 'det'],
]);

/** `\sin^{-1}` and friends. */
export const TRIG_INVERSE: Partial<Record<FnName, FnName>> = {
  sin: 'asin', cos: 'acos', tan: 'atan', sec: 'asec', csc: 'acsc', cot: 'acot',
};

/** Greek letters and similar symbol commands (read as variables). */
export const GREEK: ReadonlySet<string> = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa',
  'lambda', 'mu', 'nu', 'xi', 'omicron', 'rho', 'varrho', 'sigma', 'varsigma', 'tau', 'upsilon', 'phi', 'varphi',
  'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
  'ell', 'hbar', 'aleph', 'nabla', 'partial',
]);

/** Commands the parser understands (used to split glued commands such as `\quadx`). */
export const KNOWN_CMDS: ReadonlySet<string> = new Set([
  'frac', 'sqrt', 'binom', 'choose', 'pi', 'varpi', 'infty', 'infin', 'imath', 'emptyset', 'varnothing', 'ldots', 'cdots',
  'dots', 'dotsc', 'dotsb', 'dotsm', 'vdots', 'lfloor', 'rfloor', 'lceil', 'rceil', 'lvert', 'rvert', 'vert', 'langle',
  'rangle', 'sum', 'prod', 'boxed', 'fbox', 'overline', 'vec', 'hat', 'bar', 'tilde', 'widehat', 'overrightarrow',
  'underline', 'dot', 'ddot', 'widetilde', 'mathring', 'angle', 'triangle', 'measuredangle', 'odot', 'exp', 'cdot',
  'times', 'div', 'pm', 'mp', 'cup', 'cap', 'setminus', 'le', 'leq', 'ge', 'geq', 'lt', 'gt', 'ne', 'neq', 'approx',
  'in', 'quad', 'qquad', 'colon', 'prime', 'ast', 'mid', 'to', 'backslash', 'equiv', 'sim', 'simeq',
]);

/** Unit words dropped after a quantity even when glued to it (`15cm`) or two letters long. */
export const UNIT_WORDS: ReadonlySet<string> = new Set([
  'cm', 'mm', 'km', 'kg', 'mg', 'ml', 'mL', 'cc', 'ft', 'yd', 'mi', 'mph', 'kmh', 'kph', 'hr', 'hrs', 'min', 'mins',
  'sec', 'secs', 'lb', 'lbs', 'oz', 'sq', 'gal', 'deg', 'rad', 'rs', 'Rs', 'USD', 'usd', 'cents', 'dollars', 'dollar',
  'units', 'unit', 'inches', 'inch', 'feet', 'foot', 'meters', 'metres', 'meter', 'metre', 'miles', 'mile', 'hours',
  'hour', 'minutes', 'minute', 'seconds', 'second', 'days', 'day', 'weeks', 'week', 'months', 'month', 'years', 'year',
  'grams', 'gram', 'kilograms', 'liters', 'litres', 'liter', 'litre', 'gallons', 'pounds', 'ounces', 'degrees',
  'degree', 'radians', 'yuan', 'euros', 'euro', 'rupees', 'cm2', 'm2', 'km2', 'm', 'g', 's', 'h', 'L',
]);

/** Whether a `\text{...}` content separates list items (`and`, `or`, `,`). */
export function isSeparatorText(s: string): boolean {
  return /^\s*,?\s*(?:and|or|,)\s*,?\s*$/i.test(s);
}

/** A unit that converts: its dimension and its size in the SI base unit (as numerator/denominator). */
export interface UnitScale {
  dim: 'length' | 'mass' | 'time' | 'volume';
  n: bigint;
  d: bigint;
}

const scale = (dim: UnitScale['dim'], n: bigint, d = 1n): UnitScale => ({ dim, n, d });
const LENGTH: Array<[string[], UnitScale]> = [
  [['mm', 'millimeter', 'millimeters', 'millimetre', 'millimetres'], scale('length', 1n, 1000n)],
  [['cm', 'centimeter', 'centimeters', 'centimetre', 'centimetres'], scale('length', 1n, 100n)],
  [['dm'], scale('length', 1n, 10n)],
  [['m', 'meter', 'meters', 'metre', 'metres'], scale('length', 1n)],
  [['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres'], scale('length', 1000n)],
  [['in', 'inch', 'inches'], scale('length', 127n, 5000n)],
  [['ft', 'foot', 'feet'], scale('length', 381n, 1250n)],
  [['yd', 'yard', 'yards'], scale('length', 1143n, 1250n)],
  [['mi', 'mile', 'miles'], scale('length', 201168n, 125n)],
  [['mg', 'milligram', 'milligrams'], scale('mass', 1n, 1_000_000n)],
  [['g', 'gram', 'grams'], scale('mass', 1n, 1000n)],
  [['kg', 'kilogram', 'kilograms'], scale('mass', 1n)],
  [['lb', 'lbs', 'pound', 'pounds'], scale('mass', 45359237n, 100000000n)],
  [['oz', 'ounce', 'ounces'], scale('mass', 45359237n, 1600000000n)],
  [['s', 'sec', 'secs', 'second', 'seconds'], scale('time', 1n)],
  [['min', 'mins', 'minute', 'minutes'], scale('time', 60n)],
  [['h', 'hr', 'hrs', 'hour', 'hours'], scale('time', 3600n)],
  [['day', 'days'], scale('time', 86400n)],
  [['week', 'weeks'], scale('time', 604800n)],
  [['ml', 'mL', 'milliliter', 'milliliters', 'millilitre', 'millilitres', 'cc'], scale('volume', 1n, 1000n)],
  [['L', 'l', 'liter', 'liters', 'litre', 'litres'], scale('volume', 1n)],
];

/** Units that convert into one another (`1 km` = `1000 m`); other unit words are only dropped. */
export const UNIT_SCALES: ReadonlyMap<string, UnitScale> = new Map(LENGTH.flatMap(([names, u]) => names.map((n) => [n, u] as const)));
