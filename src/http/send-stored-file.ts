import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../errors.ts';
import { parseRange } from '../files/byte-range.ts';
import type { RangeAnswer } from '../files/byte-range.ts';
import { contentDisposition } from '../files/file-name.ts';
import { opensInline } from '../files/file-types.ts';
import { readStoredFile, storedFileSize } from '../files/stored-files.ts';
import type { StoredFile } from '../files/stored-files.ts';

/** The response schemas of a route that sends a stored file: bytes are never run through a serializer. */
export const storedFileResponses = {
  200: z.any().describe('The whole file'),
  206: z.any().describe('The requested range of the file'),
};

/** True when the browser already holds this version ("If-None-Match: *", a list, weak tags). */
function alreadyHeld(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * Sends an uploaded file, streamed from disk: Range requests (206, 416) so a video can seek,
 * validators (ETag, Last-Modified, 304) and HEAD. The caller has already decided the person may
 * have it.
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { uploadDir: string; file: StoredFile; storedAt: string },
): Promise<FastifyReply> {
  const { file } = opts;
  const size = await storedFileSize(opts.uploadDir, file.key);
  if (size === null) throw new NotFoundError('file');
  // The key is random per upload and a file never changes, so it is a perfect validator.
  const etag = `"${file.key}"`;
  void reply
    .header('accept-ranges', 'bytes')
    .header('etag', etag)
    .header('last-modified', new Date(opts.storedAt).toUTCString())
    .header('cache-control', 'private, no-cache');
  if (alreadyHeld(request.headers['if-none-match'], etag)) return reply.code(304).send();

  // A Range for another version of the file (If-Range) gets the whole current one.
  const ifRange = request.headers['if-range'];
  const range: RangeAnswer = ifRange === undefined || ifRange === etag ? parseRange(request.headers.range, size) : { kind: 'whole' };
  if (range.kind === 'unsatisfiable') {
    return reply
      .code(416)
      .header('content-range', `bytes */${size}`)
      .send({ code: 'RANGE_NOT_SATISFIABLE', message: `That part of the file does not exist: the file is ${size} bytes long.` });
  }
  void reply.type(file.type).header('content-disposition', contentDisposition(opensInline(file.type) ? 'inline' : 'attachment', file.name));
  const part = range.kind === 'partial' ? { start: range.start, end: range.end } : undefined;
  if (part) void reply.code(206).header('content-range', `bytes ${part.start}-${part.end}/${size}`);
  void reply.header('content-length', part ? part.end - part.start + 1 : size);
  // HEAD gets the headers only: an empty stream keeps Fastify from reading the file through.
  return reply.send(request.method === 'HEAD' ? Readable.from([]) : readStoredFile(opts.uploadDir, file.key, part));
}
