import { useEffect } from 'react';
import { useSetupStatus } from './reads/setup-status.ts';

/** The tab title: the page, then the program's name ("Tandem" only until the program has one). */
export function documentTitle(title: string, programName: string | null | undefined): string {
  const suffix = programName || 'Tandem';
  return title ? `${title} · ${suffix}` : suffix;
}

/** Sets the browser tab title for the current page, e.g. "People · Youth Services Mentoring Program". */
export function useDocumentTitle(title: string): void {
  const programName = useSetupStatus().data?.programName;
  useEffect(() => {
    document.title = documentTitle(title, programName);
  }, [title, programName]);
}
