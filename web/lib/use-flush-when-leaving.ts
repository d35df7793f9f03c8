import { useEffect } from 'react';

/**
 * Calls `flush` when the tab is hidden and when the page is being left (closed, reloaded or
 * navigated away from), so what the person typed is saved before a phone discards the tab.
 */
export function useFlushWhenLeaving(flush: () => unknown): void {
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [flush]);
}
