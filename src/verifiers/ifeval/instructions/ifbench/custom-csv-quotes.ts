/**
 * custom:csv_quotes — tab-separated header StudentID Subject Grade Semester Score and, after the
 * `"` -> `"""` rewrite, 4 rows of 5 fields each wrapped in quotes. An empty field makes the
 * reference raise IndexError; it fails here.
 */
import { defineInstruction } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { PyCsvError, pyCsvRows } from '../../text/pycsv.js';
import { pyCompile, pyMatch } from '../../text/pyregex.js';
import { pyStrip } from '../../text/pystr.js';

const HEADER = lazy(() =>
  pyCompile(String.raw`^(StudentID|"StudentID")\t *(Subject|"Subject")\t *(Grade|"Grade")\t *(Semester|"Semester")\t *(Score|"Score")$`),
);

export const instruction = defineInstruction({
  id: 'custom:csv_quotes',
  suite: 'ifbench',
  properties: {},
  required: [],
  open: true,
  build: () => (t) => {
    if (!pyMatch(HEADER(), pyStrip(t.text.split('\n')[0]!))) return false;
    let rows: string[][];
    try {
      rows = pyCsvRows(t.text.replaceAll('"', '"""'), '\t');
    } catch (err) {
      if (err instanceof PyCsvError) return false;
      throw err;
    }
    if (rows.length !== 4) return false;
    return rows.every(
      (row) =>
        row.length === 5 &&
        row.every((f) => {
          const s = pyStrip(f);
          return s !== '' && s.startsWith('"') && s.endsWith('"');
        }),
    );
  },
});
