/**
 * The unit names mathjs knows (`Unit.UNITS` of mathjs 15, checked by test/math/units.test.ts), so
 * that the parser can tell a physical unit (`kWh`, `km/h`, `psi`) from a counted noun (`apples`)
 * without loading mathjs, and unit conversion loads mathjs only for answers that may need it.
 *
 * Left out: ordinary words and letters that mathjs reads as rare units (`drop`, `stick`, `link`,
 * `rod`, `chain`, `stone`, `grain`, `cycle`, `t` for tonne, `li`, `ch`, `rd`, `gr`, `dr`, `gi`, `cp`,
 * `lt`, `mil`, `minim`, `gtt`), and mathjs's metric teaspoon and tablespoon (5 and 15 mL, while its
 * cup is the US 236.6 mL, so 16 tablespoons would not make a cup): after a number they stay words
 * that are dropped, as before.
 */

/** mathjs unit names the math verifier converts. */
export const MATHJS_UNIT_NAMES: ReadonlySet<string> = new Set([
  'meter', 'inch', 'foot', 'yard', 'mile', 'angstrom', 'm', 'in', 'ft', 'yd', 'mi',
  'm2', 'sqin', 'sqft', 'sqyd', 'sqmi', 'sqrd', 'sqch', 'sqmil', 'acre', 'hectare',
  'm3', 'L', 'l', 'litre', 'cuin', 'cuft', 'cuyd',
  'fluiddram', 'fluidounce', 'gill', 'cc', 'cup', 'pint', 'quart', 'gallon', 'beerbarrel', 'oilbarrel',
  'hogshead', 'g', 'gram', 'ton', 'tonne', 'dram', 'ounce', 'poundmass', 'hundredweight',
  'oz', 'lbm', 'cwt', 's', 'min', 'h', 'second', 'sec', 'minute', 'hour', 'day',
  'week', 'month', 'year', 'decade', 'century', 'millennium', 'hertz', 'Hz', 'rad', 'radian', 'deg', 'degree',
  'grad', 'gradian', 'arcsec', 'arcmin', 'A', 'ampere', 'K', 'degC', 'degF', 'degR', 'kelvin',
  'celsius', 'fahrenheit', 'rankine', 'mol', 'mole', 'cd', 'candela', 'N', 'newton', 'dyn', 'dyne', 'lbf',
  'poundforce', 'kip', 'kilogramforce', 'J', 'joule', 'erg', 'Wh', 'BTU', 'eV', 'electronvolt', 'W', 'watt',
  'hp', 'VAR', 'VA', 'Pa', 'psi', 'atm', 'bar', 'torr', 'mmHg', 'mmH2O', 'cmH2O', 'coulomb', 'C', 'Ah',
  'farad', 'F', 'volt', 'V', 'ohm', 'henry', 'H', 'siemens', 'S', 'weber', 'Wb', 'tesla', 'T', 'b', 'bits',
  'B', 'bytes', 'meters', 'inches', 'feet', 'yards', 'miles', 'angstroms',
  'litres', 'liter', 'liters', 'fldr', 'fluiddrams', 'floz',
  'fluidounces', 'gills', 'cups', 'pt', 'pints', 'qt', 'quarts', 'gal', 'gallons', 'bbl',
  'beerbarrels', 'obl', 'oilbarrels', 'hogsheads', 'grams', 'tons', 'tonnes', 'drams',
  'ounces', 'poundmasses', 'hundredweights', 'lb', 'lbs', 'kips', 'kgf', 'acres', 'hectares',
  'sqfeet', 'sqyard', 'sqmile', 'sqmiles', 'mmhg', 'mmh2o', 'cmh2o', 'seconds', 'secs', 'minutes', 'mins',
  'hours', 'hr', 'hrs', 'days', 'weeks', 'months', 'years', 'decades', 'centuries', 'millennia', 'radians',
  'degrees', 'gradians', 'arcsecond', 'arcseconds', 'arcminute', 'arcminutes', 'BTUs', 'watts',
  'joules', 'amperes', 'amps', 'amp', 'coulombs', 'volts', 'ohms', 'farads', 'webers', 'teslas',
  'electronvolts', 'moles', 'bit', 'byte',
]);

/** Names mathjs knows that the verifier deliberately does not treat as units (see the file comment). */
export const NOT_UNITS: ReadonlySet<string> = new Set([
  'link', 'links', 'rod', 'rods', 'chain', 'chains', 'li', 'rd', 'ch', 'mil', 'drop', 'gtt', 'gtts', 'minim', 'minims',
  'grain', 'grains', 'gr', 'dr', 'stick', 'sticks', 'stone', 't', 'cycle', 'cycles', 'gi', 'cp', 'lt',
  'teaspoon', 'teaspoons', 'tablespoon', 'tablespoons',
]);

const PREFIXES = [
  'da', 'h', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y', 'R', 'Q', 'd', 'c', 'm', 'u', 'n', 'p', 'f', 'a', 'z', 'y', 'r', 'q',
  'deca', 'hecto', 'kilo', 'mega', 'giga', 'tera', 'peta', 'exa', 'zetta', 'yotta', 'deci', 'centi', 'milli', 'micro',
  'nano', 'pico', 'Ki', 'Mi', 'Gi', 'Ti', 'kibi', 'mebi', 'gibi', 'tebi',
];

/** Spellings mathjs does not know, in the form it does. */
const ALIASES: Readonly<Record<string, string>> = {
  mph: 'mi/h', kph: 'km/h', kmh: 'km/h', metre: 'meter', metres: 'meters', kilometre: 'kilometer', kilometres: 'kilometers',
  centimetre: 'centimeter', centimetres: 'centimeters', millimetre: 'millimeter', millimetres: 'millimeters',
  millilitre: 'milliliter', millilitres: 'milliliters', cm2: 'cm^2', km2: 'km^2', mm2: 'mm^2', cm3: 'cm^3',
};

function knownFactor(w: string): boolean {
  if (NOT_UNITS.has(w)) return false;
  if (MATHJS_UNIT_NAMES.has(w)) return true;
  return PREFIXES.some((p) => w.length > p.length && w.startsWith(p) && MATHJS_UNIT_NAMES.has(w.slice(p.length)) && !NOT_UNITS.has(w.slice(p.length)));
}

/**
 * A unit as written (`km/h`, `\text{ square feet}`, `miles per hour`) in mathjs syntax (`km/h`,
 * `feet^2`, `miles/hour`), or `undefined` when some factor of it is not a unit mathjs knows.
 */
export function physicalUnit(raw: string): string | undefined {
  let s = raw.trim().replace(/\s+per\s+/g, '/').replace(/\\?(?:cdot|times)|·/g, '*');
  s = s.replace(/\b(?:sq\.?|square)\s+([A-Za-z]+)/g, '$1^2').replace(/\bcubic\s+([A-Za-z]+)/g, '$1^3');
  s = s.replace(/[A-Za-z]+/g, (w) => ALIASES[w] ?? w).replace(/\s*([/*^])\s*/g, '$1').replace(/\s+/g, '*');
  if (!/^[A-Za-z0-9]+(?:\^-?\d+)?(?:[/*][A-Za-z0-9]+(?:\^-?\d+)?)*$/.test(s)) return undefined;
  const words = s.split(/[/*]/).map((f) => f.replace(/\^-?\d+$/, ''));
  return words.every(knownFactor) ? s : undefined;
}
