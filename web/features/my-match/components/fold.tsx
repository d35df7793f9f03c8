import { useState } from 'react';
import type { ReactNode } from 'react';

interface FoldProps {
  /** The section's id: a next step or a link can point at it (#id), which opens it. */
  id: string;
  /** The words on the fold's button, e.g. "Goal sheet and dates". */
  title: string;
  /** A few words beside the title saying what's inside or where it stands, e.g. "Draft, due in 12 days". */
  hint?: ReactNode;
  /** Open until the person folds it. Follows the data until they do (a section may become pressing once loaded). */
  defaultOpen: boolean;
  children: ReactNode;
}

/**
 * A part of the match page that folds (a native <details>: the browser gives it its keyboard
 * handling and tells screen readers whether it is open). The most-used parts start open, the
 * rest closed; opening one from a link to #id is the page's job (see openFoldFor).
 */
export function Fold({ id, title, hint, defaultOpen, children }: FoldProps) {
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? defaultOpen;
  return (
    <details id={id} className="fold" open={open} onToggle={(e) => setChosen(e.currentTarget.open)}>
      <summary className="fold__summary">
        <span className="fold__title">{title}</span>
        {hint ? <span className="fold__hint">{hint}</span> : null}
      </summary>
      <div className="fold__body">{children}</div>
    </details>
  );
}

/** Opens the fold with this id (and scrolls to it), for a link to a section of the same page. */
export function openFoldFor(hash: string): void {
  const id = hash.replace(/^#/, '');
  if (!id) return;
  const el = document.getElementById(id);
  if (!(el instanceof HTMLDetailsElement)) return;
  el.open = true;
  el.scrollIntoView({ block: 'start' });
  el.querySelector('summary')?.focus();
}
