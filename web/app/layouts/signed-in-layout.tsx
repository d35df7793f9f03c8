import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../lib/reads/me.ts';
import { clearSession, useSignOut } from '../../features/auth/api/sign-out.ts';
import type { ChoiceNav } from '../../features/mentor-choice/components/use-choice-nav.ts';
import { Button } from '../../components/ui/button.tsx';
import { Loading } from '../../components/ui/query-status.tsx';
import { Shell } from '../shell.tsx';
import { useProgramName } from '../use-program-name.ts';
import { navGroupsFor } from '../nav-items.ts';
import { MainNav } from './main-nav.tsx';
import { useMediaQuery } from './use-media-query.ts';

/** From this width staff get their menu as a sidebar; below it, a Menu button in the header's one row. Matches styles.css. */
const SIDEBAR_QUERY = '(min-width: 64rem)';

// The participant-choice items ("Find a mentor", "Requests", "My card") wait for the periods and
// the mentee's suggestions; their code loads beside that data, not before the first page (issue #16).
const ChoiceNavProbe = lazy(() => import('../../features/mentor-choice/components/choice-nav-probe.tsx'));
const NO_CHOICE: ChoiceNav = { findMentor: false, requests: false, card: false };

export function SignedInLayout() {
  const programName = useProgramName();
  const { data: me } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const [choice, setChoice] = useState<ChoiceNav>(NO_CHOICE);
  const sidebarFits = useMediaQuery(SIDEBAR_QUERY);

  // While signing out, `me` becomes null on purpose: the sign-out handler does the navigating.
  const signingOut = signOut.status !== 'idle';
  if (me === null && !signingOut) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }

  const handleSignOut = () => {
    signOut.mutate(undefined, {
      onSettled: () => {
        clearSession(queryClient);
        void navigate('/sign-in', { replace: true, state: { signedOut: true } });
      },
    });
  };

  const groups = me
    ? navGroupsFor(me.roles, { findMentor: choice.findMentor, mentorRequests: choice.requests, mentorCard: choice.card })
    : [];
  // Staff have many pages: a grouped sidebar on wide screens; on narrower ones the same grouped
  // menu opens from a Menu button in the header, so the header stays one row. Everyone else keeps
  // a short bar in the header.
  const isStaff = me?.roles.includes('staff') ?? false;
  const participant = me ? me.roles.includes('mentor') || me.roles.includes('mentee') : false;
  const nav = <MainNav groups={groups} variant={isStaff ? 'sidebar' : 'bar'} />;
  return (
    <Shell
      programName={programName}
      {...(isStaff && sidebarFits ? { sidebar: nav } : { nav })}
      userArea={
        me ? (
          <div className="site-header__user">
            <Link to="/account" className="site-header__name">
              <svg className="site-header__account-icon" width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
                <path d="M4 21c0-4 3.6-6.5 8-6.5s8 2.5 8 6.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
              <span className="visually-hidden">Your account: </span>
              <span className="site-header__name-text">{me.name}</span>
            </Link>
            <Button variant="secondary" small onClick={handleSignOut} busy={signOut.isPending}>
              Sign out
            </Button>
          </div>
        ) : null
      }
    >
      {me ? <Outlet /> : <Loading />}
      {me && participant ? (
        <Suspense fallback={null}>
          <ChoiceNavProbe roles={me.roles} onChange={setChoice} />
        </Suspense>
      ) : null}
    </Shell>
  );
}
