import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { currentNavItem } from '../nav-items.ts';
import type { NavGroup } from '../nav-items.ts';

/**
 * The "Main" navigation. Staff get it as a grouped sidebar on wide screens, everyone else as a
 * short bar in the header; on a phone both fold behind a Menu button (the CSS decides when, so the
 * links are the same ones in every layout). The current page is the item whose route matches
 * the URL best, not the first whose path is a prefix of it.
 */
export function MainNav({ groups, variant }: { groups: readonly NavGroup[]; variant: 'sidebar' | 'bar' }) {
  const { pathname } = useLocation();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Open only on the page where it was opened: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const current = currentNavItem(
    groups.flatMap((g) => g.items),
    pathname,
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpenOn(null);
    buttonRef.current?.focus();
  };

  return (
    <nav className={`site-nav site-nav--${variant}`} aria-label="Main" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="site-nav__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
          <path d="M2 4h14M2 9h14M2 14h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="site-nav__toggle-text">Menu</span>
      </button>
      <div id={panelId} className={open ? 'site-nav__panel site-nav__panel--open' : 'site-nav__panel'}>
        {groups.map((group, index) => {
          const labelId = `${panelId}-group-${index}`;
          return (
            <div className="site-nav__group" key={group.label ?? index}>
              {group.label ? (
                <span className="site-nav__group-label" id={labelId}>
                  {group.label}
                </span>
              ) : null}
              <ul aria-labelledby={group.label ? labelId : undefined}>
                {group.items.map((item) => (
                  <li key={item.to}>
                    <Link to={item.to} aria-current={item === current ? 'page' : undefined}>
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </nav>
  );
}
