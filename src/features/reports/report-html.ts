import { createHash } from 'node:crypto';
import { chartKey, chartRefSchema } from '../../shared/api/reports.ts';
import type { RichNode } from '../../shared/api/reports.ts';
import { chartFigure } from './chart-svg.ts';
import { escapeHtml } from './html-escape.ts';
import { safeHref } from './rich-text.rules.ts';
import { MISSING_CHART } from './report-document.ts';
import type { ReportDocument } from './report-document.ts';

/**
 * A report as one standalone HTML page: language, title, a table of contents, one <h2> per
 * section, charts as inline SVG with their tables and numbers in words. Built from the
 * allowlisted JSON, every text escaped; no script, no event handler, no external request (the
 * only style is the <style> element, allowed by its hash in the page's Content-Security-Policy).
 */

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; color: #1b232e; background: #fff; line-height: 1.55; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
header p { margin: 0.25rem 0; color: #3d4652; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; border-top: 1px solid #c9ced6; padding-top: 1.25rem; }
h3 { font-size: 1.2rem; margin-top: 1.5rem; }
h4 { font-size: 1.05rem; margin-top: 1.25rem; }
a { color: #0b4f8a; text-decoration: underline; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 4px solid #8a94a3; color: #2c3440; }
nav ol { padding-left: 1.25rem; }
figure.chart { margin: 1.5rem 0; padding: 1rem; border: 1px solid #c9ced6; border-radius: 6px; }
figure.chart figcaption { font-weight: 700; margin-bottom: 0.5rem; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.chart-summary { font-size: 0.95rem; }
table { border-collapse: collapse; margin-top: 0.5rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border: 1px solid #c9ced6; padding: 0.25rem 0.6rem; text-align: left; }
td { text-align: right; }
.draft-note { background: #fff4d6; border: 1px solid #8a6d1f; padding: 0.5rem 0.75rem; border-radius: 4px; }
footer { margin-top: 3rem; color: #3d4652; font-size: 0.9rem; }
`.trim();

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** The page's Content-Security-Policy: nothing may load or run, only its own <style>. */
export const REPORT_HTML_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "img-src 'none'",
  "script-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Ctx {
  doc: ReportDocument;
  chartCount: number;
}

function marked(text: string, marks: RichNode['marks']): string {
  let html = escapeHtml(text);
  for (const mark of marks ?? []) {
    if (mark.type === 'bold') html = `<strong>${html}</strong>`;
    else if (mark.type === 'italic') html = `<em>${html}</em>`;
    else if (mark.type === 'underline') html = `<u>${html}</u>`;
    else if (mark.type === 'strike') html = `<s>${html}</s>`;
    else if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href);
      if (href) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${html}</a>`;
    }
  }
  return html;
}

function chartHtml(node: RichNode, ctx: Ctx): string {
  const ref = chartRefSchema.safeParse(node.attrs?.ref);
  if (!ref.success) return '';
  ctx.chartCount += 1;
  return chartFigure(ctx.doc.charts.get(chartKey(ref.data)) ?? MISSING_CHART, `chart-${ctx.chartCount}`);
}

function nodeHtml(node: RichNode, ctx: Ctx): string {
  const inner = () => (node.content ?? []).map((c) => nodeHtml(c, ctx)).join('');
  switch (node.type) {
    case 'text':
      return marked(node.text ?? '', node.marks);
    case 'hardBreak':
      return '<br>';
    case 'paragraph': {
      // A chart inside a paragraph is a figure: it goes between the paragraph's parts.
      const parts: string[] = [];
      let inline = '';
      for (const c of node.content ?? []) {
        if (c.type === 'chart') {
          if (inline.trim()) parts.push(`<p>${inline}</p>`);
          inline = '';
          parts.push(chartHtml(c, ctx));
        } else inline += nodeHtml(c, ctx);
      }
      if (inline.trim() || parts.length === 0) parts.push(`<p>${inline}</p>`);
      return parts.join('');
    }
    case 'heading': {
      // Section titles are <h2>; headings inside a section come below them.
      const level = node.attrs?.level === 3 ? 4 : 3;
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList': {
      const start = typeof node.attrs?.start === 'number' && node.attrs.start !== 1 ? ` start="${Math.trunc(node.attrs.start)}"` : '';
      return `<ol${start}>${inner()}</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'chart':
      return chartHtml(node, ctx);
    case 'doc':
      return inner();
    default:
      return '';
  }
}

/** The whole page. */
export function renderReportHtml(doc: ReportDocument): string {
  const ctx: Ctx = { doc, chartCount: 0 };
  const title = escapeHtml(doc.title);
  const toc = doc.sections.map((s, i) => `<li><a href="#section-${i + 1}">${escapeHtml(s.title)}</a></li>`).join('');
  const sections = doc.sections
    .map(
      (s, i) =>
        `<section aria-labelledby="section-${i + 1}"><h2 id="section-${i + 1}">${escapeHtml(s.title)}</h2>${nodeHtml(s.body, ctx)}</section>`,
    )
    .join('\n');
  const when = doc.publishedOn
    ? `<p>Published on ${escapeHtml(doc.publishedOn)}</p>`
    : `<p class="draft-note">Draft: not published yet. Its figures are live and may still change.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · ${escapeHtml(doc.programName)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<p>${escapeHtml(doc.programName)}</p>
<h1>${title}</h1>
<p>${escapeHtml(doc.periodName)}</p>
${when}
</header>
<nav aria-label="Contents"><h2>Contents</h2><ol>${toc}</ol></nav>
${sections}
<footer><p>${escapeHtml(doc.programName)} · ${title}</p></footer>
</main>
</body>
</html>
`;
}
