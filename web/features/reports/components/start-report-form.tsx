import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { ReportSummary } from '../../../../src/shared/api/reports.ts';
import { PERIOD_STATUS_LABELS } from '../../../../src/shared/period-status.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { usePeriods } from '../../../lib/reads/periods.ts';
import type { Period } from '../../../lib/reads/periods.ts';
import { useCreateReport } from '../api/create-report.ts';

/** The period a new report is most likely about: one being evaluated or under way, else the newest. */
function likelyPeriod(periods: readonly Period[]): Period | undefined {
  return periods.find((p) => p.status === 'evaluation') ?? periods.find((p) => p.status === 'active') ?? periods[0];
}

/** Starts a draft for a period, from the default outline or from a published report's sections. */
export function StartReportForm({ published, initialBasedOn }: { published: readonly ReportSummary[]; initialBasedOn?: number }) {
  const periods = usePeriods();
  if (periods.isPending) return <Loading label="Loading the periods…" />;
  if (periods.isError) return <LoadError error={periods.error} what="the periods" onRetry={() => void periods.refetch()} />;
  return <StartReportFields periods={periods.data} published={published} initialBasedOn={initialBasedOn} />;
}

function StartReportFields({
  periods,
  published,
  initialBasedOn,
}: {
  periods: readonly Period[];
  published: readonly ReportSummary[];
  initialBasedOn: number | undefined;
}) {
  const [periodId, setPeriodId] = useState(() => String(likelyPeriod(periods)?.id ?? ''));
  const [basedOn, setBasedOn] = useState(initialBasedOn ? String(initialBasedOn) : '');
  const create = useCreateReport();
  const navigate = useNavigate();

  if (periods.length === 0) {
    return (
      <Card title="Start a report">
        <p>A report is about one period of the program. There is no period yet.</p>
      </Card>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { periodId: Number(periodId), ...(basedOn ? { basedOnId: Number(basedOn) } : {}) },
      { onSuccess: (report) => void navigate(`/reports/${report.id}`) },
    );
  };
  return (
    <Card title="Start a report">
      <p className="muted">
        A new report starts as a draft with a suggested outline: the year in numbers, what participants said, what worked, what to change,
        and recommendations. You can also start from a report you published before and update it.
      </p>
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <form className="form" onSubmit={submit} aria-label="Start a report">
        <SelectField
          label="Period"
          value={periodId}
          options={periods.map((p) => ({ value: String(p.id), label: `${p.name} (${PERIOD_STATUS_LABELS[p.status]})` }))}
          onChange={setPeriodId}
        />
        {published.length > 0 ? (
          <SelectField
            label="Start from"
            value={basedOn}
            options={[
              { value: '', label: 'The suggested outline' },
              ...published.map((r) => ({ value: String(r.id), label: `${r.title} (${r.periodName})` })),
            ]}
            onChange={setBasedOn}
          />
        ) : null}
        <FormActions submitLabel="Start the report" busy={create.isPending} />
      </form>
    </Card>
  );
}
