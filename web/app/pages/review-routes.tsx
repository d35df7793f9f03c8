import { useMe } from '../../lib/reads/me.ts';
import { ApplicationReviewPage } from '../../features/applications/components/application-review-page.tsx';
import { ApplicationsPage } from '../../features/applications/components/applications-page.tsx';
import { ImportPage } from '../../features/applications/components/import-page.tsx';
import { MatchingPage } from '../../features/matching/components/matching-page.tsx';

// The review pages serve staff and the committee alike; only staff may open the period pages,
// so each page is told which way "back" goes and whether to offer the period's status change.

function useCanManagePeriods(): boolean {
  const { data: me } = useMe();
  return me?.roles.includes('staff') ?? false;
}

export function ApplicationsRoute() {
  return <ApplicationsPage canManagePeriods={useCanManagePeriods()} />;
}

export function ApplicationReviewRoute() {
  return <ApplicationReviewPage canManagePeriods={useCanManagePeriods()} />;
}

export function ImportRoute() {
  return <ImportPage canManagePeriods={useCanManagePeriods()} />;
}

export function MatchingRoute() {
  return <MatchingPage canManagePeriods={useCanManagePeriods()} />;
}
