import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { LetterContent } from '../features/recognition-letters/letter-pdf.ts';
import { pdfThreadRunning, renderPdf } from './render-pdf.ts';
import { renderHere } from './renderers.ts';

const letter = (mentorName: string): LetterContent => ({
  programName: 'Youth Services Mentoring Program',
  mentorName,
  periodName: '2026 fall cohort',
  servedFrom: '2026-09-01',
  servedUntil: '2027-06-30',
  partners: 1,
  months: 10,
  signer: { name: 'Dana Whitaker', title: 'Program coordinator' },
  issuedOn: '2027-07-01',
});
const meta = { title: 'Letters of recognition', at: new Date('2027-07-01T15:00:00.000Z') };

// PDFs are laid out in a thread of their own so they never hold the server's event loop; these
// check that what comes back is the PDF the renderer makes, and how the thread fails.
describe('PDFs laid out in the PDF thread', () => {
  it('gives back the same bytes the renderer makes on this thread, names in any script included', async () => {
    const letters = [letter('Ana Lima'), letter('李华'), letter('سارة أحمد')];
    const fromThread = await renderPdf('letters', letters, meta);
    expect(pdfThreadRunning()).toBe(true);
    expect(fromThread).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(fromThread)).toEqual(Buffer.from((await renderHere({ kind: 'letters', args: [letters, meta] })) as Uint8Array));
    expect((await PDFDocument.load(fromThread)).getPageCount()).toBe(3);
  });

  it('lays out PDFs asked together one after the other, each its own', async () => {
    const names = ['Ana Lima', 'Ben Okafor', 'Chen Wei', 'Dee Brown'];
    const files = await Promise.all(names.map((n, i) => renderPdf('letters', names.slice(0, i + 1).map(letter), meta)));
    expect(await Promise.all(files.map(async (f) => (await PDFDocument.load(f)).getPageCount()))).toEqual([1, 2, 3, 4]);
  });

  it('fails a PDF the renderer cannot make with its reason, and goes on with the next', async () => {
    const broken = { ...letter('Ana Lima'), signer: { name: 42 } } as unknown as LetterContent;
    await expect(renderPdf('letters', [broken], meta)).rejects.toThrow(/^PDF layout failed: /);
    expect((await PDFDocument.load(await renderPdf('letters', [letter('Ana Lima')], meta))).getPageCount()).toBe(1);
  });
});
