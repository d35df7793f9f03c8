/**
 * What an uploaded file is served as. Nothing is sniffed: the browser's stated type is kept only
 * when it is on this list, and everything else is served as a download of unknown bytes. HTML and
 * SVG are deliberately missing: served from our own origin they could run script.
 */
const ALLOWED_TYPES = new Set([
  'video/mp4',
  'video/webm',
  // A webinar's recording may be sound only.
  'audio/mpeg',
  'audio/mp4',
  'audio/ogg',
  'audio/wav',
  'audio/webm',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
]);

export const UNKNOWN_TYPE = 'application/octet-stream';

/** The content type to store for a file the browser called `stated` ("video/mp4; codecs=…" → "video/mp4"). */
export function storedContentType(stated: string | undefined): string {
  const bare = (stated ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return ALLOWED_TYPES.has(bare) ? bare : UNKNOWN_TYPE;
}

/** Videos, sound, PDFs and pictures open in the browser; everything else downloads. */
export function opensInline(contentType: string): boolean {
  return (
    contentType.startsWith('video/') ||
    contentType.startsWith('audio/') ||
    contentType.startsWith('image/') ||
    contentType === 'application/pdf'
  );
}
