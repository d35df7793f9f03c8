import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PERIOD_STATUS_LABELS } from '../../../../src/shared/period-status.ts';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { usePeriods } from '../../../lib/reads/periods.ts';
import { HEALTH_PAGE, useProgramHealth } from '../api/get-program-health.ts';
import { ContactsChart } from './contacts-chart.tsx';
import { EventsChart } from './events-chart.tsx';
import { GoalSheetsChart } from './goal-sheets-chart.tsx';
import { HealthSummary } from './health-summary.tsx';
import { defaultPeriodId } from './health-words.ts';
import { NeedsAttention } from './needs-attention.tsx';

const INTRO =
  'Which matches need a nudge, and how the period is going: goal sheets against their deadline, how often pairs keep in touch and who came to the cohort’s events.';

/** Staff: one period's health. The chosen period is in the address (?period=3), so it can be shared and reloaded. */
export function HealthPage() {
  const periods = usePeriods();
  const [params, setParams] = useSearchParams();
  const list = periods.data ?? [];
  const asked = Number(params.get('period'));
  const periodId = list.some((p) => p.id === asked) ? asked : defaultPeriodId(list);
  // How many of the matches needing attention to list: a screenful, more on asking; per period.
  const [listed, setListed] = useState({ periodId, limit: HEALTH_PAGE });
  const limit = listed.periodId === periodId ? listed.limit : HEALTH_PAGE;
  const health = useProgramHealth(periodId, limit);

  if (periods.isError) {
    return (
      <Page title="Program health" intro={<p>{INTRO}</p>}>
        <LoadError error={periods.error} what="the periods" onRetry={() => void periods.refetch()} />
      </Page>
    );
  }
  if (periods.isPending) {
    return (
      <Page title="Program health" intro={<p>{INTRO}</p>}>
        <Loading label="Loading the periods…" />
      </Page>
    );
  }
  if (periodId === null) {
    return (
      <Page title="Program health" intro={<p>{INTRO}</p>}>
        <p>
          There are no periods yet. <Link to="/periods">Set up a program year</Link> and approve its matches; their health shows up here.
        </p>
      </Page>
    );
  }

  const shown = health.data && health.data.period.id === periodId ? health.data : undefined;
  return (
    <Page title="Program health" intro={<p>{INTRO}</p>}>
      <p>
        <Link to={`/liaisons?period=${periodId}`}>Liaisons: who looks after each pair</Link>
      </p>
      <div className="health-period">
        <SelectField
          label="Period"
          value={String(periodId)}
          options={list.map((p) => ({ value: String(p.id), label: `${p.name} (${PERIOD_STATUS_LABELS[p.status]})` }))}
          onChange={(v) => {
            setListed({ periodId: Number(v), limit: HEALTH_PAGE });
            setParams({ period: v }, { replace: true });
          }}
        />
      </div>
      {health.isError ? <LoadError error={health.error} what="this period’s health" onRetry={() => void health.refetch()} /> : null}
      {!shown && !health.isError ? <Loading label="Working out the period’s health…" /> : null}
      {shown ? (
        <div aria-busy={health.isFetching || undefined}>
          <p className="muted small">
            As of {formatDate(shown.today)}, in the program’s time zone ({shown.timeZone.replaceAll('_', ' ')}).
          </p>
          <HealthSummary health={shown} />
          <div className="health-charts">
            <GoalSheetsChart health={shown} />
            <ContactsChart health={shown} />
          </div>
          <NeedsAttention
            health={shown}
            loadingMore={health.isFetching && shown.matches.length < limit}
            onShowMore={(more) => setListed({ periodId, limit: limit + more })}
          />
          <EventsChart health={shown} />
        </div>
      ) : null}
    </Page>
  );
}
