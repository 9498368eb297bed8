/**
 * custom:date_format_list — comma-separated YYYY-MM-DD dates between 1769 and 1821 with plausible
 * months and days. `\d` and `int()` accept any Unicode decimal digit, as in Python.
 */
import { defineInstruction } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { pyCompile, pyMatch } from '../../text/pyregex.js';
import { pyStrip } from '../../text/pystr.js';
import { pyRanges } from '../../text/pyunicode.js';

const DATE = lazy(() => pyCompile(String.raw`^\d{4}-\d{2}-\d{2}$`));

/** Python `int(s)` for a string of Unicode decimal digits (each Nd run is 0-9 in order). */
function pyInt(s: string): number {
  const ranges = pyRanges('decimal');
  let n = 0;
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    const r = ranges.find(([lo, hi]) => cp >= lo && cp <= hi)!;
    n = n * 10 + ((cp - r[0]) % 10);
  }
  return n;
}

export const instruction = defineInstruction({
  id: 'custom:date_format_list',
  suite: 'ifbench',
  properties: {},
  required: [],
  open: true,
  build: () => (t) =>
    pyStrip(t.text)
      .split(',')
      .every((raw) => {
        const date = pyStrip(raw);
        if (!pyMatch(DATE(), date)) return false;
        const [y, m, d] = date.split('-').map(pyInt) as [number, number, number];
        if (y < 1769 || y > 1821 || m > 12) return false;
        if ([1, 3, 5, 7, 8, 10, 12].includes(m) && d > 31) return false;
        if ([4, 6, 9, 11].includes(m) && d > 30) return false;
        return !(m === 2 && d > 29);
      }),
});
