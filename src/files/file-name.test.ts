import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition } from './file-name.ts';

describe('cleanFileName', () => {
  it('keeps only the last path segment, without control characters', () => {
    expect(cleanFileName('C:\\Users\\sam\\Welcome video.mp4')).toBe('Welcome video.mp4');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('line\r\nbreak.pdf')).toBe('linebreak.pdf');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName(undefined)).toBe('file');
  });

  it('undoes the escaping browsers apply to quotes and line breaks in multipart file names', () => {
    expect(cleanFileName('Welcome %22video%22.mp4')).toBe('Welcome "video".mp4');
    expect(cleanFileName('two%0D%0Alines.txt')).toBe('twolines.txt');
    expect(cleanFileName('100% sure.pdf')).toBe('100% sure.pdf');
  });

  it('shortens a very long name but keeps its extension', () => {
    const name = cleanFileName(`${'a'.repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name encoded', () => {
    expect(contentDisposition('inline', 'Guide.pdf')).toBe(`inline; filename="Guide.pdf"; filename*=UTF-8''Guide.pdf`);
    expect(contentDisposition('attachment', 'Café "plan"; v2.docx')).toBe(
      `attachment; filename="Caf_ _plan__ v2.docx"; filename*=UTF-8''Caf%C3%A9%20%22plan%22%3B%20v2.docx`,
    );
  });
});
