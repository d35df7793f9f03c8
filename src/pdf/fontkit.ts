import { EventEmitter } from 'node:events';
import * as upstream from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

/**
 * The font engine pdf-lib embeds fonts with: the maintained `fontkit` 2, not the `@pdf-lib/fontkit`
 * 1.1.1 fork pdf-lib suggests. That fork is unmaintained and corrupts TrueType subsets of large
 * fonts (a short `loca` table without padding), so Chinese and Korean names came out partly blank
 * while their text still copied right (Hopding/pdf-lib#1232; fixed upstream in fontkit 1.8).
 * `src/pdf/unicode-fonts.test.ts` decodes every glyph of an embedded subset to keep it fixed.
 *
 * pdf-lib's subset embedder reads the subset as a Node stream (`encodeStream()`), which fontkit 2
 * replaced with `encode()`; the shim below gives each subset that one method back.
 */

type Subset = ReturnType<upstream.Font['createSubset']> & { encodeStream?: () => EventEmitter };

function withEncodeStream(subset: Subset): Subset {
  subset.encodeStream = () => {
    const stream = new EventEmitter();
    // Emitted on the next turn, after pdf-lib has attached its listeners.
    setImmediate(() => {
      try {
        stream.emit('data', subset.encode());
        stream.emit('end');
      } catch (error) {
        stream.emit('error', error);
      }
    });
    return stream;
  };
  return subset;
}

/** Opens a font from its bytes, as pdf-lib's `registerFontkit` expects. */
export function openFont(bytes: Uint8Array): upstream.Font {
  const font = upstream.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as upstream.Font;
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => withEncodeStream(createSubset() as Subset);
  return font;
}

export const pdfFontkit = { create: openFont } as unknown as Parameters<PDFDocument['registerFontkit']>[0];
