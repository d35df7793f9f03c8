import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, move focus to the new page's heading so
 * screen-reader and keyboard users start at the top of the new content,
 * as they would after a full page load.
 */
export function useFocusHeadingOnNavigate(): void {
  const { pathname } = useLocation();
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (previous.current !== null && previous.current !== pathname) {
      const heading = document.querySelector<HTMLElement>('main h1');
      heading?.focus();
    }
    previous.current = pathname;
  }, [pathname]);
}
