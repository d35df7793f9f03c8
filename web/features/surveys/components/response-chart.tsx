import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SurveyProgress } from '../api/get-survey-progress.ts';
import { useChartColors } from './chart-colors.ts';

const dayTick = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const tickOf = (date: string) => dayTick.format(new Date(`${date}T00:00:00Z`));

/**
 * The share of people who have answered, day by day, as a line with dots. Hidden from screen
 * readers: the sentence and the table beside it say the same in words. Loaded on demand (recharts
 * is heavy, and only staff see it).
 */
export default function ResponseChart({ overTime }: { overTime: SurveyProgress['overTime'] }) {
  const colors = useChartColors();
  const data = overTime.map((d) => ({ day: tickOf(d.date), percent: Math.round(d.rate * 100), responded: d.responded }));
  return (
    <div className="health-chart" aria-hidden="true">
      <LineChart
        responsive
        style={{ width: '100%', height: 240 }}
        data={data}
        accessibilityLayer={false}
        margin={{ top: 12, right: 12, bottom: 0, left: 0 }}
      >
        <CartesianGrid vertical={false} stroke={colors['--border']} />
        <XAxis dataKey="day" minTickGap={12} tickLine={false} stroke={colors['--muted']} tick={{ fill: colors['--text'], fontSize: 13 }} />
        <YAxis
          domain={[0, 100]}
          unit="%"
          allowDecimals={false}
          width={48}
          stroke={colors['--muted']}
          tick={{ fill: colors['--text'], fontSize: 13 }}
        />
        <Tooltip
          contentStyle={{ background: colors['--surface'], borderColor: colors['--border'], color: colors['--text'] }}
          itemStyle={{ color: colors['--text'] }}
          formatter={(value, _name, item) => [
            `${String(value)}% (${String((item.payload as { responded: number }).responded)} people)`,
            'Answered',
          ]}
        />
        <Line
          dataKey="percent"
          name="Answered"
          stroke={colors['--primary']}
          strokeWidth={2}
          dot={{ r: 4, fill: colors['--surface'], stroke: colors['--primary'], strokeWidth: 2 }}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
