import { lazy, Suspense, useEffect } from 'react';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../lib/reads/me.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import type { Settings } from '../../lib/reads/settings.ts';
import { MenteeWelcome } from '../../features/home/components/mentee-welcome.tsx';
import { MentorWelcome } from '../../features/home/components/mentor-welcome.tsx';
import { Page } from '../../components/ui/page.tsx';

// The cards wait for their own data before they show anything, so their code need not come first:
// it loads once the page has rendered its heading and welcome, and the cards then fetch their data.
// What only staff, the committee or the task force see loads for them only. This keeps a
// participant's first page small (issue #16).
const HomeCards = lazy(() => import('./home-cards.tsx'));
const StaffOverview = lazy(() => import('./staff-overview.tsx'));
const CommitteeSection = lazy(() => import('./committee-section.tsx'));
const TaskforceWelcome = lazy(async () => ({
  default: (await import('../../features/home/components/taskforce-welcome.tsx')).TaskforceWelcome,
}));

/**
 * The program's facts the welcome quotes (goals, deadlines, contacts) come with the settings, which
 * arrive after the first render in any case: so their code (the settings' schema) loads after the
 * page too. This reads them from the cache, and fills the cache once that code is in.
 */
function useProgramFactsAfterFirstRender(): Settings | undefined {
  const queryClient = useQueryClient();
  useEffect(() => {
    import('../../lib/reads/settings.ts')
      .then(({ settingsQueryOptions }) => queryClient.prefetchQuery(settingsQueryOptions()))
      // Without them the welcome keeps its general wording.
      .catch(() => undefined);
  }, [queryClient]);
  return useQuery<Settings>({ queryKey: queryKeys.settings, queryFn: skipToken }).data;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * The home page: one section per role the person holds. An applicant holds no participant role
 * until accepted, so their home is their applications and what happens next.
 */
export function HomePage() {
  const { data: me } = useMe();
  const facts = useProgramFactsAfterFirstRender();
  if (!me) return null;
  const roles = new Set(me.roles);

  return (
    <Page title={`Welcome, ${firstName(me.name)}`} documentTitle="Home">
      {/* One boundary: what loads on demand appears at once, not piece by piece. */}
      <Suspense fallback={null}>
        {roles.has('staff') ? <StaffOverview /> : null}
        <HomeCards roles={roles} />
        {roles.has('committee') ? <CommitteeSection /> : null}
        {roles.has('taskforce') ? <TaskforceWelcome /> : null}
      </Suspense>
      {roles.has('mentor') ? <MentorWelcome facts={facts} /> : null}
      {roles.has('mentee') ? <MenteeWelcome facts={facts} /> : null}
    </Page>
  );
}
