import { useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { FieldLabel, FieldMessages, useFieldIds } from './field.tsx';
import { filterChoices } from './time-zone-choices.ts';

export interface ComboboxChoice {
  value: string;
  label: string;
  /** Lower-case text a search is matched against (see `searchable`). */
  search: string;
}

interface ComboboxProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
  /** null while the choices load. */
  choices: readonly ComboboxChoice[] | null;
  /** Shown in the box while the choices load. */
  loadingText: string;
  /** "No time zone matches …": what the list is of, for the message when nothing matches. */
  noun: string;
  /** Shows at most this many matches for a search (all of them before anything is typed). */
  maxMatches?: number;
}

/**
 * A searchable single choice (the ARIA 1.2 combobox pattern with a list box): type to filter, arrow
 * keys to move, Enter to choose, Escape to close. The box shows the chosen label while it isn't
 * being edited; leaving it without choosing keeps the earlier choice.
 */
export function Combobox({ label, hint, error, required, value, onChange, choices, loadingText, noun, maxMatches = 100 }: ComboboxProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint);
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const selected = choices?.find((c) => c.value === value);
  const shown = useMemo(() => {
    if (!open || !choices) return [];
    return query === null ? [...choices] : filterChoices(choices, query).slice(0, maxMatches);
  }, [open, choices, query, maxMatches]);

  useEffect(() => {
    if (open && active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // optionId depends only on id, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, active]);

  const openList = () => {
    if (!choices) return;
    setOpen(true);
    if (query === null)
      setActive(
        Math.max(
          0,
          choices.findIndex((c) => c.value === value),
        ),
      );
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
    setActive(-1);
  };
  const pick = (c: ComboboxChoice) => {
    onChange(c.value);
    close();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) openList();
      else setActive((i) => Math.min(i + 1, shown.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (open) setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      const c = open ? shown[active] : undefined;
      if (c) {
        // Choosing, not sending the form.
        e.preventDefault();
        pick(c);
      }
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  };

  const status =
    open && query !== null
      ? shown.length === 0
        ? `No ${noun} matches “${query}”.`
        : `${shown.length} ${shown.length === 1 ? 'match' : 'matches'}.`
      : '';

  return (
    <div className="field combobox">
      <FieldLabel htmlFor={id} label={label} required={required} />
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 && active < shown.length ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required={required}
        autoComplete="off"
        spellCheck={false}
        readOnly={!choices}
        value={choices ? (query ?? selected?.label ?? value) : loadingText}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onClick={() => (open ? undefined : openList())}
        onFocus={(e) => e.target.select()}
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      <ul className="combobox__list" id={listId} role="listbox" aria-label={label} hidden={shown.length === 0}>
        {shown.map((c, i) => (
          <li
            key={c.value}
            id={optionId(i)}
            role="option"
            aria-selected={c.value === value}
            className={i === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
            // Keep the focus in the box so the click lands before the blur closes the list.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(c)}
          >
            {c.label}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {open && query !== null && shown.length === 0 ? (
        <p className="field__hint" aria-hidden="true">
          No {noun} matches “{query}”.
        </p>
      ) : null}
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
