import { Bar, ComposedChart, Line } from 'recharts';
import { Card } from '../../../components/ui/card.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import type { ProgramHealth } from '../api/get-program-health.ts';
import { HealthChart } from './health-chart.tsx';
import { contactsSummary, weekOf, weekTick } from './health-words.ts';
import { useChartColors } from './use-chart-colors.ts';

/**
 * Contacts logged per week (bars) and how many matches logged one (a line with dots): two shapes,
 * so the legend does not depend on colour. The sentence and the table say the same in words.
 */
export function ContactsChart({ health }: { health: ProgramHealth }) {
  const colors = useChartColors();
  const weeks = health.contactsPerWeek;
  const data = weeks.map((w) => ({ week: weekTick(w.weekStart), contacts: w.contacts, matches: w.matches }));
  return (
    <Card title="Contacts per week" className="health-card">
      <figure className="health-figure">
        <figcaption className="health-figure__caption">
          Contacts the pairs logged each week (Monday to Sunday), from the first match to today.
        </figcaption>
        {weeks.length > 0 ? (
          <HealthChart
            chart={ComposedChart}
            colors={colors}
            data={data}
            xKey="week"
            tooltip={{ labelFormatter: (label) => `Week of ${String(label)}` }}
            legend={
              <ul className="chart-legend">
                <li>
                  <span className="chart-legend__bar" style={{ background: colors['--primary'] }} /> Contacts logged (bars)
                </li>
                <li>
                  <span className="chart-legend__line" style={{ borderColor: colors['--focus'] }} /> Matches with a contact (line)
                </li>
              </ul>
            }
          >
            <Bar dataKey="contacts" name="Contacts logged" fill={colors['--primary']} isAnimationActive={false} maxBarSize={40} />
            <Line
              dataKey="matches"
              name="Matches with a contact"
              stroke={colors['--focus']}
              strokeWidth={2}
              dot={{ r: 4, fill: colors['--surface'], stroke: colors['--focus'], strokeWidth: 2 }}
              isAnimationActive={false}
            />
          </HealthChart>
        ) : null}
        <p>{contactsSummary(weeks)}</p>
        {weeks.length > 0 ? (
          <details className="health-numbers">
            <summary>
              Show the numbers<span className="visually-hidden"> for contacts per week</span>
            </summary>
            <TableWrap label="Contacts per week, as numbers">
              <table>
                <caption className="visually-hidden">Contacts per week</caption>
                <thead>
                  <tr>
                    <th scope="col">Week</th>
                    <th scope="col">Contacts logged</th>
                    <th scope="col">Matches with a contact</th>
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((w) => (
                    <tr key={w.weekStart}>
                      <th scope="row">{weekOf(w.weekStart).replace(/^week/, 'Week')}</th>
                      <td>{w.contacts}</td>
                      <td>{w.matches}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </details>
        ) : null}
      </figure>
    </Card>
  );
}
