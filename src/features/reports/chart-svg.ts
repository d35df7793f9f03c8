import type { ChartData } from '../../shared/api/reports.ts';
import { escapeHtml } from './html-escape.ts';

/**
 * A chart as accessible inline HTML: a horizontal bar chart in SVG (named by its title and
 * described by the numbers in words), a table with every count and share beside it, and the
 * summary in words. A hidden chart says so and why, and shows no numbers. No script, no styles
 * beyond presentation attributes, no external references.
 */

const WIDTH = 640;
const LABEL_WIDTH = 210;
const NUMBER_WIDTH = 110;
const BAR_HEIGHT = 22;
const GAP = 10;
const BAR_COLOR = '#1f5f99';
const INK = '#1b232e';

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
export const shareOf = (value: number, total: number): string => (total > 0 ? `${Math.round((value / total) * 100)}%` : '0%');

/** Shortens a label to fit its column in the drawing (the table beside shows it whole). */
function shortLabel(label: string, max = 30): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

export function chartSvg(data: Extract<ChartData, { suppressed: false }>, id: string): string {
  const bars = data.bars;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plot = WIDTH - LABEL_WIDTH - NUMBER_WIDTH;
  const height = Math.max(1, bars.length) * (BAR_HEIGHT + GAP) + GAP;
  const rows = bars
    .map((b, i) => {
      const y = GAP + i * (BAR_HEIGHT + GAP);
      const w = Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * plot));
      const mid = y + BAR_HEIGHT / 2 + 5;
      return [
        `<text x="${LABEL_WIDTH - 8}" y="${mid}" text-anchor="end" font-size="13" fill="${INK}">${escapeHtml(shortLabel(b.label))}</text>`,
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" fill="${BAR_COLOR}"></rect>`,
        `<text x="${LABEL_WIDTH + w + 6}" y="${mid}" font-size="13" fill="${INK}">${escapeHtml(`${fmt(b.value)} (${shareOf(b.value, data.total)})`)}</text>`,
      ].join('');
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${WIDTH} ${height}" width="100%" ` +
    `aria-labelledby="${id}-title ${id}-desc" focusable="false">` +
    `<title id="${id}-title">${escapeHtml(data.title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(data.summary)}</desc>` +
    `<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" stroke="${INK}" stroke-width="1"></line>` +
    rows +
    `</svg>`
  );
}

/** The chart's numbers as a table (what the chart draws, readable by everyone). */
export function chartTable(data: Extract<ChartData, { suppressed: false }>): string {
  const rows = data.bars
    .map((b) => `<tr><th scope="row">${escapeHtml(b.label)}</th><td>${fmt(b.value)}</td><td>${shareOf(b.value, data.total)}</td></tr>`)
    .join('');
  return (
    `<table><caption>The numbers: ${escapeHtml(data.title)}</caption>` +
    `<thead><tr><th scope="col">Answer</th><th scope="col">${escapeHtml(capitalize(data.unit))}</th><th scope="col">Share</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`
  );
}

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : 'Count');

/** A whole chart figure for the HTML page: drawing, table and the numbers in words. */
export function chartFigure(data: ChartData, id: string): string {
  if (data.suppressed) {
    return (
      `<figure class="chart chart-hidden"><figcaption>${escapeHtml(data.title)}</figcaption>` +
      `<p>This chart is not shown: ${escapeHtml(data.reason)}</p></figure>`
    );
  }
  return (
    `<figure class="chart" aria-labelledby="${id}-caption"><figcaption id="${id}-caption">${escapeHtml(data.title)}</figcaption>` +
    chartSvg(data, id) +
    `<p class="chart-summary">${escapeHtml(data.summary)}</p>` +
    chartTable(data) +
    `</figure>`
  );
}
