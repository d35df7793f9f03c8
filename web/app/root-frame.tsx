import { Outlet, useNavigation } from 'react-router';
import { useFocusHeadingOnNavigate } from './use-focus-heading-on-navigate.ts';

/** Above every layout, so focus moves to the new heading even when the layout changes (sign-in → home). */
export function RootFrame() {
  useFocusHeadingOnNavigate();
  // Each page loads its code on the way to it (router.tsx): the current page stays meanwhile, and a
  // thin bar at the top says something is coming when that takes more than a moment (styles.css).
  const loading = useNavigation().state !== 'idle';
  return (
    <>
      {loading ? <div className="route-progress" aria-hidden="true" /> : null}
      <Outlet />
    </>
  );
}
