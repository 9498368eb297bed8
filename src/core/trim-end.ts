/**
 * `s` without its trailing characters of one class, in linear time: what `s.replace(/[class]+$/, '')`
 * returns, without that expression's quadratic backtracking on long runs of the class that are
 * followed by something else ("a" + 100,000 spaces + "b": every start in the run is scanned to its end).
 */
export function trimEndWhere(s: string, inClass: (c: string) => boolean): string {
  let b = s.length;
  while (b > 0 && inClass(s[b - 1]!)) b--;
  return b === s.length ? s : s.slice(0, b);
}

/** A character test for {@link trimEndWhere} from a one-character regular expression class, e.g. `/[\s.?!]/`. */
export const charClass =
  (re: RegExp): ((c: string) => boolean) =>
  (c) =>
    re.test(c);
