import { useMe } from '../../lib/reads/me.ts';
import { PublicLayout } from './public-layout.tsx';
import { SignedInLayout } from './signed-in-layout.tsx';

/** The application form is public, but people who are signed in keep their own header and menu. */
export function ApplyLayout() {
  const { data: me } = useMe();
  return me ? <SignedInLayout /> : <PublicLayout />;
}
