import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import { embedUnicodeFonts, wordsOf } from '../../pdf/unicode-fonts.ts';
import type { FontWeight, UnicodeFonts } from '../../pdf/unicode-fonts.ts';
import { chartKey, chartRefSchema } from '../../shared/api/reports.ts';
import type { ChartData, RichNode } from '../../shared/api/reports.ts';
import { shareOf } from './chart-svg.ts';
import { MISSING_CHART } from './report-document.ts';
import type { ReportDocument } from './report-document.ts';
import { plainText, safeHref } from './rich-text.rules.ts';

/**
 * A report as a PDF: a title page, a table of contents with page numbers, the sections (headings,
 * paragraphs, lists, quotes; links written out as text), charts drawn as vector graphics
 * (rectangles, lines and text — never images) with their numbers beside the bars, and "Page N of
 * M" at the foot of every page. Text is drawn with the Unicode fonts of src/pdf/unicode-fonts.ts
 * so every name shows (see that file for the limits: no right-to-left shaping).
 */

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 792;
const MARGIN = 56;
const FOOTER_SPACE = 34;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BOTTOM = MARGIN + FOOTER_SPACE;

const INK = rgb(0.11, 0.14, 0.18);
const MUTED = rgb(0.3, 0.33, 0.38);
const RULE = rgb(0.72, 0.75, 0.79);
const BAR = rgb(0.12, 0.37, 0.6);
const BAR_TRACK = rgb(0.92, 0.93, 0.95);

const BODY_SIZE = 10.5;
const LINE = 1.45;
const TOC_LINE = 20;

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

interface Piece {
  text: string;
  weight: FontWeight;
}
type Segment = Piece | { br: true };

class ReportPdfWriter {
  page!: PDFPage;
  y = 0;
  /** The left edge, moved in by lists and quotes. */
  indent = 0;
  /** How many quotes the current text is in (a rule is drawn beside each line). */
  quoteDepth = 0;
  chartsDrawn = 0;

  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: UnicodeFonts,
  ) {}

  newPage(): void {
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  get left(): number {
    return MARGIN + this.indent;
  }

  get width(): number {
    return CONTENT_WIDTH - this.indent;
  }

  /** Lays pieces of text (bold or not) into lines that fit the width. */
  layout(segments: readonly Segment[], size: number, width = this.width): Piece[][] {
    const lines: Piece[][] = [[]];
    let lineWidth = 0;
    let pendingSpace = false;
    const current = () => lines[lines.length - 1]!;
    const push = (text: string, weight: FontWeight) => {
      const line = current();
      const last = line[line.length - 1];
      if (last && last.weight === weight) last.text += text;
      else line.push({ text, weight });
    };
    const breakLine = () => {
      lines.push([]);
      lineWidth = 0;
      pendingSpace = false;
    };
    for (const seg of segments) {
      if ('br' in seg) {
        breakLine();
        continue;
      }
      for (const word of wordsOf(seg.text)) {
        if (word === ' ') {
          if (current().length > 0) pendingSpace = true;
          continue;
        }
        const w = this.fonts.widthOf(word, size, seg.weight);
        const space = pendingSpace ? this.fonts.widthOf(' ', size, seg.weight) : 0;
        if (lineWidth + space + w <= width) {
          if (pendingSpace) push(' ', seg.weight);
          push(word, seg.weight);
          lineWidth += space + w;
          pendingSpace = false;
          continue;
        }
        if (current().length > 0) breakLine();
        if (w <= width) {
          push(word, seg.weight);
          lineWidth = w;
          continue;
        }
        for (const char of word) {
          const cw = this.fonts.widthOf(char, size, seg.weight);
          if (lineWidth + cw > width && current().length > 0) breakLine();
          push(char, seg.weight);
          lineWidth += cw;
        }
      }
    }
    return lines;
  }

  /** Draws lines of pieces from the cursor down, starting new pages as needed. */
  drawLines(lines: Piece[][], size: number, options: { color?: typeof INK; after?: number } = {}): void {
    const height = size * LINE;
    for (const line of lines) {
      this.ensure(height);
      let x = this.left;
      const baseline = this.y - size;
      for (const piece of line)
        x += this.fonts.draw(this.page, piece.text, { x, y: baseline, size, weight: piece.weight, color: options.color ?? INK });
      for (let q = 0; q < this.quoteDepth; q++) {
        const qx = MARGIN + this.indent - 10 - q * 14;
        this.page.drawLine({ start: { x: qx, y: this.y + 1 }, end: { x: qx, y: this.y - height + 1 }, thickness: 2, color: RULE });
      }
      this.y -= height;
    }
    this.y -= options.after ?? 0;
  }

  text(text: string, size: number, weight: FontWeight = 'regular', after = 0, color = INK): void {
    this.drawLines(this.layout([{ text, weight }], size), size, { after, color });
  }
}

/** A paragraph's inline content as pieces; charts inside it are returned to be drawn after. */
function inlineSegments(nodes: readonly RichNode[]): { segments: Segment[]; charts: RichNode[] } {
  const segments: Segment[] = [];
  const charts: RichNode[] = [];
  for (const n of nodes) {
    if (n.type === 'hardBreak') segments.push({ br: true });
    else if (n.type === 'chart') charts.push(n);
    else if (n.type === 'text') {
      const weight: FontWeight = n.marks?.some((m) => m.type === 'bold') ? 'bold' : 'regular';
      segments.push({ text: n.text ?? '', weight });
      const link = n.marks?.find((m) => m.type === 'link');
      const href = link ? safeHref(link.attrs?.href) : null;
      if (href && href !== n.text && `mailto:${n.text ?? ''}` !== href)
        segments.push({ text: ` (${href.replace(/^mailto:/, '')})`, weight: 'regular' });
    }
  }
  return { segments, charts };
}

function drawChart(w: ReportPdfWriter, data: ChartData): void {
  w.chartsDrawn += 1;
  const titleSize = 11;
  w.y -= 6;
  if (data.suppressed) {
    const lines = w.layout([{ text: `Chart not shown: ${data.title}. ${data.reason}`, weight: 'regular' }], 9.5, w.width - 16);
    const height = lines.length * 9.5 * LINE + 14;
    w.ensure(height);
    w.page.drawRectangle({ x: w.left, y: w.y - height, width: w.width, height, borderColor: RULE, borderWidth: 1 });
    w.y -= 7;
    w.indent += 8;
    w.drawLines(lines, 9.5, { color: MUTED });
    w.indent -= 8;
    w.y -= 13;
    return;
  }
  const barHeight = 13;
  const gap = 6;
  const labelWidth = Math.min(170, w.width * 0.38);
  const numberWidth = 70;
  const plot = w.width - labelWidth - numberWidth - 12;
  const titleLines = w.layout([{ text: data.title, weight: 'bold' }], titleSize);
  const summaryLines = w.layout([{ text: data.summary, weight: 'regular' }], 9);
  const barsHeight = data.bars.length * (barHeight + gap);
  // Keep a chart on one page when it fits on one.
  w.ensure(
    Math.min(PAGE_HEIGHT - MARGIN - BOTTOM, titleLines.length * titleSize * LINE + barsHeight + summaryLines.length * 9 * LINE + 12),
  );
  w.drawLines(titleLines, titleSize, { after: 4 });
  const max = Math.max(1, ...data.bars.map((b) => b.value));
  for (const bar of data.bars) {
    w.ensure(barHeight + gap);
    const top = w.y;
    const baseline = top - barHeight + 3;
    // The label, shortened to its column (the summary below names every bar in full).
    let label = bar.label;
    while (label.length > 1 && w.fonts.widthOf(label, 9) > labelWidth - 8) label = `${[...label].slice(0, -2).join('')}…`;
    w.fonts.draw(w.page, label, { x: w.left + labelWidth - 8 - w.fonts.widthOf(label, 9), y: baseline, size: 9, color: INK });
    const x0 = w.left + labelWidth;
    w.page.drawRectangle({ x: x0, y: top - barHeight, width: plot, height: barHeight, color: BAR_TRACK });
    const width = bar.value > 0 ? Math.max(1.5, (bar.value / max) * plot) : 0;
    if (width > 0) w.page.drawRectangle({ x: x0, y: top - barHeight, width, height: barHeight, color: BAR });
    w.fonts.draw(w.page, `${fmt(bar.value)} (${shareOf(bar.value, data.total)})`, { x: x0 + plot + 6, y: baseline, size: 9, color: INK });
    w.y -= barHeight + gap;
  }
  w.page.drawLine({
    start: { x: w.left + labelWidth, y: w.y + gap + data.bars.length * (barHeight + gap) },
    end: { x: w.left + labelWidth, y: w.y + gap },
    thickness: 0.75,
    color: INK,
  });
  w.y -= 2;
  w.drawLines(summaryLines, 9, { color: MUTED, after: 8 });
}

function drawChartNode(w: ReportPdfWriter, node: RichNode, doc: ReportDocument): void {
  const ref = chartRefSchema.safeParse(node.attrs?.ref);
  if (ref.success) drawChart(w, doc.charts.get(chartKey(ref.data)) ?? MISSING_CHART);
}

function drawBlocks(w: ReportPdfWriter, nodes: readonly RichNode[], doc: ReportDocument): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph': {
        const { segments, charts } = inlineSegments(node.content ?? []);
        if (segments.length > 0) w.drawLines(w.layout(segments, BODY_SIZE), BODY_SIZE, { after: 6 });
        for (const chart of charts) drawChartNode(w, chart, doc);
        break;
      }
      case 'heading': {
        const size = node.attrs?.level === 3 ? 11.5 : 13;
        const text = (node.content ?? []).map((c) => (c.type === 'text' ? (c.text ?? '') : ' ')).join('');
        w.ensure(size * LINE * 2 + 20);
        w.y -= 6;
        w.text(text, size, 'bold', 4);
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        let number = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
        for (const item of node.content ?? []) {
          const marker = node.type === 'bulletList' ? '•' : `${number++}.`;
          w.ensure(BODY_SIZE * LINE);
          w.fonts.draw(w.page, marker, { x: w.left + 2, y: w.y - BODY_SIZE, size: BODY_SIZE, color: INK });
          w.indent += 18;
          drawBlocks(w, item.content ?? [], doc);
          w.indent -= 18;
        }
        w.y -= 2;
        break;
      }
      case 'blockquote':
        w.indent += 14;
        w.quoteDepth += 1;
        drawBlocks(w, node.content ?? [], doc);
        w.quoteDepth -= 1;
        w.indent -= 14;
        break;
      case 'chart':
        drawChartNode(w, node, doc);
        break;
      default:
        break;
    }
  }
}

/** Every text the PDF will draw, so the fonts it needs (CJK or not) are known up front. */
function allText(doc: ReportDocument): string[] {
  const texts = [doc.programName, doc.title, doc.periodName, doc.publishedOn ?? ''];
  for (const s of doc.sections) texts.push(s.title, plainText(s.body));
  for (const c of doc.charts.values()) {
    texts.push(c.title);
    if (c.suppressed) texts.push(c.reason);
    else texts.push(c.summary, ...c.bars.map((b) => b.label));
  }
  return texts;
}

/** The PDF's bytes. */
export async function renderReportPdf(doc: ReportDocument, at: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${doc.title} · ${doc.programName}`);
  pdf.setSubject(doc.periodName);
  pdf.setAuthor(doc.programName);
  pdf.setCreator('Tandem');
  pdf.setProducer('Tandem');
  pdf.setLanguage('en');
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);
  const fonts = await embedUnicodeFonts(pdf, allText(doc));
  const w = new ReportPdfWriter(pdf, fonts);

  // Title page.
  w.newPage();
  w.y = PAGE_HEIGHT - 220;
  w.text(doc.programName, 14, 'regular', 16, MUTED);
  w.text(doc.title, 26, 'bold', 18);
  w.text(doc.periodName, 14, 'regular', 8);
  w.text(
    doc.publishedOn ? `Published on ${doc.publishedOn}` : 'Draft: not published yet. Its figures may still change.',
    11,
    'regular',
    0,
    MUTED,
  );

  // Contents: pages reserved now, filled in once the sections' pages are known.
  const perPage = Math.floor((PAGE_HEIGHT - MARGIN - BOTTOM - 60) / TOC_LINE);
  const tocPages: PDFPage[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(doc.sections.length / perPage)); i++) {
    w.newPage();
    tocPages.push(w.page);
  }

  // Sections.
  const sectionPages: number[] = [];
  doc.sections.forEach((section, i) => {
    if (i === 0) w.newPage();
    else {
      w.y -= 18;
      w.ensure(120);
    }
    sectionPages.push(pdf.getPageCount());
    w.text(section.title, 17, 'bold', 10);
    drawBlocks(w, section.body.content ?? [], doc);
  });

  // Contents, now that page numbers are known.
  tocPages.forEach((page, p) => {
    let y = PAGE_HEIGHT - MARGIN - 20;
    if (p === 0) {
      fonts.draw(page, 'Contents', { x: MARGIN, y, size: 20, weight: 'bold', color: INK });
      y -= 40;
    }
    doc.sections.slice(p * perPage, (p + 1) * perPage).forEach((section, j) => {
      const number = String(sectionPages[p * perPage + j] ?? '');
      const numberWidth = fonts.widthOf(number, 11);
      let title = section.title;
      while (title.length > 1 && fonts.widthOf(title, 11) > CONTENT_WIDTH - numberWidth - 30)
        title = `${[...title].slice(0, -2).join('')}…`;
      const titleWidth = fonts.draw(page, title, { x: MARGIN, y, size: 11, color: INK });
      page.drawLine({
        start: { x: MARGIN + titleWidth + 6, y: y + 2 },
        end: { x: PAGE_WIDTH - MARGIN - numberWidth - 6, y: y + 2 },
        thickness: 0.5,
        color: RULE,
        dashArray: [1, 2],
      });
      fonts.draw(page, number, { x: PAGE_WIDTH - MARGIN - numberWidth, y, size: 11, color: INK });
      y -= TOC_LINE;
    });
  });

  // Footers.
  const total = pdf.getPageCount();
  pdf.getPages().forEach((page, i) => {
    const label = `Page ${i + 1} of ${total}`;
    fonts.draw(page, label, { x: (PAGE_WIDTH - fonts.widthOf(label, 9)) / 2, y: MARGIN - 20, size: 9, color: MUTED });
  });
  return pdf.save();
}
