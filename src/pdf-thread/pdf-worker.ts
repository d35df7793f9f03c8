// The body of the PDF thread (render-pdf.ts): a PDF's data in, its bytes out. Loaded through
// pdf-worker-boot.mjs, which registers tsx first (bin/build-cli.js compiles it under that name for
// the built command). Its fonts, once read from disk, stay loaded between PDFs.
import { serveKeptJobs } from '../workers/kept-thread-body.ts';
import { bytesOf, renderHere } from './renderers.ts';

serveKeptJobs(renderHere, (result) => [bytesOf(result).buffer as ArrayBuffer]);
