import { PDFParse } from 'pdf-parse';

/** The text of a PDF, with runs of white space made single spaces, and its number of pages. */
export async function pdfText(body: Uint8Array): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    const result = await parser.getText();
    return { text: result.text.replace(/\s+/g, ' '), pages: result.total };
  } finally {
    await parser.destroy();
  }
}
