import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { isNarrowed } from '../../lib/list-filters.ts';
import type { ListFilters } from '../../lib/list-filters.ts';
import { Button } from './button.tsx';
import { TextField } from './field.tsx';

interface ClearAction {
  label: string;
  onClear: () => void;
}

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
  /** The button back to the whole list; null while nothing narrows it (see `useSearchText`'s `clearButton`). */
  clear: ClearAction | null;
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
 * The search field of a list of people or pairs, the same on every list. Its name says what is
 * searched: "Name or e-mail address" unless the list searches something else.
 */
export function SearchTextField({
  value,
  onChange,
  label = 'Name or e-mail address',
}: {
  value: string;
  onChange: (value: string) => void;
  label?: string;
}) {
  return <TextField label={label} type="search" value={value} onChange={onChange} autoComplete="off" maxLength={200} />;
}

/**
 * A list's search text as typed (applied only when the form is sent), `apply`, which changes the
 * choices at once and takes the typed text along with them, and `clearButton`, the form's `clear`.
 */
export function useSearchText<F extends { q?: string | undefined } & ListFilters<F>>(filters: F, onChange: (next: F) => void) {
  const [q, setQ] = useState(filters.q ?? '');
  const apply = (changes: Partial<F>) => onChange({ ...filters, q: q.trim() || undefined, ...changes });
  /**
   * While the list is `narrowed` (by default: while any filter goes in the address), a button that
   * empties the search text and goes back to `whole`: `{}`, or what the list keeps, such as its period.
   */
  const clearButton = (label: string, whole: F, narrowed = isNarrowed(filters)): ClearAction | null =>
    narrowed
      ? {
          label,
          onClear: () => {
            setQ('');
            onChange(whole);
          },
        }
      : null;
  return { q, setQ, apply, clearButton };
}
