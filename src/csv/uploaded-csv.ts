import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import { RuleViolationError } from '../errors.ts';

/**
 * Reading an uploaded CSV file (the application import, an attendance report): UTF-8 only with
 * the BOM dropped, parsed in chunks with a turn of the event loop in between so other requests are
 * answered meanwhile, each record with the line it starts on, and a cap on the number of rows.
 */

/** The most rows an upload may have (the heading row not counted). */
export const MAX_IMPORT_ROWS = 5000;

/**
 * Lets timers and I/O — other people's requests — run before going on. A macrotask on purpose:
 * awaiting a resolved promise only queues a microtask, and I/O waits until those run out.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Base64 characters decoded between two turns of the event loop: 192 KB of file, a few ms. */
const BASE64_SLICE = 4 * 64 * 1024;

/** base64 → bytes, a slice at a time (a whole 14 MB string in one call holds the event loop for 50 ms). */
async function fromBase64(text: string): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(Math.ceil(text.length / 4) * 3);
  let length = 0;
  for (let at = 0; at < text.length; at += BASE64_SLICE) {
    if (at > 0) await nextTurn();
    const slice = text.slice(at, at + BASE64_SLICE);
    const written = bytes.write(slice, length, 'base64');
    length += written;
    // Whitespace or stray characters, which the decoder skips, break the groups of four characters
    // across slices: such a string is decoded in one go, exactly as before.
    if (written !== (slice.length / 4) * 3 && at + BASE64_SLICE < text.length) return Buffer.from(text, 'base64');
  }
  return bytes.subarray(0, length);
}

/** Refuses anything that is not UTF-8 rather than guessing: a wrong guess garbles names silently. */
export async function decodeCsv(fileBase64: string): Promise<Buffer> {
  return checkedCsvBytes(await fromBase64(fileBase64));
}

/** The bytes of an uploaded file, refused unless UTF-8, without the BOM. */
export function checkedCsvBytes(raw: Buffer): Buffer {
  if (!isUtf8(raw)) {
    throw new RuleViolationError(
      'CSV_NOT_UTF8',
      'The file is not UTF-8 text. In your spreadsheet choose "CSV UTF-8" when saving, then upload it again.',
    );
  }
  const bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
  return bom ? raw.subarray(3) : raw;
}

export interface ParsedRecord {
  /** The physical line the record starts on: the header is line 1, a quoted cell may span lines. */
  line: number;
  cells: string[];
}

function skipBlankLines(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    if (text.charCodeAt(i) === 0x0a) i += 1;
    else if (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 2;
    else break;
  }
  return i;
}

/**
 * Line numbers of record starts, given the offset where the previous record ended. Records come in
 * order, so the count of line feeds only ever moves forward: one pass over the file.
 */
function lineNumbers(text: string): (previousEnd: number) => number {
  let counted = 0;
  let line = 1;
  return (previousEnd) => {
    const start = skipBlankLines(text, previousEnd);
    for (; counted < start; counted += 1) if (text.charCodeAt(counted) === 0x0a) line += 1;
    return line;
  };
}

/** Records read between two turns of the event loop: about a millisecond of parsing, more when each is checked too. */
const RECORDS_PER_TURN = 250;

/**
 * Reads the file's records in order into `onRecord`, at most `maxRecords` (the header counts), and
 * says whether the file has more, without reading further. Papa Parse
 * reads the text a record at a time (decision 0024: about ten times csv-parse's speed here),
 * pausing for a turn of the event loop every RECORDS_PER_TURN records, so a caller that checks each
 * record as it comes never holds the loop long, and keeps only what it makes of them.
 * A quote left open, or a quoted cell with text after its closing quote, makes the file malformed;
 * a quote inside an unquoted cell is kept as text, as spreadsheets do.
 */
export async function readCsv(
  bytes: Buffer,
  maxRecords: number,
  onRecord: (record: ParsedRecord) => void,
  onRead?: (bytesRead: number, bytesTotal: number) => void,
): Promise<{ more: boolean }> {
  const text = bytes.toString('utf8');
  const lineOf = lineNumbers(text);
  let count = 0;
  let previousEnd = 0;
  let resumedAt = 0;
  let more = false;
  let failure: { error: unknown } | undefined;
  await new Promise<void>((resolve) => {
    Papa.parse<string[]>(text, {
      delimiter: ',',
      quoteChar: '"',
      skipEmptyLines: true,
      step: (result, parser) => {
        const quotes = result.errors.find((e) => e.type === 'Quotes');
        if (quotes) {
          const message = `The file is not valid CSV: ${quotes.message} (line ${lineOf(previousEnd)}).`;
          failure = { error: new RuleViolationError('CSV_MALFORMED', message) };
          parser.abort();
          return;
        }
        if (count === maxRecords) {
          more = true;
          parser.abort();
          return;
        }
        count += 1;
        try {
          onRecord({ line: lineOf(previousEnd), cells: result.data });
        } catch (error) {
          // Thrown after the parser has stopped: a resumed parse runs outside this promise.
          failure = { error };
          parser.abort();
          return;
        }
        previousEnd = resumedAt + result.meta.cursor;
        if (count % RECORDS_PER_TURN === 0) {
          // Papa Parse goes on with the rest of the text as a new input: its cursor restarts at 0.
          resumedAt = previousEnd;
          parser.pause();
          onRead?.(previousEnd, text.length);
          setImmediate(() => parser.resume());
        }
      },
      complete: () => resolve(),
    });
  });
  if (failure !== undefined) throw failure.error;
  onRead?.(text.length, text.length);
  return { more };
}

/** All of readCsv's records in an array. */
export async function parseCsv(
  bytes: Buffer,
  maxRecords: number,
  onRead?: (bytesRead: number, bytesTotal: number) => void,
): Promise<{ records: ParsedRecord[]; more: boolean }> {
  const records: ParsedRecord[] = [];
  const { more } = await readCsv(bytes, maxRecords, (r) => void records.push(r), onRead);
  return { records, more };
}
