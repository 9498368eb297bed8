/**
 * How many records each class contributes: the ratio's shares apportioned over the total (largest
 * remainder, so the counts add up exactly), checked against what each class has. A class with too
 * few records is an error naming it, unless the caller chose to cap it or upsample it.
 */

/** What to do when a class has fewer records than the ratio needs. */
export type Shortfall = 'error' | 'cap' | 'upsample';

/** One class of the blend. */
export interface ClassPlan {
  /** The ratio key (a class value, or a catch-all). */
  key: string;
  /** Records of this class in the input. */
  available: number;
  weight: number;
  /** The ratio's share of this class, in [0, 1]. */
  share: number;
  /** Records the ratio asks for at the total. */
  target: number;
  /** Records that will be written (copies counted). */
  take: number;
  /** Every record of the class is written this many times, ... */
  repeat: number;
  /** ... and this many of them once more, chosen by the seeded selection. */
  extra: number;
  status: 'ok' | 'capped' | 'upsampled';
}

/** Apportion `total` over `shares` (summing to 1) by largest remainder; ties go to the earlier key. */
export function apportion(total: number, shares: readonly number[]): number[] {
  const raw = shares.map((s) => s * total);
  const out = raw.map((r) => Math.floor(r + 1e-9));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r + 1e-9) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let j = 0; left > 0 && j < order.length; j++, left--) out[order[j]!.i]! += 1;
  return out;
}

/**
 * Plan a blend. `available` and `weights` are by ratio key, in the order the table will show.
 * Without `total`, the largest blend the data holds at this ratio without repeating a record.
 * Throws, naming every short class and the flags that resolve it, when `shortfall` is `error`.
 */
export function planBlend(
  keys: readonly string[],
  available: Readonly<Record<string, number>>,
  weights: Readonly<Record<string, number>>,
  total: number | undefined,
  shortfall: Shortfall,
  ratioText: string,
): ClassPlan[] {
  const active = keys.filter((k) => (weights[k] ?? 0) > 0);
  const sum = active.reduce((a, k) => a + weights[k]!, 0);
  if (active.length === 0 || sum <= 0) throw new Error('the ratio gives no class a positive weight');
  const shares = keys.map((k) => ((weights[k] ?? 0) > 0 ? weights[k]! / sum : 0));
  const empty = active.filter((k) => (available[k] ?? 0) === 0);
  if (empty.length && shortfall !== 'cap') {
    throw new Error(`no records for ${empty.map((k) => `"${k}"`).join(', ')} in ${ratioText}: nothing to ${shortfall === 'upsample' ? 'upsample' : 'take'}; pass --cap to blend the other classes without it, or change the ratio`);
  }
  let targets: number[];
  if (total === undefined) {
    // The largest total whose targets all fit what each class has.
    const fits = keys.map((k, i) => (shares[i]! > 0 && (available[k] ?? 0) > 0 ? (available[k] ?? 0) / shares[i]! : Infinity));
    let t = Math.floor(Math.min(...fits) + 1e-9);
    if (!Number.isFinite(t)) t = 0;
    // Rounding can make the bound one or two records off either way: step to the exact largest.
    const fitsAll = (n: number): boolean => apportion(n, shares).every((x, i) => x <= (available[keys[i]!] ?? 0) || (available[keys[i]!] ?? 0) === 0);
    while (t > 0 && !fitsAll(t)) t -= 1;
    if (t > 0) while (fitsAll(t + 1)) t += 1;
    targets = apportion(t, shares);
  } else {
    targets = apportion(total, shares);
  }
  const short = keys
    .map((k, i) => ({ k, need: targets[i]!, have: available[k] ?? 0 }))
    .filter((s) => s.need > s.have && s.have > 0);
  if (short.length && shortfall === 'error') {
    const what = short.map((s) => `"${s.k}" needs ${s.need} records but has ${s.have}`).join('; ');
    throw new Error(`${what} (${ratioText} at --total ${total}): pass --cap to take all of a short class (the blend comes out smaller and off the ratio), or --upsample to repeat its records`);
  }
  return keys.map((key, i) => {
    const have = available[key] ?? 0;
    const target = targets[i]!;
    let take = target;
    let status: ClassPlan['status'] = 'ok';
    if (target > have) {
      if (shortfall === 'upsample' && have > 0) status = 'upsampled';
      else {
        take = have;
        status = 'capped';
      }
    }
    const repeat = have > 0 && take > have ? Math.floor(take / have) : 0;
    const extra = take - repeat * have;
    return { key, available: have, weight: weights[key] ?? 0, share: shares[i]!, target, take, repeat, extra, status };
  });
}
