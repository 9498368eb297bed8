/**
 * An independent parquet reader for the export tests: parquet-wasm (the Rust `parquet`/`arrow`
 * crates compiled to WebAssembly) decodes the file to Arrow IPC, and apache-arrow (JS) reads that.
 * Neither shares code with hyparquet-writer, and Arrow's types are what pyarrow (verl's loader,
 * through Hugging Face datasets) sees.
 */
import { readFileSync } from 'node:fs';
import { readParquet } from 'parquet-wasm';
import { tableFromIPC, type Table } from 'apache-arrow';

/** Read `path` into an Arrow table. */
export function readParquetTable(path: string): Table {
  return tableFromIPC(readParquet(new Uint8Array(readFileSync(path))).intoIPCStream());
}

/** Rows as plain objects (bigints become numbers). */
export function rowsOf(table: Table): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < table.numRows; i++) {
    rows.push(JSON.parse(JSON.stringify(table.get(i)!.toJSON(), (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))) as Record<string, unknown>);
  }
  return rows;
}
