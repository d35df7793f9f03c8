import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import { embedUnicodeFonts } from '../../pdf/unicode-fonts.ts';
import type { FontWeight, UnicodeFonts } from '../../pdf/unicode-fonts.ts';

/**
 * The page is A4's width and US Letter's height (595 × 792 pt): the area both papers share, so the
 * sheet prints at full size, unclipped and unscaled, wherever the program is.
 */
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 792;
const MARGIN = 54;
const FOOTER_SPACE = 28;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

const INK = rgb(0.11, 0.14, 0.18);
const MUTED = rgb(0.33, 0.36, 0.4);
const RULE = rgb(0.6, 0.63, 0.67);

type Style = FontWeight;

interface TextOptions {
  size?: number;
  style?: Style;
  indent?: number;
  muted?: boolean;
  /** Space after the text, in points. */
  after?: number;
}

/**
 * Writes a document top to bottom: text wraps to the width, and a new page starts whenever the
 * next piece does not fit. Text is drawn with the embedded Unicode fonts (src/pdf/unicode-fonts.ts),
 * so names in any script the fonts cover print as written, right-to-left runs in their order.
 */
export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  /** Some character has no glyph in any embedded font (it shows as a box); the document should say so. */
  replacedCharacters = false;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: UnicodeFonts,
  ) {
    this.newPage();
  }

  /** `texts`: everything the document will draw (or more), so only the fonts it needs are embedded. */
  static async create(meta: { title: string; subject: string; at: Date; texts: readonly string[] }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    const fonts = await embedUnicodeFonts(doc, [meta.title, meta.subject, ...meta.texts], { italic: true });
    // Metadata is stored as UTF-16, so any script is fine here.
    doc.setTitle(meta.title);
    doc.setSubject(meta.subject);
    doc.setCreator('Tandem');
    doc.setProducer('Tandem');
    doc.setCreationDate(meta.at);
    doc.setModificationDate(meta.at);
    return new PdfWriter(doc, fonts);
  }

  get width(): number {
    return CONTENT_WIDTH;
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.y - height < MARGIN + FOOTER_SPACE) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  /** The text, noting whether some character has no glyph in the embedded fonts. */
  clean(text: string): string {
    if (!this.fonts.covers(text)) this.replacedCharacters = true;
    return text;
  }

  private lineHeight(size: number): number {
    return size * 1.35;
  }

  /** Wrapped text; lines flow onto the next page when needed. */
  text(text: string, o: TextOptions = {}): void {
    const size = o.size ?? 10.5;
    const weight = o.style ?? 'regular';
    const indent = o.indent ?? 0;
    const lines = this.fonts.wrap(this.clean(text), CONTENT_WIDTH - indent, size, weight);
    for (const line of lines) {
      this.ensureSpace(this.lineHeight(size));
      this.y -= size;
      if (line !== '') this.fonts.draw(this.page, line, { x: MARGIN + indent, y: this.y, size, weight, color: o.muted ? MUTED : INK });
      this.y -= this.lineHeight(size) - size;
    }
    this.y -= o.after ?? 4;
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 20 : level === 2 ? 14 : 11.5;
    // Keep a heading with at least a few lines of what follows it.
    this.ensureSpace(this.lineHeight(size) + 48);
    if (level === 2) this.space(8);
    this.text(text, { size, style: 'bold', after: level === 1 ? 6 : 4 });
  }

  /** "Label: value" on one line when it fits, the value wrapping under the label otherwise. */
  field(label: string, value: string, o: { indent?: number } = {}): void {
    const size = 10.5;
    const labelText = `${this.clean(label)}: `;
    const labelWidth = this.fonts.widthOf(labelText, size, 'bold');
    const indent = o.indent ?? 0;
    const lines = this.fonts.wrap(this.clean(value), CONTENT_WIDTH - indent - labelWidth, size);
    lines.forEach((line, i) => {
      this.ensureSpace(this.lineHeight(size));
      this.y -= size;
      if (i === 0) this.fonts.draw(this.page, labelText, { x: MARGIN + indent, y: this.y, size, weight: 'bold', color: INK });
      if (line !== '') this.fonts.draw(this.page, line, { x: MARGIN + indent + labelWidth, y: this.y, size, color: INK });
      this.y -= this.lineHeight(size) - size;
    });
    this.y -= 3;
  }

  /** `count` ruled lines to write on by hand. */
  ruledLines(count: number, o: { indent?: number; width?: number } = {}): void {
    const gap = 22;
    const indent = o.indent ?? 0;
    for (let i = 0; i < count; i += 1) {
      this.ensureSpace(gap);
      this.y -= gap;
      this.page.drawLine({
        start: { x: MARGIN + indent, y: this.y },
        end: { x: MARGIN + indent + (o.width ?? CONTENT_WIDTH - indent), y: this.y },
        thickness: 0.6,
        color: RULE,
      });
    }
    this.y -= 6;
  }

  /** Short labelled boxes side by side ("1", "2", …), wrapping onto more rows when needed. */
  checkboxRow(labels: readonly string[], o: { indent?: number } = {}): void {
    const size = 10.5;
    const box = 9;
    const indent = o.indent ?? 0;
    let x = MARGIN + indent;
    this.ensureSpace(this.lineHeight(size) + 2);
    this.y -= size + 2;
    for (const raw of labels) {
      const label = this.clean(raw);
      const w = box + 5 + this.fonts.widthOf(label, size) + 16;
      if (x + w > MARGIN + CONTENT_WIDTH && x > MARGIN + indent) {
        this.y -= this.lineHeight(size) + 2;
        this.ensureSpace(this.lineHeight(size));
        x = MARGIN + indent;
      }
      this.page.drawRectangle({ x, y: this.y - 1, width: box, height: box, borderColor: INK, borderWidth: 0.8 });
      this.fonts.draw(this.page, label, { x: x + box + 5, y: this.y, size, color: INK });
      x += w;
    }
    this.y -= this.lineHeight(size) - size + 4;
  }

  /** A thin line across the page between sections. */
  divider(): void {
    this.ensureSpace(14);
    this.y -= 7;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + CONTENT_WIDTH, y: this.y }, thickness: 0.5, color: RULE });
    this.y -= 7;
  }

  /** Page numbers and a footer line on every page, then the file's bytes. */
  async finish(footer: string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const text = this.clean(footer);
    const size = 8.5;
    pages.forEach((page, i) => {
      const number = `Page ${i + 1} of ${pages.length}`;
      const numberWidth = this.fonts.widthOf(number, size);
      const room = CONTENT_WIDTH - numberWidth - 12;
      const [first = ''] = this.fonts.wrap(text, room, size);
      this.fonts.draw(page, first, { x: MARGIN, y: MARGIN - 4, size, color: MUTED });
      this.fonts.draw(page, number, { x: MARGIN + CONTENT_WIDTH - numberWidth, y: MARGIN - 4, size, color: MUTED });
    });
    return this.doc.save();
  }
}
