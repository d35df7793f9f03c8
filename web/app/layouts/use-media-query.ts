import { useSyncExternalStore } from 'react';

/**
 * Whether a CSS media query matches now, kept current as the window resizes. For the few layout
 * choices CSS cannot make alone, such as which landmark the staff menu sits in.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
