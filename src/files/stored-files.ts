import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An uploaded file as stored: its random key under the upload directory, and what it is. */
export interface StoredFile {
  /** Random storage name under the upload directory. */
  key: string;
  name: string;
  type: string;
  size: number;
}

/**
 * Uploaded files on disk (resources, event recordings). Each is stored under a random key in the upload directory,
 * never under the name the browser gave (which could collide, or reach outside the directory).
 * A file is written as `<key>.uploading` and renamed once complete, so a file with a bare key is
 * always whole.
 */

const KEY = /^[0-9a-f]{32}$/;

/** The path of a stored file; refuses anything that is not one of our keys. */
export function storedFilePath(uploadDir: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
  return path.join(uploadDir, key);
}

/**
 * Streams `source` to a new file (never holding it in memory) and returns its key and size.
 * If the stream fails, or `refuse` finds a reason once it has ended (a size limit cut it short),
 * the partial file is removed before the error is passed on.
 */
export async function writeStoredFile(
  uploadDir: string,
  source: Readable,
  refuse: () => Error | null = () => null,
): Promise<{ key: string; size: number }> {
  await fs.promises.mkdir(uploadDir, { recursive: true });
  const key = randomBytes(16).toString('hex');
  const final = storedFilePath(uploadDir, key);
  const partial = `${final}.uploading`;
  try {
    await pipeline(source, fs.createWriteStream(partial, { flags: 'wx' }));
    const refusal = refuse();
    if (refusal) throw refusal;
    const { size } = await fs.promises.stat(partial);
    await fs.promises.rename(partial, final);
    return { key, size };
  } catch (err) {
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
}

/** Removes a stored file; one that is already gone is fine. */
export async function removeStoredFile(uploadDir: string, key: string): Promise<void> {
  await fs.promises.rm(storedFilePath(uploadDir, key), { force: true });
}

/** The size of a stored file, or null when it is missing (removed by hand, or a lost disk). */
export async function storedFileSize(uploadDir: string, key: string): Promise<number | null> {
  try {
    return (await fs.promises.stat(storedFilePath(uploadDir, key))).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Bytes start..end (inclusive) of a stored file, or all of it. */
export function readStoredFile(uploadDir: string, key: string, range?: { start: number; end: number }): fs.ReadStream {
  return fs.createReadStream(storedFilePath(uploadDir, key), range);
}
