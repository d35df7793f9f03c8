import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { PdfFile } from '../pdf/pdf-file.ts';

/** A PDF file: the body is binary, so this only documents it (Buffers skip serialization). */
export const pdfResponse = z.string().describe('A PDF file (application/pdf).');

/**
 * Sends a generated PDF as a download. Never stored by default: these files carry people's names
 * and who may read them changes; a route whose PDF may be public passes its own cache-control.
 */
export function sendPdf(reply: FastifyReply, file: PdfFile, cacheControl = 'private, no-store'): FastifyReply {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', cacheControl)
    .send(Buffer.from(file.bytes));
}
