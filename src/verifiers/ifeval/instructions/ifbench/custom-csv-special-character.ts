/**
 * custom:csv_special_character — header ProductID,Category,Brand,Price,Stock, 14 rows of 5 fields,
 * and a field that (after the reference's `"` -> `"""` rewrite) matches `".*[^\d\w\s].*"`.
 */
import { defineInstruction } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { PyCsvError, pyCsvRows } from '../../text/pycsv.js';
import { pyCompile, pyMatch } from '../../text/pyregex.js';
import { pyStrip } from '../../text/pystr.js';

const RES = lazy(() => ({
  header: pyCompile(
    String.raw`^(ProductID|"ProductID"),[ \t]*(Category|"Category"),[ \t]*(Brand|"Brand"),[ \t]*(Price|"Price"),[ \t]*(Stock|"Stock")$`,
  ),
  special: pyCompile(String.raw`".*[^\d\w\s].*"`),
}));

export const instruction = defineInstruction({
  id: 'custom:csv_special_character',
  suite: 'ifbench',
  properties: {},
  required: [],
  open: true,
  build: () => (t) => {
    if (!pyMatch(RES().header, pyStrip(t.text.split('\n')[0]!))) return false;
    let rows: string[][];
    try {
      rows = pyCsvRows(t.text.replaceAll('"', '"""'));
    } catch (err) {
      if (err instanceof PyCsvError) return false;
      throw err;
    }
    if (rows.length !== 15) return false;
    for (const row of rows.slice(1)) {
      if (row.length !== 5) return false;
      if (row.some((f) => pyMatch(RES().special, f) !== null)) return true;
    }
    return false;
  },
});
