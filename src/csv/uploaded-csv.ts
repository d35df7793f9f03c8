import { isUtf8 } from 'node:buffer';
import { parse as csvRecordStream } from 'csv-parse/stream';
import { RuleViolationError } from '../errors.ts';

/**
 * Reading an uploaded CSV file (the application import, an attendance report): UTF-8 only with
 * the BOM dropped, parsed in chunks with a turn of the event loop in between so other requests are
 * answered meanwhile, each record with the line it starts on, and a cap on the number of rows.
 */

/** The most rows an upload may have (the heading row not counted). */
export const MAX_IMPORT_ROWS = 5000;

/**
 * Bytes parsed, and rows validated, between two turns of the event loop: a few ms each on a small
 * 2-core server (csv-parse reads 3–15 MB/s there, slowest before the JIT has warmed up; a row takes
 * 30–80 µs to check). A turn costs microseconds, so small slices are cheap.
 */
const CHUNK_BYTES = 8 * 1024;

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

function skipBlankLines(bytes: Buffer, offset: number): number {
  let i = offset;
  while (i < bytes.length) {
    if (bytes[i] === 0x0a) i += 1;
    else if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i += 2;
    else break;
  }
  return i;
}

/**
 * Line numbers of record starts, given the byte offset where the previous record ended. Records
 * come in order, so the count of line feeds only ever moves forward: one pass over the file.
 */
function lineNumbers(bytes: Buffer): (previousEnd: number) => number {
  let counted = 0;
  let line = 1;
  return (previousEnd) => {
    const start = skipBlankLines(bytes, previousEnd);
    for (; counted < start; counted += 1) if (bytes[counted] === 0x0a) line += 1;
    return line;
  };
}

/** What csv-parse emits per record with `info: true` (its stream types leave records untyped). */
interface RecordWithInfo {
  record: string[];
  info: { bytes: number };
}

/**
 * Reads at most `maxRecords` records (the header counts) and says whether the file has more, without
 * reading further. The parser gets the file a chunk at a time, with a turn of the event loop before
 * each chunk.
 */
export async function parseCsv(
  bytes: Buffer,
  maxRecords: number,
  onRead?: (bytesRead: number, bytesTotal: number) => void,
): Promise<{ records: ParsedRecord[]; more: boolean }> {
  let offset = 0;
  const chunks = new ReadableStream<Buffer>({
    async pull(controller) {
      if (offset > 0) await nextTurn();
      onRead?.(Math.min(offset, bytes.length), bytes.length);
      if (offset >= bytes.length) controller.close();
      else controller.enqueue(bytes.subarray(offset, (offset += CHUNK_BYTES)));
    },
  });
  // `to` stops the parser by itself once it has the record that proves the file is too long.
  const parser = csvRecordStream({ columns: false, info: true, skip_empty_lines: true, to: maxRecords + 1 });
  const reader = (chunks.pipeThrough(parser) as ReadableStream<RecordWithInfo>).getReader();
  const lineOf = lineNumbers(bytes);
  const records: ParsedRecord[] = [];
  let previousEnd = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      records.push({ line: lineOf(previousEnd), cells: next.value.record });
      previousEnd = next.value.info.bytes;
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : 'The file could not be read as CSV.';
    throw new RuleViolationError('CSV_MALFORMED', `The file is not valid CSV: ${message}`);
  }
  return { records: records.slice(0, maxRecords), more: records.length > maxRecords };
}
