import { longDate } from '../../pdf/file-name.ts';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import { embedUnicodeFonts } from '../../pdf/unicode-fonts.ts';
import type { FontWeight, UnicodeFonts } from '../../pdf/unicode-fonts.ts';

/**
 * The recognition letter: one page per mentor, in real fonts so every name prints as written
 * (src/pdf/unicode-fonts.ts). No mentee is named: the letter is the mentor's to share.
 */

/** A4's width and US Letter's height: the area both papers share, so it prints unscaled anywhere. */
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 792;
const MARGIN = 72;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

const INK = rgb(0.11, 0.14, 0.18);
const MUTED = rgb(0.33, 0.36, 0.4);
const ACCENT = rgb(0.13, 0.36, 0.55);

export interface LetterContent {
  programName: string;
  mentorName: string;
  periodName: string;
  /** The first day of the mentor's service in the period, and the program's last day. */
  servedFrom: string;
  servedUntil: string;
  partners: number;
  months: number;
  /** Null until staff name who signs: the letter is then signed by the program itself. */
  signer: { name: string; title: string } | null;
  /** The day the letter is issued (today in the program's time zone). */
  issuedOn: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The letter's words, top to bottom: kept apart from the drawing so they can be read and tested. */
export function letterParagraphs(l: LetterContent): { facts: [string, string][]; body: string[] } {
  const service = `${plural(l.months, 'month', 'months')} as a mentor to ${plural(l.partners, 'mentee', 'mentees')}`;
  return {
    facts: [
      ['Mentor', l.mentorName],
      ['Program', l.programName],
      ['Program year', `${l.periodName}, ${longDate(l.servedFrom)} to ${longDate(l.servedUntil)}`],
      ['Service', service],
    ],
    body: [
      `This letter recognizes ${l.mentorName} for completing a year of service as a mentor in ${l.programName}.`,
      `Over ${plural(l.months, 'month', 'months')}, ${l.mentorName} gave time and experience to ${
        l.partners === 1 ? 'a colleague' : `${l.partners} colleagues`
      } at the start of their path: meeting regularly, helping set goals for the year and work toward them, and sharing what years of practice have taught. Mentors do this freely, alongside their own work, and it shows: the people they guide grow in skill and confidence, and our field grows closer for it.`,
      `Thank you, ${l.mentorName}, for the care and generosity you brought to the program. It made a real difference.`,
    ],
  };
}

/** Every text a letter draws, so the fonts it needs are embedded. */
function textsOf(l: LetterContent): string[] {
  const { facts, body } = letterParagraphs(l);
  return [...facts.flat(), ...body, l.signer?.name ?? '', l.signer?.title ?? '', l.programName];
}

class LetterPage {
  private y = PAGE_HEIGHT - MARGIN;
  constructor(
    private readonly page: PDFPage,
    private readonly fonts: UnicodeFonts,
  ) {}

  text(text: string, o: { size?: number; weight?: FontWeight; muted?: boolean; accent?: boolean; after?: number } = {}): void {
    const size = o.size ?? 11;
    const lineHeight = size * 1.45;
    const color = o.accent ? ACCENT : o.muted ? MUTED : INK;
    for (const line of this.fonts.wrap(text, CONTENT_WIDTH, size, o.weight)) {
      this.y -= size;
      this.fonts.draw(this.page, line, { x: MARGIN, y: this.y, size, weight: o.weight ?? 'regular', color });
      this.y -= lineHeight - size;
    }
    this.y -= o.after ?? 6;
  }

  /** "Label: value", the value wrapping beside the label. */
  fact(label: string, value: string): void {
    const size = 11;
    const labelText = `${label}: `;
    const labelWidth = 110;
    this.fonts.draw(this.page, labelText, { x: MARGIN, y: this.y - size, size, weight: 'bold', color: INK });
    for (const line of this.fonts.wrap(value, CONTENT_WIDTH - labelWidth, size)) {
      this.y -= size;
      this.fonts.draw(this.page, line, { x: MARGIN + labelWidth, y: this.y, size, color: INK });
      this.y -= size * 0.45;
    }
    this.y -= 4;
  }

  rule(): void {
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + CONTENT_WIDTH, y: this.y }, thickness: 0.8, color: ACCENT });
    this.y -= 14;
  }

  space(points: number): void {
    this.y -= points;
  }

  footer(text: string): void {
    this.fonts.draw(this.page, this.fonts.wrap(text, CONTENT_WIDTH, 8.5)[0] ?? '', { x: MARGIN, y: MARGIN - 24, size: 8.5, color: MUTED });
  }
}

function drawLetter(doc: PDFDocument, fonts: UnicodeFonts, l: LetterContent): void {
  const p = new LetterPage(doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]), fonts);
  const { facts, body } = letterParagraphs(l);
  p.text(l.programName, { size: 12, weight: 'bold', accent: true, after: 2 });
  p.text(longDate(l.issuedOn), { size: 10.5, muted: true, after: 0 });
  p.rule();
  p.text('Letter of recognition', { size: 22, weight: 'bold', after: 16 });
  for (const [label, value] of facts) p.fact(label, value);
  p.space(16);
  for (const paragraph of body) p.text(paragraph, { after: 10 });
  p.space(14);
  p.text('With our warm thanks,', { after: 34 });
  if (l.signer) {
    p.text(l.signer.name, { weight: 'bold', after: 0 });
    p.text(l.signer.title, { after: 0 });
    p.text(l.programName, { muted: true });
  } else {
    p.text(`On behalf of ${l.programName}`, { weight: 'bold' });
  }
  p.footer(`Issued on ${longDate(l.issuedOn)} by ${l.programName}.`);
}

/** One PDF holding one letter per page, in the order given. */
export async function lettersPdf(letters: readonly LetterContent[], meta: { title: string; at: Date }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedUnicodeFonts(doc, letters.flatMap(textsOf));
  // Metadata is stored as UTF-16, so any script is fine here.
  doc.setTitle(meta.title);
  doc.setSubject('Letter of recognition');
  doc.setCreator('Tandem');
  doc.setProducer('Tandem');
  doc.setCreationDate(meta.at);
  doc.setModificationDate(meta.at);
  for (const letter of letters) drawLetter(doc, fonts, letter);
  return doc.save();
}
