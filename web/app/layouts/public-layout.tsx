import { Outlet } from 'react-router';
import { Shell } from '../shell.tsx';
import { useProgramName } from '../use-program-name.ts';

/** Pages for people who are not signed in: setup, sign-in, password reset, invitations. */
export function PublicLayout() {
  const programName = useProgramName();
  return (
    <Shell programName={programName} narrow>
      <Outlet />
    </Shell>
  );
}
