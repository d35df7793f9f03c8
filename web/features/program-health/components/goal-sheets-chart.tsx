import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '../../../components/ui/card.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import type { ProgramHealth } from '../api/get-program-health.ts';
import { goalSheetSummary } from './health-words.ts';
import { useChartColors } from './use-chart-colors.ts';
import type { ChartColors } from './use-chart-colors.ts';

const BARS: { key: 'onTime' | 'late' | 'overdue' | 'notYetDue'; label: string; meaning: string; colour: keyof ChartColors }[] = [
  { key: 'onTime', label: 'On time', meaning: 'first sent by the end of the due date', colour: '--success' },
  { key: 'late', label: 'Late', meaning: 'first sent after the due date', colour: '--warning' },
  { key: 'overdue', label: 'Overdue', meaning: 'never sent, and the due date has passed', colour: '--danger' },
  { key: 'notYetDue', label: 'Not yet due', meaning: 'not sent yet, and still time', colour: '--primary' },
];

/**
 * Goal sheets against their deadline, as bars with their numbers on top; the same numbers in a
 * sentence and in a table, so nothing is said by the chart alone.
 */
export function GoalSheetsChart({ health }: { health: ProgramHealth }) {
  const colors = useChartColors();
  const g = health.goalSheets;
  const data = BARS.map((b) => ({ label: b.label, value: g[b.key], fill: colors[b.colour] }));
  return (
    <Card title="Goal sheets" className="health-card">
      <figure className="health-figure">
        <figcaption className="health-figure__caption">
          Goal sheets of the active matches, by when they were first sent against the deadline.
        </figcaption>
        {/* Hidden from screen readers: the sentence and the table below say the same. */}
        <div className="health-chart" aria-hidden="true">
          <BarChart
            responsive
            style={{ width: '100%', height: 240 }}
            data={data}
            accessibilityLayer={false}
            margin={{ top: 24, right: 8, bottom: 0, left: 0 }}
          >
            <CartesianGrid vertical={false} stroke={colors['--border']} />
            <XAxis
              dataKey="label"
              interval={0}
              tickLine={false}
              stroke={colors['--muted']}
              tick={{ fill: colors['--text'], fontSize: 13 }}
            />
            <YAxis allowDecimals={false} width={36} stroke={colors['--muted']} tick={{ fill: colors['--text'], fontSize: 13 }} />
            <Tooltip
              cursor={{ fill: colors['--border'], fillOpacity: 0.35 }}
              contentStyle={{ background: colors['--surface'], borderColor: colors['--border'], color: colors['--text'] }}
              itemStyle={{ color: colors['--text'] }}
              formatter={(value) => [String(value), 'Goal sheets']}
            />
            <Bar dataKey="value" isAnimationActive={false} maxBarSize={72}>
              {data.map((d) => (
                <Cell key={d.label} fill={d.fill} />
              ))}
              <LabelList dataKey="value" position="top" fill={colors['--text']} />
            </Bar>
          </BarChart>
        </div>
        <p>{goalSheetSummary(health)}</p>
        <details className="health-numbers">
          <summary>
            Show the numbers<span className="visually-hidden"> for goal sheets</span>
          </summary>
          <TableWrap label="Goal sheets, as numbers">
            <table>
              <caption className="visually-hidden">Goal sheets of the active matches</caption>
              <thead>
                <tr>
                  <th scope="col">Goal sheets</th>
                  <th scope="col">What it means</th>
                  <th scope="col">Matches</th>
                </tr>
              </thead>
              <tbody>
                {BARS.map((b) => (
                  <tr key={b.key}>
                    <th scope="row">{b.label}</th>
                    <td>{b.meaning}</td>
                    <td>{g[b.key]}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Acknowledged</th>
                  <td>the program office has confirmed them</td>
                  <td>{g.acknowledged}</td>
                </tr>
                <tr>
                  <th scope="row">Waiting for review</th>
                  <td>sent, not yet acknowledged or returned</td>
                  <td>{g.awaitingReview}</td>
                </tr>
                <tr>
                  <th scope="row">Returned for changes</th>
                  <td>sent back to the pair, not sent again yet</td>
                  <td>{g.returned}</td>
                </tr>
              </tbody>
            </table>
          </TableWrap>
        </details>
      </figure>
    </Card>
  );
}
