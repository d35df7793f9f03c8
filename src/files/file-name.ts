/**
 * File names from uploads: shown to people and offered back when they download, never used on
 * disk (files are stored under a random key).
 */

/**
 * The last path segment of what the browser sent, without control characters, at most 200
 * characters. Browsers escape a quote in a multipart file name as %22 (and line breaks as %0A,
 * %0D; HTML's form encoding), which the parser leaves as it is: undone here.
 */
export function cleanFileName(given: string | undefined): string {
  const unescaped = (given ?? '').replace(/%22/g, '"').replace(/%0[AD]/gi, '');
  const last = unescaped.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = last.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '').trim();
  const name = clean === '.' || clean === '..' ? '' : clean;
  if (name.length <= 200) return name || 'file';
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, 200 - ext.length) + ext;
}

/**
 * A Content-Disposition header that cannot be broken by the name: an ASCII fallback with quotes,
 * backslashes and anything unusual replaced, plus the exact name encoded per RFC 6266 / 8187.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
