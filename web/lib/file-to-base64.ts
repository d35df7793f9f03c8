/** Bytes → base64, in slices so a large file doesn't overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
}

/**
 * A file's exact bytes as base64. The server decodes them itself, so it can refuse a file that
 * isn't UTF-8 rather than the browser quietly guessing the encoding.
 */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
