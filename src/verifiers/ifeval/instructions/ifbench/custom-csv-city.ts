/** custom:csv_city — Python's csv reader finds the header ID,Country,City,Year,Count and 7 rows of 5 fields. */
import { defineInstruction } from '../../instruction.js';
import { PyCsvError, pyCsvRows } from '../../text/pycsv.js';

const HEADER = ['ID', 'Country', 'City', 'Year', 'Count'];

export const instruction = defineInstruction({
  id: 'custom:csv_city',
  suite: 'ifbench',
  properties: {},
  required: [],
  open: true,
  build: () => (t) => {
    let rows: string[][];
    try {
      rows = pyCsvRows(t.text);
    } catch (err) {
      if (err instanceof PyCsvError) return false;
      throw err;
    }
    if (rows.length !== 8) return false;
    if (rows[0]!.length !== HEADER.length || !rows[0]!.every((h, i) => h === HEADER[i])) return false;
    return rows.slice(1).every((r) => r.length === 5);
  },
});
