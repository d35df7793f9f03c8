import { useState } from 'react';
import type { FormEvent } from 'react';
import { REQUEST_NOTE_MAX } from '../../../../src/shared/matching-modes.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CharacterCountStatus, charactersLeft } from '../../../components/ui/character-count.tsx';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useAcceptMentorRequest } from '../api/accept-mentor-request.ts';
import { useDeclineMentorRequest } from '../api/decline-mentor-request.ts';
import type { MentorRequest } from '../api/get-my-mentor-requests.ts';
import type { AnsweredNow } from './answer-outcome.tsx';
import { firstName } from './choice-words.ts';

interface AnswerRequestFormProps {
  request: MentorRequest;
  /** Staff answering for the mentor: the words say so. */
  byStaff: boolean;
  onAnswered: (answered: AnsweredNow) => void;
}

/** A pending request's answer: an optional note for the mentee, then Accept, or Decline (asked twice). */
export function AnswerRequestForm({ request: r, byStaff, onAnswered }: AnswerRequestFormProps) {
  const accept = useAcceptMentorRequest();
  const decline = useDeclineMentorRequest();
  const [note, setNote] = useState('');
  const mentee = firstName(r.mentee.name);
  const tooLong = note.trim().length > REQUEST_NOTE_MAX;
  const failed = accept.error ?? decline.error;
  const answered = (kind: AnsweredNow['kind'], matchId: number | null) =>
    onAnswered({ kind, menteeName: r.mentee.name, mentorName: r.mentor.name, matchId, byStaff });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (tooLong) return;
    decline.reset();
    accept.mutate({ id: r.id, note: note.trim() }, { onSuccess: (res) => answered('accepted', res.matchId) });
  };

  return (
    <form className="form request__answer" onSubmit={submit} noValidate aria-label={`Answer ${r.mentee.name}’s request`}>
      {failed ? (
        <Alert tone="error" title="We couldn’t send your answer.">
          <p>{errorMessage(failed)}</p>
        </Alert>
      ) : null}
      <TextareaField
        label={`A note for ${mentee} (optional)`}
        rows={3}
        maxLength={REQUEST_NOTE_MAX}
        value={note}
        onChange={setNote}
        error={tooLong ? `Keep the note under ${REQUEST_NOTE_MAX} characters.` : undefined}
        hint={`Sent to ${mentee} with your answer. ${charactersLeft(note, REQUEST_NOTE_MAX)}.`}
      />
      <CharacterCountStatus value={note} max={REQUEST_NOTE_MAX} />
      <div className="form-actions">
        <Button type="submit" busy={accept.isPending} disabled={decline.isPending}>
          {byStaff ? `Accept for ${firstName(r.mentor.name)}` : `Accept ${r.mentee.name}`}
        </Button>
        <ConfirmAction
          variant="secondary"
          label="Decline"
          labelDetail={`${r.mentee.name}’s request`}
          question={`Decline ${r.mentee.name}’s request? ${mentee} is told by e-mail${note.trim() ? ', with your note' : ''}, and can ask another mentor.`}
          groupLabel={`Confirm declining ${r.mentee.name}’s request`}
          confirmLabel="Yes, decline"
          busy={decline.isPending}
          error={null}
          onConfirm={() => {
            accept.reset();
            decline.mutate({ id: r.id, note: note.trim() }, { onSuccess: () => answered('declined', null) });
          }}
        />
      </div>
    </form>
  );
}
