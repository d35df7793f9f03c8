import { useState } from 'react';
import type { FormEvent } from 'react';
import { REQUEST_NOTE_MAX } from '../../../../src/shared/matching-modes.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { CharacterCountStatus, charactersLeft } from '../../../components/ui/character-count.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { askMentorBodySchema, useAskMentor } from '../api/ask-mentor.ts';
import type { Suggestion } from '../api/get-my-suggestions.ts';
import { firstName } from './choice-words.ts';

interface AskMentorFormProps {
  id: string;
  suggestion: Suggestion;
  expiryDays: number;
  onSent: () => void;
  onCancel: () => void;
}

/** The short form under "Ask …": a note for the mentor, and Send. The server's refusal shows on top. */
export function AskMentorForm({ id, suggestion, expiryDays, onSent, onCancel }: AskMentorFormProps) {
  const ask = useAskMentor();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [note, setNote] = useState('');
  const first = firstName(suggestion.name);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = check(askMentorBodySchema, { mentorId: suggestion.mentorId, note });
    if (!body) return;
    ask.mutate(body, { onSuccess: onSent, onError: showServerErrors });
  };

  return (
    <form ref={ref} id={id} className="form mentor-card__ask" onSubmit={submit} noValidate aria-label={`Ask ${suggestion.name}`}>
      {ask.isError ? (
        <Alert tone="error" title={`We couldn’t send your request to ${first}.`}>
          <p>{errorMessage(ask.error)}</p>
        </Alert>
      ) : null}
      <TextareaField
        label={`A note to ${first}`}
        rows={4}
        maxLength={REQUEST_NOTE_MAX}
        autoFocus
        value={note}
        onChange={setNote}
        error={errors.note}
        hint={`Optional. Say hello, and what you hope to work on together. ${charactersLeft(note, REQUEST_NOTE_MAX)}.`}
      />
      <CharacterCountStatus value={note} max={REQUEST_NOTE_MAX} />
      <p className="muted small">
        {first} is e-mailed your request and has {expiryDays} {expiryDays === 1 ? 'day' : 'days'} to answer. You can withdraw it until then.
      </p>
      <FormActions submitLabel={`Send my request`} busy={ask.isPending} small onCancel={onCancel} />
    </form>
  );
}
