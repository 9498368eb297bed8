/**
 * fast-check arbitraries for the math verifier: one value rendered in many equivalent forms
 * (fraction, decimal, percent, mixed number, plain or LaTeX, reordered sums and products, boxed or
 * not, inside a sentence or not), and pairs that must or must not verify equal.
 *
 * @example
 * fc.assert(fc.asyncProperty(equivalentMathPair(), async ([gold, response]) =>
 *   (await mathReward([response], [gold]))[0] === 1));
 */
import fc from 'fast-check';

/** An exact rational value `n/d` with `d > 0`, in lowest terms. */
export interface RationalValue {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function norm(n: bigint, d: bigint): RationalValue {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/** Rational values with small numerators and denominators (including integers and negatives). */
export function rationalValue(): fc.Arbitrary<RationalValue> {
  return fc
    .tuple(fc.integer({ min: -500, max: 500 }), fc.constantFrom(1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 20, 25, 40, 100))
    .map(([n, d]) => norm(BigInt(n), BigInt(d)));
}

/** The decimal expansion of a value when it terminates (`undefined` otherwise). */
export function terminatingDecimal(v: RationalValue): string | undefined {
  let d = v.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) { d /= 2n; twos++; }
  while (d % 5n === 0n) { d /= 5n; fives++; }
  if (d !== 1n) return undefined;
  const places = Math.max(twos, fives);
  const scaled = (v.n * 10n ** BigInt(places)) / v.d;
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return `${neg ? '-' : ''}${int}${places ? `.${frac}` : ''}`;
}

const frac = (n: bigint, d: bigint, cmd: string): string => (n < 0n ? `-${cmd}{${-n}}{${d}}` : `${cmd}{${n}}{${d}}`);

/**
 * Every form of a value this module can write: LaTeX and plain fractions, decimals, percents,
 * mixed numbers, a sum split in two (both orders), a product (both orders), scientific notation.
 * `split` picks the addend/factor used by the sum and product forms.
 */
export function renderings(v: RationalValue, split: number): string[] {
  const out: string[] = [];
  const { n, d } = v;
  if (d === 1n) out.push(n.toString(), `${n}.0`);
  else out.push(frac(n, d, '\\frac'), frac(n, d, '\\dfrac'), `${n}/${d}`, `\\frac{${n}}{${d}}`);
  const dec = terminatingDecimal(v);
  if (dec) out.push(dec);
  const pct = terminatingDecimal(norm(n * 100n, d));
  if (pct) out.push(`${pct}\\%`, `${pct}%`);
  if (d > 1n && n > d) out.push(`${n / d}\\frac{${n % d}}{${d}}`);
  // a + b with b = split (as an integer), written both ways
  const b = BigInt(split);
  const a = norm(n - b * d, d);
  const aText = a.d === 1n ? a.n.toString() : frac(a.n, a.d, '\\frac');
  const bText = b < 0n ? `(${b})` : b.toString();
  out.push(`${aText} + ${bText}`, `${bText} + ${aText.startsWith('-') ? `(${aText})` : aText}`);
  // k * (v / k) with k = |split| + 1, written both ways
  const k = BigInt(Math.abs(split) + 1);
  const q = norm(n, d * k);
  const qText = q.d === 1n ? (q.n < 0n ? `(${q.n})` : q.n.toString()) : `\\left(${frac(q.n, q.d, '\\frac')}\\right)`;
  out.push(`${k} \\cdot ${qText}`, `${qText} \\times ${k}`);
  if (d === 1n && n !== 0n) {
    const m = n < 0n ? -n : n;
    const e = m.toString().length - 1;
    const mant = terminatingDecimal(norm(m, 10n ** BigInt(e)))!;
    out.push(`${n < 0n ? '-' : ''}${mant} \\times 10^{${e}}`);
  }
  return out;
}

/** Ways of presenting an answer in a response: bare, `$...$`, `\boxed{}`, inside a sentence. */
export function presentations(answer: string): string[] {
  return [
    answer,
    `$${answer}$`,
    `\\boxed{${answer}}`,
    `The answer is $\\boxed{${answer}}$.`,
    `We compute step by step.\n\nFinal Answer: The final answer is $${answer}$. I hope it is correct.`,
    `Answer: ${answer}`,
    `so the result is \\(${answer}\\)`,
  ];
}

/** One value in two (possibly different) equivalent renderings: `{ value, gold, response }`. */
export function equivalentMathForms(): fc.Arbitrary<{ value: RationalValue; gold: string; response: string }> {
  return fc
    .tuple(rationalValue(), fc.integer({ min: -9, max: 9 }), fc.nat(), fc.nat(), fc.nat())
    .map(([value, split, gi, ri, pi]) => {
      const forms = renderings(value, split);
      const gold = forms[gi % forms.length]!;
      const answer = forms[ri % forms.length]!;
      const pres = presentations(answer);
      return { value, gold, response: pres[pi % pres.length]! };
    });
}

/** `[gold, response]` that must verify equal. */
export function equivalentMathPair(): fc.Arbitrary<[string, string]> {
  return equivalentMathForms().map(({ gold, response }) => [gold, response]);
}

/**
 * `[gold, response]` where the response holds a different value: changed by at least 1% of the
 * value plus 0.01, and never by a factor of 100 (a percent written without its sign is accepted).
 */
export function differentMathPair(): fc.Arbitrary<[string, string]> {
  return fc
    .tuple(equivalentMathForms(), fc.integer({ min: -50, max: 50 }).filter((x) => x !== 0), fc.constantFrom(1n, 2n, 3n, 7n, 100n))
    .map(([{ value, gold, response }, step, den]) => {
      const delta = norm(BigInt(step), den);
      const changed = norm(value.n * delta.d + delta.n * value.d, value.d * delta.d);
      return { value, gold, response, changed, delta };
    })
    .filter(({ value, changed, delta }) => {
      const v = Number(value.n) / Number(value.d);
      const c = Number(changed.n) / Number(changed.d);
      const dd = Math.abs(Number(delta.n) / Number(delta.d));
      return dd >= 0.01 + 0.01 * Math.abs(v) && Math.abs(c - 100 * v) > 1e-9 && Math.abs(100 * c - v) > 1e-9;
    })
    .chain(({ gold, changed }) =>
      fc.tuple(fc.integer({ min: -9, max: 9 }), fc.nat(), fc.nat()).map(([split, ri, pi]): [string, string] => {
        const forms = renderings(changed, split);
        const pres = presentations(forms[ri % forms.length]!);
        return [gold, pres[pi % pres.length]!];
      }),
    );
}

/**
 * A polynomial `(x + a)(x + b)` in factored and expanded forms, `[gold, response]` that must verify
 * equal (symbolic equivalence with a free variable).
 */
export function equivalentPolynomialPair(): fc.Arbitrary<[string, string]> {
  return fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: -9, max: 9 }), fc.boolean()).map(([a, b, flip]) => {
    const term = (c: number): string => (c === 0 ? 'x' : c > 0 ? `(x + ${c})` : `(x - ${-c})`);
    const factored = `${term(a)}${term(b)}`;
    const s = a + b;
    const p = a * b;
    const expanded = `x^2 ${s >= 0 ? '+' : '-'} ${Math.abs(s)}x ${p >= 0 ? '+' : '-'} ${Math.abs(p)}`;
    return flip ? [factored, `\\boxed{${expanded}}`] : [expanded, `\\boxed{${factored}}`];
  });
}
