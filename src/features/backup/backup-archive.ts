import fs from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { Pack } from 'tar-stream';
import { DomainError } from '../../errors.ts';

/** A backup that cannot be made or restored; the message is one line a person can act on. */
export class BackupError extends DomainError {}

// Entries carry a fixed time: the archive says when it was made in its header, not in each entry.
const ENTRY_MTIME = new Date(0);

/** A gzip'd tar being written to `output`, entry by entry, at the pace `output` takes it. */
export class ArchiveWriter {
  private readonly pack: Pack = tar.pack();
  private readonly done: Promise<void>;
  private failure: Error | null = null;

  constructor(output: Writable) {
    const source = Readable.from(this.pack);
    // The pipeline reports every failure; a late 'error' event after it has let go must not
    // become an uncaught exception (which would take the server down with a cut-off download).
    source.on('error', () => {});
    this.done = pipeline(source, createGzip(), output);
    // When the reader goes away (a download cut off), fail the entry being written at once, so
    // the snapshot transaction behind it ends instead of waiting for a drain that never comes.
    this.done.catch((err: unknown) => {
      this.failure = err instanceof Error ? err : new Error(String(err));
      if (!this.pack.destroyed) this.pack.destroy(this.failure);
    });
    // Its errors reach us through the pipeline and each entry's callback.
    this.pack.on('error', () => {});
  }

  /** Resolves once the entry has been taken by the gzip stream (backpressure). */
  add(name: string, body: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure || this.pack.destroyed) return reject(this.failure ?? new Error('the archive was closed'));
      const sink = this.pack.entry({ name, size: body.length, mtime: ENTRY_MTIME }, body, (err) =>
        err ? reject(this.failure ?? err) : resolve(),
      );
      // An entry's error also comes through its callback; unheard, the event would be an uncaught exception.
      sink.on('error', () => {});
    });
  }

  /** Streams a file of a known size into an entry, passing each chunk to `tap` (a hash). */
  async addFile(name: string, path: string, size: number, tap: (chunk: Buffer) => void): Promise<void> {
    if (this.failure || this.pack.destroyed) throw this.failure ?? new Error('the archive was closed');
    let sink!: Writable;
    const taken = new Promise<void>((resolve, reject) => {
      sink = this.pack.entry({ name, size, mtime: ENTRY_MTIME }, (err) =>
        err ? reject(this.failure ?? err) : resolve(),
      ) as unknown as Writable;
    });
    sink.on('error', () => {});
    taken.catch(() => {});
    for await (const chunk of fs.createReadStream(path)) {
      const buf = chunk as Buffer;
      tap(buf);
      if (!sink.write(buf)) await once(sink, 'drain');
    }
    sink.end();
    await taken;
  }

  async finish(): Promise<void> {
    this.pack.finalize();
    await this.done;
  }

  async abort(err: Error): Promise<void> {
    if (!this.pack.destroyed) this.pack.destroy(err);
    await this.done.catch(() => {});
  }
}

export interface ArchiveEntryStream {
  name: string;
  size: number;
  body: AsyncIterable<Buffer>;
}

/**
 * The entries of a gzip'd tar file, in order. Whatever goes wrong underneath (not gzip, not a
 * tar, cut short, a flipped byte) comes out as a BackupError saying so in one line.
 */
export async function* readArchive(file: string, onBytes: (n: number) => void = () => {}): AsyncGenerator<ArchiveEntryStream> {
  let input: fs.ReadStream;
  try {
    await fs.promises.access(file, fs.constants.R_OK);
    input = fs.createReadStream(file);
  } catch {
    throw new BackupError('BACKUP_NOT_FOUND', `There is no backup file at ${file}.`);
  }
  const gunzip = createGunzip();
  const extract = tar.extract();
  let seen = 0;
  input.on('data', (chunk) => onBytes(chunk.length));
  input.on('error', (e) => extract.destroy(e));
  gunzip.on('error', (e) => extract.destroy(e));
  input.pipe(gunzip).pipe(extract as unknown as NodeJS.WritableStream);
  try {
    for await (const entry of extract) {
      seen += 1;
      yield { name: entry.header.name, size: entry.header.size ?? 0, body: guarded(entry as AsyncIterable<Buffer>, file) };
    }
  } catch (err) {
    throw damaged(file, err, seen === 0);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

/** An entry's body, whose read errors (the archive ends mid-entry) say what they mean. */
async function* guarded(body: AsyncIterable<Buffer>, file: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of body) yield chunk;
  } catch (err) {
    throw damaged(file, err, false);
  }
}

function damaged(file: string, err: unknown, beforeFirstEntry: boolean): Error {
  if (err instanceof BackupError) return err;
  const e = err as NodeJS.ErrnoException;
  const what = e?.message ?? String(err);
  if (beforeFirstEntry && (e?.code === 'Z_DATA_ERROR' || /tar header|gunzip/i.test(what))) {
    return new BackupError('NOT_A_BACKUP', `${file} is not a Tandem backup (it is not a gzip'd tar archive).`);
  }
  if (e?.code === 'Z_BUF_ERROR' || /unexpected end/i.test(what)) {
    return new BackupError('BACKUP_DAMAGED', `${file} is cut short (truncated): it is not a whole backup. Nothing was restored.`);
  }
  return new BackupError('BACKUP_DAMAGED', `${file} is damaged (${what}). Nothing was restored.`);
}

/** An entry's whole body, refusing one larger than `limit` bytes. */
export async function readWhole(entry: ArchiveEntryStream, limit: number): Promise<Buffer> {
  if (entry.size > limit) throw new BackupError('BACKUP_DAMAGED', `The backup's ${entry.name} is implausibly large.`);
  const chunks: Buffer[] = [];
  for await (const chunk of entry.body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Reads an entry through to the end without keeping it. */
export async function drain(entry: ArchiveEntryStream, tap: (chunk: Buffer) => void = () => {}): Promise<void> {
  for await (const chunk of entry.body) tap(chunk);
}
