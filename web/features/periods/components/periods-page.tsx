import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { useCreatePeriod } from '../api/create-period.ts';
import { usePeriods } from '../../../lib/reads/periods.ts';
import { PeriodForm } from './period-form.tsx';
import type { PeriodFormValues } from './period-form.tsx';
import { PeriodStatusBadge } from './period-status-badge.tsx';

const EMPTY: PeriodFormValues = {
  name: '',
  matchingMode: 'committee',
  applicationsOpenOn: '',
  applicationsCloseOn: '',
  matchesAnnouncedOn: '',
  programEndsOn: '',
  surveyOpensOn: '',
  surveyClosesOn: '',
};

function PeriodList() {
  const periods = usePeriods();
  if (periods.isPending) return <Loading label="Loading periods…" />;
  if (periods.isError) return <LoadError error={periods.error} what="the periods" onRetry={() => void periods.refetch()} />;
  if (periods.data.length === 0) {
    return <p>No periods yet. Create your first program year below; it starts as a draft, so nothing is announced until you’re ready.</p>;
  }
  return (
    <TableWrap label="Periods">
      <table>
        <caption className="visually-hidden">Periods</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Applications</th>
            <th scope="col">Matches announced</th>
            <th scope="col">Program ends</th>
          </tr>
        </thead>
        <tbody>
          {periods.data.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/periods/${p.id}`}>{p.name}</Link>
              </th>
              <td>
                <PeriodStatusBadge status={p.status} />
              </td>
              <td>
                {formatDate(p.applicationsOpenOn)} to {formatDate(p.applicationsCloseOn)}
              </td>
              <td>{formatDate(p.matchesAnnouncedOn)}</td>
              <td>{formatDate(p.programEndsOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function PeriodsPage() {
  const create = useCreatePeriod();
  const [created, setCreated] = useState<{ id: number; name: string } | null>(null);
  return (
    <Page
      title="Periods"
      intro={
        <p>
          A period is one round of the program, from applications to the final survey. Each moves through draft, applications open,
          matching, active, evaluation and closed.
        </p>
      }
    >
      <Card title="All periods">
        <PeriodList />
      </Card>
      <Card title="Create a period">
        {created ? (
          <Alert tone="success">
            <Link to={`/periods/${created.id}`}>{created.name}</Link> has been created as a draft.
          </Alert>
        ) : null}
        <PeriodForm
          label="Create a period"
          initial={EMPTY}
          submitLabel="Create period"
          busy={create.isPending}
          error={create.error}
          resetOnSuccess
          onSubmit={async (values) => {
            setCreated(null);
            const period = await create.mutateAsync(values);
            setCreated({ id: period.id, name: period.name });
          }}
        />
      </Card>
    </Page>
  );
}
