import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

interface PageProps {
  title: string;
  /** The tab title, when it should differ from the heading. */
  documentTitle?: string;
  intro?: ReactNode;
  /** Something above the heading, such as a link back to a list. */
  before?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * One page: sets the tab title and renders the page's only h1. The h1 takes
 * focus after each navigation (see the layout), so it can be focused by script.
 */
export function Page({ title, documentTitle, intro, before, actions, children }: PageProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <>
      <div className="page-header">
        {before}
        <div className="card__header">
          <h1 tabIndex={-1}>{title}</h1>
          {actions}
        </div>
        {intro ? <div className="page-header__intro">{intro}</div> : null}
      </div>
      {children}
    </>
  );
}
