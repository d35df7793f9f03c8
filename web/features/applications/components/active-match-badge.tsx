import { Badge } from '../../../components/ui/badge.tsx';
import type { Application } from '../api/get-application.ts';
import { activeMatchWarning } from './active-matches.ts';

/** In the applications list: this applicant is already in an active match (see active-matches.ts). */
export function ActiveMatchBadge({ application }: { application: Application }) {
  const warning = activeMatchWarning(application);
  return warning ? (
    <>
      {' '}
      <Badge tone="warning">{warning.badge}</Badge>
    </>
  ) : null;
}
