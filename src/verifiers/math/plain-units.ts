/**
 * Units written as plain text after a number (`1 km`, `5 kWh`, `30 m/s`, `3 m^2`, `2 acres`,
 * `100^\circ C`): the
 * same answer as its `\text{}` form (`1 \text{ km}`), which the parser reads as a quantity. Only
 * names of known units (optionally with a metric prefix) count, so `3 x` stays a product.
 */
import { MATHJS_UNIT_NAMES } from './unit-names.js';
import { UNIT_WORDS } from './vocabulary.js';

const PREFIXES = ['da', 'k', 'M', 'G', 'T', 'h', 'd', 'c', 'm', 'u', 'µ', 'μ', 'n', 'p'];
/** Every mathjs unit name with a metric prefix (`kWh`, `cm`, `MPa`), built once. */
const PREFIXED: ReadonlySet<string> = new Set(PREFIXES.flatMap((p) => [...MATHJS_UNIT_NAMES].map((n) => p + n)));
const UNIT_NAME = String.raw`[A-Za-zµμ]+(?:\s*\^\s*(?:\{\s*-?\d\s*\}|-?\d))?`;
const PLAIN_UNIT_RE = new RegExp(String.raw`^(-?(?:\d+(?:\.\d+)?|\.\d+))\s*(${UNIT_NAME}(?:\s*(?:/|\*|\\cdot|\s)\s*${UNIT_NAME})*)$`);

/** `100° C` (the cleaned `100^\circ C`): a temperature. */
const TEMPERATURE_RE = /^(-?(?:\d+(?:\.\d+)?|\.\d+))\s*°\s*([CFK])$/;

/** Whether `name` is a unit: a known unit word, or a metric prefix and a mathjs unit (`kWh`, `cm`). */
export function isUnitName(name: string): boolean {
  return UNIT_WORDS.has(name) || MATHJS_UNIT_NAMES.has(name) || PREFIXED.has(name);
}

/** The `\text{}` form of a number followed by plain-text units, or undefined when it is not one. */
export function plainUnitForm(s: string): string | undefined {
  if (s.length > 80) return undefined;
  const temperature = TEMPERATURE_RE.exec(s.trim());
  if (temperature) return `${temperature[1]}° \\text{${temperature[2]}}`;
  const m = PLAIN_UNIT_RE.exec(s.trim());
  if (!m) return undefined;
  const names = m[2]!.match(/[A-Za-zµμ]+/g) ?? [];
  if (names.length === 0 || !names.every((n) => n === 'cdot' || isUnitName(n))) return undefined;
  return `${m[1]} \\text{ ${m[2]!.replace(/\\cdot/g, '*').replace(/\s+/g, ' ').trim()}}`;
}
