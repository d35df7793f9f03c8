import { Link } from 'react-router';

/** Staff go back to the period page; the committee, who can't open it, to the review list. */
export function ReviewBreadcrumb({
  periodId,
  periodName,
  canManagePeriods,
  extra,
}: {
  periodId: number;
  periodName: string | undefined;
  canManagePeriods: boolean;
  extra?: { to: string; label: string };
}) {
  return (
    <p className="breadcrumb">
      {extra ? (
        <Link to={extra.to}>← {extra.label}</Link>
      ) : canManagePeriods ? (
        <Link to={`/periods/${periodId}`}>← {periodName ?? 'The period'}</Link>
      ) : (
        <Link to="/review">← All periods</Link>
      )}
    </p>
  );
}
