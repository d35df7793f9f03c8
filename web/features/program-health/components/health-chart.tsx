import type { ComponentProps, ReactNode } from 'react';
import { CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarChart, ComposedChart } from 'recharts';
import type { ChartColors } from './use-chart-colors.ts';

type TooltipWording = Pick<ComponentProps<typeof Tooltip>, 'labelFormatter' | 'formatter'>;

/**
 * The frame every program-health chart shares: the size, grid, axes and tooltip in the
 * stylesheet's colours, with the series as children and the legend (if any) under the chart.
 * Hidden from screen readers: each chart's sentence and table say the same in words.
 */
export function HealthChart({
  chart: Chart,
  colors,
  data,
  xKey,
  height = 260,
  top = 12,
  everyTick = false,
  tooltip,
  legend,
  children,
}: {
  chart: typeof BarChart | typeof ComposedChart;
  colors: ChartColors;
  data: object[];
  /** The field of each row that labels the x axis. */
  xKey: string;
  height?: number;
  /** Room above the tallest bar (for numbers on top of the bars). */
  top?: number;
  /** Label every tick (a few categories) rather than thinning them when they crowd (a time line). */
  everyTick?: boolean;
  tooltip?: TooltipWording;
  legend?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="health-chart" aria-hidden="true">
      <Chart
        responsive
        style={{ width: '100%', height }}
        data={data}
        accessibilityLayer={false}
        margin={{ top, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid vertical={false} stroke={colors['--border']} />
        <XAxis
          dataKey={xKey}
          {...(everyTick ? { interval: 0 } : { minTickGap: 12 })}
          tickLine={false}
          stroke={colors['--muted']}
          tick={{ fill: colors['--text'], fontSize: 13 }}
        />
        <YAxis allowDecimals={false} width={36} stroke={colors['--muted']} tick={{ fill: colors['--text'], fontSize: 13 }} />
        <Tooltip
          cursor={{ fill: colors['--border'], fillOpacity: 0.35 }}
          contentStyle={{ background: colors['--surface'], borderColor: colors['--border'], color: colors['--text'] }}
          itemStyle={{ color: colors['--text'] }}
          {...tooltip}
        />
        {children}
      </Chart>
      {legend}
    </div>
  );
}
