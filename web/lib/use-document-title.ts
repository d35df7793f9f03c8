import { useEffect } from 'react';

const SUFFIX = 'Tandem';

/** Sets the browser tab title for the current page, e.g. "People · Tandem". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${SUFFIX}` : SUFFIX;
  }, [title]);
}
