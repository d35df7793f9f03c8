import { Link } from 'react-router';
import { PERIOD_STATUS_LABELS } from '../../../../src/shared/period-status.ts';
import { Loading } from '../../../components/ui/query-status.tsx';
import { usePeriods } from '../../../lib/reads/periods.ts';

/** Links to the applications and matching of the periods under review now, for the home page. */
export function CurrentReviewLinks() {
  const periods = usePeriods();
  if (periods.isPending) return <Loading label="Loading periods…" />;
  const current = (periods.data ?? []).filter((p) => p.status === 'applications_open' || p.status === 'matching');
  if (current.length === 0) {
    return (
      <p>
        No period is taking applications or being matched right now. <Link to="/review">See all periods</Link>
      </p>
    );
  }
  return (
    <ul className="plain-list item-list">
      {current.map((p) => (
        <li key={p.id}>
          <p>
            <strong>{p.name}</strong>: {PERIOD_STATUS_LABELS[p.status]}
          </p>
          <p className="form-actions">
            <Link to={`/periods/${p.id}/applications`}>Review applications for {p.name}</Link>
            <Link to={`/periods/${p.id}/matching`}>Match mentors and mentees for {p.name}</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
