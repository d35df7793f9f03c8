import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../lib/reads/me.ts';
import { clearSession, useSignOut } from '../../features/auth/api/sign-out.ts';
import { useChoiceNav } from '../../features/mentor-choice/components/use-choice-nav.ts';
import { Button } from '../../components/ui/button.tsx';
import { Loading } from '../../components/ui/query-status.tsx';
import { Shell } from '../shell.tsx';
import { useProgramName } from '../use-program-name.ts';
import { navGroupsFor } from '../nav-items.ts';
import { MainNav } from './main-nav.tsx';

export function SignedInLayout() {
  const programName = useProgramName();
  const { data: me } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const choice = useChoiceNav(me?.roles ?? []);

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
  // Staff have many pages: a grouped sidebar. Everyone else keeps a short bar in the header.
  const isStaff = me?.roles.includes('staff') ?? false;
  const nav = <MainNav groups={groups} variant={isStaff ? 'sidebar' : 'bar'} />;
  return (
    <Shell
      programName={programName}
      {...(isStaff ? { sidebar: nav } : { nav })}
      userArea={
        me ? (
          <div className="site-header__user">
            <Link to="/account" className="site-header__name">
              <span className="visually-hidden">Your account: </span>
              {me.name}
            </Link>
            <Button variant="secondary" small onClick={handleSignOut} busy={signOut.isPending}>
              Sign out
            </Button>
          </div>
        ) : null
      }
    >
      {me ? <Outlet /> : <Loading />}
    </Shell>
  );
}
