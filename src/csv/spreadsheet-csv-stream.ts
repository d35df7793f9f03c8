import { Readable, pipeline } from 'node:stream';
import type { Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import { formulaSafe } from './spreadsheet-cell.ts';
import { nextTurn } from './uploaded-csv.ts';

/** A CSV file to write: a heading row, then rows of plain cells (the guard is applied here). */
export interface CsvTable {
  header: readonly string[];
  rows: Iterable<readonly string[]>;
}

export interface SpreadsheetCsvOptions {
  /** Start with a byte-order mark: Excel then reads the file as UTF-8 instead of the local code page. */
  bom: boolean;
}

/**
 * Rows handed to the stringifier between two turns of the event loop: a few hundred short rows
 * take well under a millisecond, so other requests are answered while a long export streams.
 */
const ROWS_PER_TURN = 250;

async function* guardedRecords(table: CsvTable): AsyncGenerator<string[]> {
  yield [...table.header];
  let count = 0;
  for (const row of table.rows) {
    yield row.map(formulaSafe);
    count += 1;
    if (count % ROWS_PER_TURN === 0) await nextTurn();
  }
}

/**
 * The table as a CSV stream for spreadsheets: every cell through the formula guard (names and
 * notes are typed by people), Windows line ends as the other exports write, UTF-8, and a BOM when
 * asked. Streamed with back-pressure, so a long file is never built as one string.
 */
export function spreadsheetCsv(table: CsvTable, options: SpreadsheetCsvOptions): Transform {
  const stringifier = stringify({ bom: options.bom, record_delimiter: 'windows' });
  // pipeline destroys the stringifier with the error if the rows fail part way: a broken file is
  // never passed off as a complete one.
  return pipeline(Readable.from(guardedRecords(table)), stringifier, () => {});
}

/** The whole stream as text (tests, and small files). */
export async function csvText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
