import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button } from './button.tsx';

interface ListSearchFormProps {
  /** The form's accessible name, e.g. "Find people". */
  label: string;
  /** The search text is sent with the form (Enter or the button); the choices apply at once. */
  onSearch: () => void;
  /** The search field and the choices, side by side. */
  children: ReactNode;
  /** Under the row: checkboxes and the like. */
  below?: ReactNode;
  submitLabel?: string;
  /** The button back to the whole list; null while nothing narrows it. */
  clear: { label: string; onClear: () => void } | null;
  rowClassName?: string;
}

/**
 * The search form above each long list (people, applications, matches, goal sheets, reminders,
 * the outbox, the audit log, a run's pairs), so they look and behave alike: a search landmark,
 * one row of fields, a submit button and a way back to everything.
 */
export function ListSearchForm({ label, onSearch, children, below, submitLabel = 'Search', clear, rowClassName }: ListSearchFormProps) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSearch();
  };
  return (
    <form className="form" role="search" aria-label={label} onSubmit={submit}>
      <div className={rowClassName ? `form-row ${rowClassName}` : 'form-row'}>{children}</div>
      {below}
      <div className="form-actions">
        <Button type="submit" variant="secondary">
          {submitLabel}
        </Button>
        {clear ? (
          <Button variant="secondary" onClick={clear.onClear}>
            {clear.label}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * A list's search text as typed (applied only when the form is sent) and `apply`, which changes
 * the choices at once and takes the typed text along with them.
 */
export function useSearchText<F extends { q?: string | undefined }>(filters: F, onChange: (next: F) => void) {
  const [q, setQ] = useState(filters.q ?? '');
  const apply = (changes: Partial<F>) => onChange({ ...filters, q: q.trim() || undefined, ...changes });
  return { q, setQ, apply };
}
