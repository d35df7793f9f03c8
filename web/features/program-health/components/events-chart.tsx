import { Link } from 'react-router';
import { Bar, BarChart } from 'recharts';
import { EVENT_KIND_LABELS } from '../../../../src/shared/events.ts';
import type { EventKind } from '../../../../src/shared/events.ts';
import { Card } from '../../../components/ui/card.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import type { ProgramHealth } from '../api/get-program-health.ts';
import { HealthChart } from './health-chart.tsx';
import { attendanceRate, dayIn, eventsSummary, weekTick } from './health-words.ts';
import { useChartColors } from './use-chart-colors.ts';

const kindLabel = (kind: string): string => EVENT_KIND_LABELS[kind as EventKind] ?? kind;

/**
 * The forums, trainings and meet-ups the cohort was invited to: invited, said yes and attended
 * per event as grouped bars (an outline, then two solid colours, in the legend's order). The
 * sentence and the table say the same in words, with "not recorded" where attendance was never
 * taken rather than a misleading 0.
 */
export function EventsChart({ health }: { health: ProgramHealth }) {
  const colors = useChartColors();
  const events = health.events;
  const data = events.map((e) => {
    const day = dayIn(e.startsAt, health.timeZone);
    return {
      key: e.id,
      tick: weekTick(day),
      title: `${e.title} (${formatDate(day)})`,
      invited: e.invited,
      yes: e.yes,
      attended: e.attendanceTaken ? e.attended : null,
    };
  });
  return (
    <Card title="Events and attendance" className="health-card">
      {events.length === 0 ? (
        <p>{eventsSummary(events)}</p>
      ) : (
        <figure className="health-figure">
          <figcaption className="health-figure__caption">
            Forums, trainings and meet-ups the cohort was invited to that have taken place, oldest first. An event without an attended bar
            had no attendance recorded.
          </figcaption>
          <HealthChart
            chart={BarChart}
            colors={colors}
            data={data}
            xKey="tick"
            tooltip={{
              labelFormatter: (label, payload) => {
                const row: unknown = payload[0]?.payload;
                return row && typeof row === 'object' && 'title' in row ? String(row.title) : String(label);
              },
              formatter: (value, name) => [value === null || value === undefined ? 'not recorded' : String(value), name],
            }}
            legend={
              <ul className="chart-legend">
                <li>
                  <span
                    className="chart-legend__bar"
                    style={{ background: colors['--surface'], border: `2px solid ${colors['--muted']}` }}
                  />{' '}
                  Invited (outline)
                </li>
                <li>
                  <span className="chart-legend__bar" style={{ background: colors['--primary'] }} /> Said yes
                </li>
                <li>
                  <span className="chart-legend__bar" style={{ background: colors['--focus'] }} /> Attended
                </li>
              </ul>
            }
          >
            <Bar
              dataKey="invited"
              name="Invited"
              fill={colors['--surface']}
              stroke={colors['--muted']}
              strokeWidth={2}
              isAnimationActive={false}
              maxBarSize={28}
            />
            <Bar dataKey="yes" name="Said yes" fill={colors['--primary']} isAnimationActive={false} maxBarSize={28} />
            <Bar dataKey="attended" name="Attended" fill={colors['--focus']} isAnimationActive={false} maxBarSize={28} />
          </HealthChart>
          <p>{eventsSummary(events)}</p>
          <p className="muted small">Dates are in the program’s time zone.</p>
          <TableWrap label="Events and attendance, as numbers">
            <table className="health-table table--cards">
              <caption className="visually-hidden">Events the cohort was invited to, oldest first, with attendance</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Date</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Invited</th>
                  <th scope="col">Said yes</th>
                  <th scope="col">Attended</th>
                  <th scope="col">Attendance rate</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => {
                  const rate = attendanceRate(e);
                  return (
                    <tr key={e.id}>
                      <th scope="row">
                        <Link to={`/events/${e.id}`}>{e.title}</Link>
                      </th>
                      <td className="nowrap" data-label="Date">
                        {formatDate(dayIn(e.startsAt, health.timeZone))}
                      </td>
                      <td data-label="Kind">{kindLabel(e.kind)}</td>
                      <td data-label="Invited">{e.invited}</td>
                      <td data-label="Said yes">{e.yes}</td>
                      <td data-label="Attended">{e.attendanceTaken ? e.attended : <span className="muted">Not recorded</span>}</td>
                      <td data-label="Attendance rate">
                        {rate !== null ? (
                          `${rate}%`
                        ) : (
                          <span className="muted">{e.attendanceTaken ? 'No one invited' : 'Not recorded'}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </figure>
      )}
    </Card>
  );
}
