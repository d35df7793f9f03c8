import { Bar, BarChart, Cell, LabelList } from 'recharts';
import { Card } from '../../../components/ui/card.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import type { ProgramHealth } from '../api/get-program-health.ts';
import { HealthChart } from './health-chart.tsx';
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
        <HealthChart
          chart={BarChart}
          colors={colors}
          data={data}
          xKey="label"
          height={240}
          top={24}
          everyTick
          tooltip={{ formatter: (value) => [String(value), 'Goal sheets'] }}
        >
          <Bar dataKey="value" isAnimationActive={false} maxBarSize={72}>
            {data.map((d) => (
              <Cell key={d.label} fill={d.fill} />
            ))}
            <LabelList dataKey="value" position="top" fill={colors['--text']} />
          </Bar>
        </HealthChart>
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
