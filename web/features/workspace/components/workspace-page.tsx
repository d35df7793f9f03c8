import { Link, useSearchParams } from 'react-router';
import { PERIOD_STATUS_LABELS } from '../../../../src/shared/period-status.ts';
import { ChartDataView } from '../../../components/chart-data-view.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { usePeriods } from '../../../lib/reads/periods.ts';
import { useProgramFigures } from '../api/get-program-figures.ts';
import type { ProgramFigures } from '../api/get-program-figures.ts';
import { AcrossYears } from './across-years.tsx';

function Figures({ figures }: { figures: ProgramFigures }) {
  const hidden = figures.figures.filter((f) => f.data.suppressed).length;
  return (
    <>
      {hidden === figures.figures.length ? (
        <Alert tone="info" announce={false} title="Every figure is hidden for this period">
          <p>
            Too few people are counted in each figure to show them without someone being recognised: every group must hold at least{' '}
            {figures.minGroupSize} people, also when one figure is subtracted from another. The figures appear once more people take part.
          </p>
        </Alert>
      ) : hidden > 0 ? (
        <p className="muted">
          {hidden === 1 ? 'One figure is' : `${hidden} figures are`} hidden below, each with the reason: a group there is smaller than{' '}
          {figures.minGroupSize} people, or could be worked out by subtraction.
        </p>
      ) : null}
      <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 30rem), 1fr))' }}>
        {figures.figures.map((f) => (
          <Card key={f.key} title={f.data.title}>
            <ChartDataView data={f.data} />
          </Card>
        ))}
      </div>
    </>
  );
}

/**
 * The advisory task force's workspace (staff see it too): the program's own figures for a period,
 * a way into each survey's results, and one survey question followed across years. Counts only:
 * no names, no e-mails, no one person's row.
 */
export function WorkspacePage() {
  const periods = usePeriods();
  const [params, setParams] = useSearchParams();
  const choices = (periods.data ?? []).filter((p) => p.status !== 'draft');
  const asked = Number(params.get('period'));
  // By default the newest period with matches to count (periods come newest first).
  const running = choices.find((p) => p.status === 'active' || p.status === 'evaluation' || p.status === 'closed');
  const periodId = choices.some((p) => p.id === asked) ? asked : (running?.id ?? choices[0]?.id ?? 0);
  const figures = useProgramFigures(periodId);

  return (
    <Page
      title="Task force workspace"
      intro={
        <p>
          The program’s own figures for each period and what participants said in the surveys, to review and to write the annual report
          from. Only counts are shown, never names, and any group too small to stay anonymous is hidden.
        </p>
      }
    >
      <Card title="Survey results">
        <p>
          Each survey’s answers, question by question, with breakdowns by role where the groups are big enough:{' '}
          <Link to="/survey-results">open the survey results</Link>.
        </p>
      </Card>

      <section aria-labelledby="workspace-figures" className="stack">
        <h2 id="workspace-figures">The program in numbers</h2>
        {periods.isPending ? <Loading label="Loading the periods…" /> : null}
        {periods.isError ? <LoadError error={periods.error} onRetry={() => void periods.refetch()} what="the periods" /> : null}
        {periods.isSuccess && choices.length === 0 ? <p className="muted">There is no period with figures yet.</p> : null}
        {choices.length > 0 ? (
          <SelectField
            label="Period"
            value={String(periodId)}
            options={choices.map((p) => ({ value: String(p.id), label: `${p.name} (${PERIOD_STATUS_LABELS[p.status]})` }))}
            onChange={(value) => setParams({ period: value }, { replace: true })}
          />
        ) : null}
        {periodId > 0 && figures.isPending ? <Loading label="Counting…" /> : null}
        {figures.isError ? <LoadError error={figures.error} onRetry={() => void figures.refetch()} what="the figures" /> : null}
        {figures.data ? <Figures figures={figures.data} /> : null}
      </section>

      <AcrossYears />
    </Page>
  );
}
