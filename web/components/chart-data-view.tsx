import { useId } from 'react';
import type { ChartData } from '../../src/shared/api/reports.ts';
import { TableWrap } from './ui/table-wrap.tsx';

/**
 * One chart of the workspace or a report: horizontal bars drawn as SVG, beside them a table with
 * each bar's count and share, and the numbers in words for screen readers. The picture adds
 * nothing the table does not say, so it is hidden from assistive technology. A suppressed chart
 * shows only why it is hidden.
 */

const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 170;
const BAR_AREA = 220;
const NUMBER_WIDTH = 48;

const share = (value: number, total: number) => (total <= 0 ? '—' : `${Math.round((value / total) * 100)}%`);
const shown = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const clip = (s: string, max = 24) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function ChartDataView({ data, headingLevel }: { data: ChartData; headingLevel?: 2 | 3 | 4 }) {
  const id = useId();
  const Heading = headingLevel ? (`h${headingLevel}` as const) : null;
  const title = Heading ? <Heading id={`${id}-title`}>{data.title}</Heading> : null;
  if (data.suppressed) {
    return (
      <div className="chart-data-view chart-data-view--suppressed">
        {title}
        <p className="muted">
          <strong>Not shown.</strong> {data.reason}
        </p>
      </div>
    );
  }
  const most = Math.max(0, ...data.bars.map((b) => b.value));
  const height = Math.max(1, data.bars.length) * (BAR_HEIGHT + GAP);
  const width = LABEL_WIDTH + BAR_AREA + NUMBER_WIDTH;
  return (
    <div className="chart-data-view">
      {title}
      <p className="visually-hidden">{data.summary}</p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', alignItems: 'flex-start' }}>
        <svg
          aria-hidden="true"
          focusable="false"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          style={{ maxWidth: '100%', height: 'auto' }}
        >
          {data.bars.map((b, i) => {
            const y = i * (BAR_HEIGHT + GAP);
            const w = most === 0 ? 0 : (b.value / most) * BAR_AREA;
            return (
              <g key={`${i}-${b.label}`}>
                <text
                  x={LABEL_WIDTH - 6}
                  y={y + BAR_HEIGHT / 2}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fontSize="12"
                  style={{ fill: 'var(--text, #1b232e)' }}
                >
                  {clip(b.label)}
                </text>
                <rect
                  x={LABEL_WIDTH}
                  y={y}
                  width={BAR_AREA}
                  height={BAR_HEIGHT}
                  style={{ fill: 'var(--border, #cfd6de)' }}
                  opacity={0.35}
                />
                <rect x={LABEL_WIDTH} y={y} width={w} height={BAR_HEIGHT} style={{ fill: 'var(--primary, #1c5d87)' }} />
                <text
                  x={LABEL_WIDTH + BAR_AREA + 6}
                  y={y + BAR_HEIGHT / 2}
                  dominantBaseline="middle"
                  fontSize="12"
                  style={{ fill: 'var(--text, #1b232e)' }}
                >
                  {shown(b.value)}
                </text>
              </g>
            );
          })}
        </svg>
        <TableWrap label={`${data.title}: the numbers`}>
          <table>
            <caption className="visually-hidden">{data.title}</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Count</th>
                <th scope="col">Share of {shown(data.total)}</th>
              </tr>
            </thead>
            <tbody>
              {data.bars.map((b, i) => (
                <tr key={`${i}-${b.label}`}>
                  <th scope="row">{b.label}</th>
                  <td>{shown(b.value)}</td>
                  <td>{share(b.value, data.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </div>
      <p className="small muted">Counted: {data.unit}.</p>
    </div>
  );
}
