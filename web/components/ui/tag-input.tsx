import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { normaliseVocabulary, termKey, tidyTerm } from '../../../src/shared/interest-vocabulary.ts';
import { FieldLabel, FieldMessages, useFieldIds } from './field.tsx';
import { filterChoices, searchable } from './time-zone-choices.ts';

interface TagInputProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  /** Offered as people type; anything else may be added too. */
  suggestions?: readonly string[];
  maxTags?: number;
  maxLength?: number;
  /** How many suggestions show at once. */
  maxSuggestions?: number;
}

/** Words typed into the box that are finished: everything before the last comma or semicolon. */
export function finishedTerms(text: string): { terms: string[]; rest: string } {
  const parts = text.split(/[,;]/);
  const rest = parts.pop() ?? '';
  return { terms: parts.map(tidyTerm).filter((t) => t !== ''), rest };
}

/**
 * A list of short answers shown as chips: type and press Enter or a comma to add one, pick from the
 * suggestions with the arrow keys or the mouse, remove one with its button (or Backspace in an empty box).
 */
export function TagInput({
  label,
  hint,
  error,
  required,
  value,
  onChange,
  suggestions = [],
  maxTags = 20,
  maxLength = 60,
  maxSuggestions = 8,
}: TagInputProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = `${id}-suggestions`;
  const optionId = (i: number) => `${id}-suggestion-${i}`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');

  const chosen = useMemo(() => new Set(value.map(termKey)), [value]);
  const choices = useMemo(
    () => suggestions.filter((s) => !chosen.has(termKey(s))).map((s) => ({ value: s, label: s, search: searchable(s) })),
    [suggestions, chosen],
  );
  const shown = open ? filterChoices(choices, text).slice(0, maxSuggestions) : [];
  const full = value.length >= maxTags;

  const add = (terms: readonly string[]) => {
    const next = normaliseVocabulary([...value, ...terms]).slice(0, maxTags);
    const added = next.filter((t) => !value.includes(t));
    if (added.length > 0) {
      onChange(next);
      setAnnouncement(`Added ${added.join(', ')}.`);
    }
  };
  const remove = (tag: string) => {
    onChange(value.filter((t) => t !== tag));
    setAnnouncement(`Removed ${tag}.`);
    inputRef.current?.focus();
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && choices.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.min(maxSuggestions, filterChoices(choices, text).length) - 1));
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      const picked = open && active >= 0 ? shown[active]?.value : undefined;
      const term = picked ?? tidyTerm(text);
      if (term !== '') {
        // Adding, not sending the form.
        e.preventDefault();
        add([term]);
        setText('');
        close();
      }
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      const last = value[value.length - 1];
      if (last !== undefined) remove(last);
    }
  };

  const tagsLabel = `${label}: chosen`;
  return (
    <div className="field tag-input">
      <FieldLabel htmlFor={id} label={label} required={required} />
      {value.length > 0 ? (
        <ul className="tag-input__tags" aria-label={tagsLabel}>
          {value.map((tag) => (
            <li className="tag-input__tag" key={tag}>
              <span>{tag}</span>
              <button type="button" className="tag-input__remove" aria-label={`Remove ${tag}`} onClick={() => remove(tag)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 && active < shown.length ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        // Required is met by the chips, not by the text in the box.
        aria-required={required ? true : undefined}
        autoComplete="off"
        maxLength={maxLength}
        disabled={full}
        placeholder={full ? `That’s the most (${maxTags}).` : undefined}
        value={text}
        onChange={(e) => {
          const { terms, rest } = finishedTerms(e.target.value);
          if (terms.length > 0) add(terms);
          setText(rest);
          setOpen(true);
          setActive(-1);
        }}
        onClick={() => setOpen(true)}
        onBlur={() => {
          // A term typed and left is kept rather than lost.
          if (tidyTerm(text) !== '') add([text]);
          setText('');
          close();
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="combobox__list" id={listId} role="listbox" aria-label={`Suggestions for ${label}`} hidden={shown.length === 0}>
        {shown.map((c, i) => (
          <li
            key={c.value}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              add([c.value]);
              setText('');
              setActive(-1);
            }}
          >
            {c.label}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
