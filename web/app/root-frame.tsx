import { Outlet } from 'react-router';
import { useFocusHeadingOnNavigate } from './use-focus-heading-on-navigate.ts';

/** Above every layout, so focus moves to the new heading even when the layout changes (sign-in → home). */
export function RootFrame() {
  useFocusHeadingOnNavigate();
  return <Outlet />;
}
