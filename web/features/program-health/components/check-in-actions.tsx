import { useState } from 'react';
import type { FormEvent } from 'react';
import { CHECK_IN_NOTE_MAX } from '../../../../src/shared/api/check-ins.ts';
import { Button } from '../../../components/ui/button.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import type { HealthMatch } from '../api/get-program-health.ts';
import { useMarkCheckInHandled, useSendCheckIn } from '../api/send-check-in.ts';

const pairOf = (m: HealthMatch) => `${m.mentee.name} and ${m.mentor.name}`;

/**
 * "Check in": both people get an e-mail with a short note and two one-click answers. Opens a
 * small form for an optional note first, so a stray click sends nothing.
 */
export function CheckInAction({ match }: { match: HealthMatch }) {
  const send = useSendCheckIn();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const pair = pairOf(match);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    send.mutate({ matchId: match.matchId, note }, { onSuccess: () => setOpen(false) });
  };

  return (
    <>
      {match.lastCheckInSentAt ? <p className="small muted">Checked in {formatInstant(match.lastCheckInSentAt)}</p> : null}
      {send.isSuccess && !open ? (
        <p role="status" className="small">
          Check-in sent to both.
        </p>
      ) : null}
      {open ? (
        // The actions column keeps its links on one line; the form needs room to wrap.
        <form className="form" style={{ whiteSpace: 'normal', minWidth: '16rem' }} onSubmit={onSubmit} aria-label={`Check in with ${pair}`}>
          <TextareaField
            label="A short note (optional)"
            hint="Added to the e-mail both of them get, above the two answers."
            value={note}
            onChange={setNote}
            maxLength={CHECK_IN_NOTE_MAX}
            rows={3}
          />
          <div className="form-actions">
            <Button type="submit" small busy={send.isPending}>
              Send check-in<span className="visually-hidden"> to {pair}</span>
            </Button>
            <Button small variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
          {send.isError ? (
            <p role="alert" className="field__error">
              {errorMessage(send.error)}
            </p>
          ) : null}
        </form>
      ) : (
        <Button small variant="secondary" onClick={() => setOpen(true)}>
          Check in<span className="visually-hidden"> with {pair}</span>
        </Button>
      )}
    </>
  );
}

/** Staff have talked to the pair: the "asked to talk" flag comes down. */
export function MarkHandledAction({ match }: { match: HealthMatch }) {
  const handled = useMarkCheckInHandled();
  return (
    <>
      <Button small variant="secondary" busy={handled.isPending} onClick={() => handled.mutate(match.matchId)}>
        Mark handled<span className="visually-hidden">: {pairOf(match)}</span>
      </Button>
      {handled.isError ? (
        <p role="alert" className="field__error">
          {errorMessage(handled.error)}
        </p>
      ) : null}
    </>
  );
}
