import { describe, expect, it } from 'vitest';
import { opensInline, storedContentType } from './file-types.ts';

describe('storedContentType', () => {
  it('keeps a type on the allow-list, without its parameters', () => {
    expect(storedContentType('video/mp4')).toBe('video/mp4');
    expect(storedContentType('Video/WebM; codecs="vp9"')).toBe('video/webm');
    expect(storedContentType('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('stores anything else as unknown bytes, above all what could run script in our origin', () => {
    for (const type of ['text/html', 'image/svg+xml', 'application/javascript', 'application/xhtml+xml', '', undefined]) {
      expect(storedContentType(type), String(type)).toBe('application/octet-stream');
    }
  });
});

describe('opensInline', () => {
  it('opens videos, PDFs and pictures in the browser and downloads the rest', () => {
    expect(opensInline('video/mp4')).toBe(true);
    expect(opensInline('audio/wav')).toBe(true);
    expect(opensInline('application/pdf')).toBe(true);
    expect(opensInline('image/png')).toBe(true);
    expect(opensInline('text/plain')).toBe(false);
    expect(opensInline('application/msword')).toBe(false);
    expect(opensInline('application/octet-stream')).toBe(false);
  });
});
