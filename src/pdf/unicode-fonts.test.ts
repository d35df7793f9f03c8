import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openFont } from './fontkit.ts';
import { embedUnicodeFonts } from './unicode-fonts.ts';
import { pdfText } from '../../test/setup/pdf-text.ts';

describe('unicode fonts', () => {
  it('draws Latin, Cyrillic, Chinese and Korean names that read back from the PDF', async () => {
    const names = ['Zoë Ångström', 'Дмитрий', '王芳', '김민준'];
    const doc = await PDFDocument.create();
    const fonts = await embedUnicodeFonts(doc, names);
    expect(fonts.fallbackCount).toBe(2);
    const page = doc.addPage([400, 400]);
    names.forEach((name, i) => fonts.draw(page, name, { x: 40, y: 350 - i * 30, size: 14 }));
    fonts.draw(page, 'Bold Ελένη', { x: 40, y: 200, size: 14, weight: 'bold' });
    const bytes = await doc.save();
    // Subset: far smaller than the 16 MB of CJK font files.
    expect(bytes.length).toBeLessThan(500_000);
    const { text } = await pdfText(bytes);
    for (const name of [...names, 'Ελένη']) expect(text).toContain(name);
  });

  it('embeds no CJK font when the text needs none', async () => {
    const doc = await PDFDocument.create();
    const fonts = await embedUnicodeFonts(doc, ['Zoë Ångström', 'Дмитрий', 'שלום', 'مرحبا']);
    expect(fonts.fallbackCount).toBe(0);
    doc.addPage();
    expect((await doc.save()).length).toBeLessThan(100_000);
  });

  it('shapes Arabic with Noto Sans Arabic and draws a mixed line in visual order', async () => {
    const line = 'Mentee محمد علي (٢٠٢٦) joined';
    const doc = await PDFDocument.create();
    const fonts = await embedUnicodeFonts(doc, [line]);
    expect(fonts.hasArabicFont).toBe(true);
    expect(fonts.fallbackCount).toBe(0);
    const runs = fonts.visualRuns(line);
    // Left to right: the English; the bracketed year (brackets reversed and mirrored here, the
    // Arabic-Indic digits pre-reversed for fontkit to put back); the name, handed to fontkit in
    // logical order (it shapes, then reverses); the rest.
    expect(runs.map((r) => r.text)).toEqual(['Mentee ', '(', '٦٢٠٢', ')', 'محمد علي ', ' joined']);
    const arabic = runs.find((r) => r.text === 'محمد علي ');
    expect(arabic?.layout).toBeDefined();
    // Shaped: the joined forms are other glyphs than the four letters drawn one by one.
    const font = arabic!.font;
    const joined = font.encodeText('محمد').asString();
    const isolated = [...'محمد'].map((c) => font.encodeText(c).asString()).join('');
    expect(joined).toHaveLength(16);
    expect(joined).not.toBe(isolated);
    const page = doc.addPage([400, 100]);
    fonts.draw(page, line, { x: 20, y: 50, size: 14 });
    const { text } = await pdfText(await doc.save());
    expect(text).toContain('Mentee');
    expect(text).toContain('محمد');
    expect(text).toContain('joined');
  });

  it('places the dots of Arabic letters where the font says (GPOS), not side by side', async () => {
    // Noto Sans Arabic draws a joined beh, yeh or teh as its bare shape plus a dot mark that GPOS
    // moves onto it; pdf-lib alone would put each mark after its letter at the baseline.
    const doc = await PDFDocument.create();
    const fonts = await embedUnicodeFonts(doc, ['بيت']);
    const page = doc.addPage([200, 100]);
    fonts.draw(page, 'بيت', { x: 20, y: 50, size: 20 });
    const saved = await PDFDocument.load(await doc.save());
    const contents = saved.getPage(0).node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => saved.context.lookup(ref)) : [contents];
    const ops = streams
      .map((stream) => (stream instanceof PDFRawStream ? new TextDecoder().decode(decodePDFRawStream(stream).decode()) : ''))
      .join('\n');
    const glyphs = [...ops.matchAll(/1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    // Six glyphs: three bare letters and their three dot marks. Side by side, x would only grow;
    // here each mark is moved back over its letter, and some off the baseline.
    expect(glyphs).toHaveLength(6);
    expect(glyphs.some((g, i) => i > 0 && g.x < glyphs[i - 1]!.x)).toBe(true);
    expect(glyphs.some((g) => g.y !== 50)).toBe(true);
    expect(Math.max(...glyphs.map((g) => g.x))).toBeLessThan(20 + fonts.widthOf('بيت', 20));
  });

  it('splits mixed text into runs by font', async () => {
    const doc = await PDFDocument.create();
    const fonts = await embedUnicodeFonts(doc, ['Mentor 王芳 and 김민준']);
    const runs = fonts.runs('Mentor 王芳 and 김민준');
    expect(runs.map((r) => r.text)).toEqual(['Mentor ', '王芳 ', 'and ', '김민준']);
    expect(new Set(runs.map((r) => r.font)).size).toBe(3);
  });

  it('wraps to a width, breaking between CJK characters and inside over-long words', async () => {
    const doc = await PDFDocument.create();
    const text = 'The quick brown fox jumps over the lazy dog 王芳王芳王芳王芳王芳王芳王芳王芳 Supercalifragilisticexpialidocious';
    const fonts = await embedUnicodeFonts(doc, [text]);
    const lines = fonts.wrap(text, 90, 12);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(fonts.widthOf(line, 12)).toBeLessThanOrEqual(90);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(fonts.wrap('one\ntwo', 500, 12)).toEqual(['one', 'two']);
  });

  it('embeds subsets whose every glyph has its outline (the @pdf-lib/fontkit fork blanked some CJK glyphs)', async () => {
    const names = ['王芳', '間。楼 私は日本語', '김민준', 'Zoë Ångström', 'Дмитрий'];
    const doc = await PDFDocument.create();
    const fonts = await embedUnicodeFonts(doc, names);
    const page = doc.addPage([400, 400]);
    names.forEach((name, i) => fonts.draw(page, name, { x: 40, y: 350 - i * 30, size: 14 }));
    const saved = await PDFDocument.load(await doc.save());
    const outlines: Array<{ glyphs: number; blank: number[] }> = [];
    for (const [, object] of saved.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFRawStream)) continue;
      let font;
      try {
        font = openFont(decodePDFRawStream(object).decode());
      } catch {
        continue; // not a font program
      }
      const blank: number[] = [];
      for (let id = 1; id < font.numGlyphs; id++) {
        let commands = -1;
        try {
          commands = font.getGlyph(id).path.commands.length;
        } catch {
          // a glyph that cannot even be decoded is as blank as an empty one
        }
        if (commands <= 0) blank.push(id);
      }
      outlines.push({ glyphs: font.numGlyphs, blank });
    }
    // DejaVu (regular, and bold with no glyph used), Noto Sans SC and Noto Sans KR.
    expect(outlines.filter((f) => f.glyphs > 1)).toHaveLength(3);
    // The space is the only glyph without an outline: Latin text and CJK text each hold one.
    for (const f of outlines) expect(f.blank.length).toBeLessThanOrEqual(1);
  });
});
