import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface ShellProps {
  programName: string;
  /** The main navigation in the header (a short bar). */
  nav?: ReactNode;
  /** The main navigation beside the page (staff's sidebar on wide screens). */
  sidebar?: ReactNode;
  userArea?: ReactNode;
  narrow?: boolean;
  children: ReactNode;
}

function Mark() {
  return (
    <svg className="brand__mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle className="brand__mark-a" cx="11" cy="16" r="8" />
      <circle className="brand__mark-b" cx="21" cy="16" r="8" />
    </svg>
  );
}

/** The frame around every page: skip link, header, main landmark, footer. */
export function Shell({ programName, nav, sidebar, userArea, narrow, children }: ShellProps) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <Mark />
            <span>{programName}</span>
          </Link>
          {nav}
          {userArea}
        </div>
      </header>
      <div className={sidebar ? 'site-frame site-frame--sidebar' : 'site-frame'}>
        {sidebar}
        <main id="main" tabIndex={-1} className={narrow ? 'site-main site-main--narrow' : 'site-main'}>
          {children}
        </main>
      </div>
      <footer className="site-footer">
        <p>Powered by Tandem, open-source software for mentoring programs.</p>
      </footer>
    </>
  );
}
