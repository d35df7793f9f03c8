// The body of the PDF thread (render-pdf.ts): a PDF's data in, its bytes out. Loaded through
// pdf-worker-boot.mjs, which registers tsx first (bin/build-cli.js compiles it under that name for
// the built command). Its fonts, once read from disk, stay loaded between PDFs.
import { serveKeptJobs } from '../workers/kept-thread-body.ts';
import { bytesOf, renderHere } from './renderers.ts';

// pdf-lib hands back a buffer of the file's own, moved rather than copied; a view into a larger
// (shared or pooled) buffer is copied instead, since moving it would take the rest along.
serveKeptJobs(renderHere, (result) => {
  const bytes = bytesOf(result);
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? [bytes.buffer] : [];
});
