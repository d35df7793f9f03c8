import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { forbiddenCharacter, forbiddenCharacterMessage } from '../shared/text.ts';
import { cleanFileName } from './file-name.ts';
import { storedContentType } from './file-types.ts';
import { removeStoredFile, writeStoredFile } from './stored-files.ts';
import type { StoredFile } from './stored-files.ts';

/**
 * An upload refused for its shape or size. The error handler passes a 4xx error's status, code and
 * message through as they are, so these reach the browser as a clear `{code, message}`.
 */
export class UploadError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

const megabytes = (bytes: number) => `${Math.floor(bytes / (1024 * 1024)) || 1} MB`;
export const FILE_TOO_LARGE = (maxBytes: number) =>
  new UploadError(
    413,
    'FILE_TOO_LARGE',
    `That file is larger than the ${megabytes(maxBytes)} the program allows. Make it smaller, or share it as a link.`,
  );
const NOT_MULTIPART = () => new UploadError(415, 'NOT_MULTIPART', 'Send the file as multipart/form-data, with the fields and one file.');
const NO_FILE = () => new UploadError(400, 'NO_FILE', 'Choose a file to upload (an empty file can’t be shared).');
const ONE_FILE = () => new UploadError(400, 'ONE_FILE_ONLY', 'Upload one file at a time.');
const FIELD_TOO_LONG = () => new UploadError(400, 'FIELD_TOO_LONG', 'One of the text fields is too long.');
const MALFORMED = () => new UploadError(400, 'MALFORMED_UPLOAD', 'The upload was cut short or is not a valid form. Please try again.');

/** Room for the text fields and multipart framing on top of the file itself. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

/** The limits to register @fastify/multipart with: one file, a few short fields. */
export function multipartLimits(maxUploadBytes: number) {
  return { fileSize: maxUploadBytes, files: 1, fields: 20, parts: 25, fieldSize: 10_000, fieldNameSize: 100, headerPairs: 100 };
}

/**
 * Our own refusals pass through; the multipart plugin's (already 4xx) get our wording; a parse
 * error of a broken form becomes a 400. Errors of the disk itself stay errors (a 500).
 */
function asUploadError(err: unknown, maxUploadBytes: number): unknown {
  if (err instanceof UploadError) return err;
  if (typeof err !== 'object' || err === null || 'syscall' in err) return err;
  const code = 'code' in err ? String(err.code) : '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') return FILE_TOO_LARGE(maxUploadBytes);
  if (code === 'FST_FILES_LIMIT') return ONE_FILE();
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return NOT_MULTIPART();
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new UploadError(400, 'TOO_MANY_FIELDS', 'The form has more fields than an upload needs.');
  return MALFORMED();
}

/**
 * Reads a multipart upload: text fields as strings and exactly one file, streamed to disk as it
 * arrives. Whatever goes wrong, no file is left behind. The caller owns the returned file: it
 * must remove it if it does not keep it.
 */
export async function receiveUpload(
  request: FastifyRequest,
  opts: { uploadDir: string; maxUploadBytes: number },
): Promise<{ fields: Record<string, string>; file: StoredFile }> {
  if (!request.isMultipart()) throw NOT_MULTIPART();
  // A body announced as far too big is refused before a byte of it is stored.
  const announced = Number(request.headers['content-length'] ?? 0);
  if (announced > opts.maxUploadBytes + FORM_OVERHEAD_BYTES) throw FILE_TOO_LARGE(opts.maxUploadBytes);

  const fields: Record<string, string> = {};
  let file: StoredFile | undefined;
  try {
    for await (const part of request.parts() as AsyncIterable<Multipart>) {
      if (part.type === 'file') {
        if (file) throw ONE_FILE();
        const stream = part.file;
        const { key, size } = await writeStoredFile(opts.uploadDir, stream, () =>
          stream.truncated ? FILE_TOO_LARGE(opts.maxUploadBytes) : null,
        );
        file = { key, size, name: cleanFileName(part.filename), type: storedContentType(part.mimetype) };
        // A form sent with no file chosen still carries an empty file part.
        if (size === 0) throw NO_FILE();
      } else {
        if (part.fieldnameTruncated || part.valueTruncated) throw FIELD_TOO_LONG();
        const value = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
        // Form fields skip the route's validator, so the text rule every JSON field passes applies here.
        const character = forbiddenCharacter(part.fieldname) ?? forbiddenCharacter(value);
        if (character)
          throw new UploadError(400, 'VALIDATION_FAILED', `${part.fieldname.slice(0, 40)}: ${forbiddenCharacterMessage(character)}`);
        fields[part.fieldname] = value;
      }
    }
  } catch (err) {
    if (file) await removeStoredFile(opts.uploadDir, file.key);
    throw asUploadError(err, opts.maxUploadBytes);
  }
  if (!file) throw NO_FILE();
  return { fields, file };
}
