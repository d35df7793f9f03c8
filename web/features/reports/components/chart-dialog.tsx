import { chartKey } from '../../../../src/shared/api/reports.ts';
import { ChartDataView } from '../../../components/chart-data-view.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useChartOptions } from '../api/get-chart-options.ts';
import type { ChartOption } from '../api/get-chart-options.ts';
import { ReportDialog } from './report-dialog.tsx';

/**
 * Lists the charts a report can show for its period, grouped (the program's figures, then each
 * survey), each with a preview of its current numbers. A chart whose groups are too small to show
 * is listed with the reason and cannot be chosen.
 */
export function ChartDialog({
  periodId,
  open,
  onClose,
  onPick,
}: {
  periodId: number;
  open: boolean;
  onClose: () => void;
  onPick: (option: ChartOption) => void;
}) {
  const options = useChartOptions(periodId, open);
  const groups = new Map<string, ChartOption[]>();
  for (const o of options.data ?? []) groups.set(o.group, [...(groups.get(o.group) ?? []), o]);
  return (
    <ReportDialog open={open} title="Insert a chart" onClose={onClose} wide>
      <p className="muted">
        A chart shows the latest numbers until the report is published; then they are frozen. Groups too small to show without pointing at
        someone are left out.
      </p>
      {options.isPending ? <Loading label="Loading the charts…" /> : null}
      {options.isError ? <LoadError error={options.error} what="the charts" onRetry={() => void options.refetch()} /> : null}
      {options.data?.length === 0 ? <p>There is nothing to chart for this period yet.</p> : null}
      {[...groups].map(([group, list]) => (
        <section key={group} className="chart-options" aria-label={group}>
          <h3>{group}</h3>
          <ul className="plain-list chart-options__list">
            {list.map((o) => (
              <ChartChoice key={chartKey(o.ref)} option={o} onPick={onPick} />
            ))}
          </ul>
        </section>
      ))}
    </ReportDialog>
  );
}

function ChartChoice({ option, onPick }: { option: ChartOption; onPick: (option: ChartOption) => void }) {
  const suppressed = option.data.suppressed;
  return (
    <li className="chart-option">
      <div className="card__header">
        <h4>{option.label}</h4>
        <Button small disabled={suppressed} onClick={() => onPick(option)}>
          Insert<span className="visually-hidden"> {option.label}</span>
        </Button>
      </div>
      {suppressed ? (
        <p className="muted">
          <strong>Can’t be inserted.</strong> {option.data.reason}
        </p>
      ) : (
        <ChartDataView data={option.data} />
      )}
    </li>
  );
}
