import { useMe } from '../../lib/reads/me.ts';
import { ApplyPage } from '../../features/apply/components/apply-page.tsx';

/** The application form, filled in for someone signed in. */
export function ApplyRoute() {
  const { data: me } = useMe();
  return <ApplyPage signedInAs={me ? { name: me.name, email: me.email } : null} />;
}
