import { Readable } from 'node:stream';
import sharp from 'sharp';
import { UploadError } from '../../files/upload-parser.ts';
import { storedFilePath, writeStoredFile } from '../../files/stored-files.ts';

/** A card's photo: a square, small enough for a page of cards, in WebP. */
export const PHOTO_SIZE = 320;
const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);
/** A decompression bomb (a tiny file that unpacks to a huge image) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 40_000_000;

export const NOT_AN_IMAGE = () =>
  new UploadError(415, 'NOT_AN_IMAGE', 'That file is not a photo we can read. Choose a JPEG, PNG, WebP, GIF or AVIF image.');

/**
 * Turns an uploaded file into the card's photo: checks it really is an image (by its content,
 * never by the name or type the browser claimed), turns it upright, crops it to a square and
 * stores it as a new file. The work runs on libuv's thread pool, not the event loop.
 */
export async function storeResizedPhoto(uploadDir: string, uploadedKey: string): Promise<{ key: string; size: number }> {
  const source = storedFilePath(uploadDir, uploadedKey);
  let bytes: Buffer;
  try {
    const image = sharp(source, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await image.metadata();
    if (!meta.format || !IMAGE_FORMATS.has(meta.format)) throw NOT_AN_IMAGE();
    bytes = await image.rotate().resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: 'attention' }).webp({ quality: 80 }).toBuffer();
  } catch (err) {
    if (err instanceof UploadError) throw err;
    throw NOT_AN_IMAGE();
  }
  return writeStoredFile(uploadDir, Readable.from([bytes]));
}
