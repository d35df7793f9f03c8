import { Outlet } from 'react-router';
import type { Role } from '../../src/shared/roles.ts';
import { useMe } from '../lib/reads/me.ts';
import { NotAllowedPage } from './pages/not-allowed-page.tsx';

/** Renders the child routes only for people who hold one of these roles. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { data: me } = useMe();
  if (!me) return null;
  if (!me.roles.some((r) => roles.includes(r))) return <NotAllowedPage />;
  return <Outlet />;
}
