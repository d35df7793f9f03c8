import { Link } from 'react-router';
import { PERIOD_STATUS_LABELS } from '../../../../src/shared/period-status.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { usePeriods } from '../../../lib/reads/periods.ts';

/** Staff and the committee: every period with its applications and matching workspace. */
export function ReviewPage() {
  const periods = usePeriods();
  const shown = periods.data?.filter((p) => p.status !== 'draft') ?? [];
  return (
    <Page
      title="Applications and matching"
      intro={<p>Review the applications for a period, then pair mentors and mentees in its matching workspace.</p>}
    >
      <Card title="Periods">
        {periods.isPending ? <Loading label="Loading periods…" /> : null}
        {periods.isError ? <LoadError error={periods.error} what="the periods" onRetry={() => void periods.refetch()} /> : null}
        {periods.data && shown.length === 0 ? <p>No period has opened for applications yet.</p> : null}
        {shown.length > 0 ? (
          <TableWrap label="Periods">
            <table>
              <caption className="visually-hidden">Periods</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Status</th>
                  <th scope="col">Applications close</th>
                  <th scope="col">Review</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>
                      <Badge tone={p.status === 'matching' ? 'warning' : p.status === 'applications_open' ? 'info' : 'neutral'}>
                        {PERIOD_STATUS_LABELS[p.status]}
                      </Badge>
                    </td>
                    <td className="nowrap">{formatDate(p.applicationsCloseOn)}</td>
                    <td className="cell-actions">
                      <Link to={`/periods/${p.id}/applications`}>
                        Applications<span className="visually-hidden"> for {p.name}</span>
                      </Link>
                      <Link to={`/periods/${p.id}/matching`}>
                        Matching<span className="visually-hidden"> for {p.name}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </Card>
    </Page>
  );
}
