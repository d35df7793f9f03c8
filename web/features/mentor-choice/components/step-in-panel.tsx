import { useId, useState } from 'react';
import { REQUEST_NOTE_MAX } from '../../../../src/shared/matching-modes.ts';
import { Button } from '../../../components/ui/button.tsx';
import { CharacterCountStatus, charactersLeft } from '../../../components/ui/character-count.tsx';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { focusWhen } from '../../../lib/reorder.ts';
import { useAcceptMentorRequest } from '../api/accept-mentor-request.ts';
import { useDeclineMentorRequest } from '../api/decline-mentor-request.ts';
import type { MentorRequest } from '../api/get-my-mentor-requests.ts';
import { useWithdrawMentorRequest } from '../api/withdraw-mentor-request.ts';
import type { AnsweredNow } from './answer-outcome.tsx';
import { firstName } from './choice-words.ts';

type StepIn = 'accept' | 'decline' | 'close';

/**
 * Staff stepping in on a pending request: accept it for the mentor (the pair becomes a match),
 * decline it for them, or close it for the program, each with an optional note to the mentee and
 * a second click to be sure.
 */
export function StepInPanel({ request: r, onDone }: { request: MentorRequest; onDone: (answered: AnsweredNow) => void }) {
  const [open, setOpen] = useState(false);
  const [what, setWhat] = useState<StepIn>('accept');
  const [note, setNote] = useState('');
  const accept = useAcceptMentorRequest();
  const decline = useDeclineMentorRequest();
  const close = useWithdrawMentorRequest();
  const panelId = useId();
  const openerId = `step-in-${r.id}`;
  const mentee = firstName(r.mentee.name);
  const mentor = firstName(r.mentor.name);
  const busy = accept.isPending || decline.isPending || close.isPending;
  const error = accept.error ?? decline.error ?? close.error;
  const tooLong = note.trim().length > REQUEST_NOTE_MAX;

  const done = (kind: AnsweredNow['kind'], matchId: number | null) =>
    onDone({ kind, menteeName: r.mentee.name, mentorName: r.mentor.name, matchId, byStaff: true });
  const go = () => {
    if (tooLong) return;
    const input = { id: r.id, note: note.trim() };
    if (what === 'accept') accept.mutate(input, { onSuccess: (res) => done('accepted', res.matchId) });
    else if (what === 'decline') decline.mutate(input, { onSuccess: () => done('declined', null) });
    else close.mutate(input, { onSuccess: () => done('closed', null) });
  };

  const questions: Record<StepIn, string> = {
    accept: `Accept for ${mentor}? ${mentee} and ${mentor} become a match, and both are e-mailed.`,
    decline: `Decline for ${mentor}? ${mentee} is told by e-mail and can ask another mentor.`,
    close: `Close this request for the program? ${mentee} is told by e-mail${note.trim() ? ', with your note' : ''}.`,
  };

  if (!open) {
    return (
      <Button id={openerId} variant="secondary" small onClick={() => setOpen(true)}>
        Step in
        <span className="visually-hidden">
          {' '}
          on {r.mentee.name}’s request to {r.mentor.name}
        </span>
      </Button>
    );
  }
  return (
    <div className="step-in" id={panelId} role="group" aria-label={`Step in on ${r.mentee.name}’s request to ${r.mentor.name}`}>
      <RadioGroup<StepIn>
        legend="What to do"
        options={[
          { value: 'accept', label: `Accept for ${mentor}`, hint: 'The pair becomes a match, as if the mentor had said yes.' },
          { value: 'decline', label: `Decline for ${mentor}` },
          { value: 'close', label: 'Close the request', hint: 'For the program: for example, when the pair should not be matched.' },
        ]}
        value={what}
        onChange={setWhat}
        stacked
      />
      <TextareaField
        label={`A note to ${mentee} (optional)`}
        rows={3}
        maxLength={REQUEST_NOTE_MAX}
        value={note}
        onChange={setNote}
        error={tooLong ? `Keep the note under ${REQUEST_NOTE_MAX} characters.` : undefined}
        hint={`Sent to ${mentee} with the outcome. ${charactersLeft(note, REQUEST_NOTE_MAX)}.`}
      />
      <CharacterCountStatus value={note} max={REQUEST_NOTE_MAX} />
      <div className="form-actions">
        <ConfirmAction
          variant="secondary"
          label={what === 'accept' ? 'Accept' : what === 'decline' ? 'Decline' : 'Close'}
          labelDetail={`${r.mentee.name}’s request to ${r.mentor.name}`}
          question={questions[what]}
          groupLabel="Confirm stepping in"
          confirmLabel={what === 'accept' ? 'Yes, accept' : what === 'decline' ? 'Yes, decline' : 'Yes, close it'}
          busy={busy}
          error={error}
          onConfirm={go}
        />
        <Button
          variant="secondary"
          small
          onClick={() => {
            setOpen(false);
            focusWhen(openerId);
          }}
        >
          Cancel
        </Button>
      </div>
    </div>
  );
}
