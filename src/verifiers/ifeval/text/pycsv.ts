/**
 * Python's `csv.reader(io.StringIO(text), delimiter=...)` with the default `excel` dialect
 * (quotechar `"`, doublequote, no escapechar, not strict, QUOTE_MINIMAL), reimplemented from the
 * documented state machine of CPython's `_csv` module.
 *
 * `io.StringIO` yields lines split after each `\n` only (a `\r` stays inside a line). Where CPython
 * raises `csv.Error` ("new-line character seen in unquoted field", a field over the 131072-character
 * limit) the reference run would crash; we raise {@link PyCsvError} and the IFBench checkers count
 * the instruction as not followed.
 */

/** A `csv.Error` the reference would have raised. */
export class PyCsvError extends Error {
  override name = 'PyCsvError';
}

const FIELD_LIMIT = 131072;

type State =
  | 'START_RECORD'
  | 'START_FIELD'
  | 'IN_FIELD'
  | 'IN_QUOTED_FIELD'
  | 'QUOTE_IN_QUOTED_FIELD'
  | 'EAT_CRNL';

const EOL = -1;

/** Parse `text` like `list(csv.reader(io.StringIO(text), delimiter=delimiter))`. */
export function pyCsvRows(text: string, delimiter = ','): string[][] {
  const delim = delimiter.codePointAt(0)!;
  const QUOTE = 0x22;
  const rows: string[][] = [];
  let fields: string[] = [];
  let field: number[] = [];
  let state: State = 'START_RECORD';

  const save = (): void => {
    fields.push(String.fromCodePoint(...field));
    field = [];
  };
  const add = (c: number): void => {
    if (field.length >= FIELD_LIMIT) throw new PyCsvError(`field larger than field limit (${FIELD_LIMIT})`);
    field.push(c);
  };

  const process = (c: number): void => {
    switch (state) {
      case 'START_RECORD':
        if (c === EOL) return;
        if (c === 0x0a || c === 0x0d) {
          state = 'EAT_CRNL';
          return;
        }
        state = 'START_FIELD';
        process(c);
        return;
      case 'START_FIELD':
        if (c === 0x0a || c === 0x0d || c === EOL) {
          save();
          state = c === EOL ? 'START_RECORD' : 'EAT_CRNL';
        } else if (c === QUOTE) {
          state = 'IN_QUOTED_FIELD';
        } else if (c === delim) {
          save();
        } else {
          add(c);
          state = 'IN_FIELD';
        }
        return;
      case 'IN_FIELD':
        if (c === 0x0a || c === 0x0d || c === EOL) {
          save();
          state = c === EOL ? 'START_RECORD' : 'EAT_CRNL';
        } else if (c === delim) {
          save();
          state = 'START_FIELD';
        } else {
          add(c);
        }
        return;
      case 'IN_QUOTED_FIELD':
        if (c === EOL) return;
        if (c === QUOTE) state = 'QUOTE_IN_QUOTED_FIELD';
        else add(c);
        return;
      case 'QUOTE_IN_QUOTED_FIELD':
        if (c === QUOTE) {
          add(c);
          state = 'IN_QUOTED_FIELD';
        } else if (c === delim) {
          save();
          state = 'START_FIELD';
        } else if (c === 0x0a || c === 0x0d || c === EOL) {
          save();
          state = c === EOL ? 'START_RECORD' : 'EAT_CRNL';
        } else {
          add(c);
          state = 'IN_FIELD';
        }
        return;
      case 'EAT_CRNL':
        if (c === 0x0a || c === 0x0d) return;
        if (c === EOL) {
          state = 'START_RECORD';
          return;
        }
        throw new PyCsvError("new-line character seen in unquoted field - do you need to open the file with newline=''?");
    }
  };

  // io.StringIO iteration: lines end after each "\n".
  const lines: string[] = [];
  let from = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', from)) {
    lines.push(text.slice(from, i + 1));
    from = i + 1;
  }
  if (from < text.length) lines.push(text.slice(from));

  let li = 0;
  for (;;) {
    // Reader.__next__: feed lines until a record is complete.
    fields = [];
    field = [];
    state = 'START_RECORD';
    let done = false;
    do {
      if (li >= lines.length) {
        if (field.length !== 0 || (state as State) === 'IN_QUOTED_FIELD') {
          save();
          done = true;
          break;
        }
        return rows;
      }
      for (const ch of lines[li++]!) process(ch.codePointAt(0)!);
      process(EOL);
    } while (state !== 'START_RECORD');
    rows.push(fields);
    if (done) return rows;
  }
}
