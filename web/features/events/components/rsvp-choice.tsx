import { RSVP_LABELS } from '../../../../src/shared/events.ts';
import type { RsvpResponse, RsvpState } from '../../../../src/shared/events.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { answerThanks } from './event-words.ts';

const BUTTON_WORDS: Record<RsvpResponse, string> = { yes: 'Yes', maybe: 'Maybe', no: 'No' };
const ORDER: readonly RsvpResponse[] = ['yes', 'maybe', 'no'];

/** "Yes" stays pressed on the waitlist: that was the answer; the place is what's missing. */
const pressed = (state: RsvpState | null, response: RsvpResponse) => state === response || (state === 'waitlist' && response === 'yes');

interface RsvpChoiceProps {
  /** The current answer; null before there is one. */
  state: RsvpState | null;
  waitlistPosition: number | null;
  /** The group's name: "Will you come?", or "Your answer: Spring forum" in a list. */
  label: string;
  /** Read after each button's words in a list of events, so every button's name is its own. */
  itemLabel?: string;
  /** The answer being sent, if any. */
  sending: RsvpResponse | null;
  /** Answers closed: the buttons show the answer but can't change it. */
  closed?: boolean;
  error: unknown;
  /** Show the sentence that goes with the answer (the event's page), or only the buttons (a list). */
  withThanks?: boolean;
  onAnswer: (response: RsvpResponse) => void;
  /** Said above the buttons when the event is known to be full. */
  fullNote?: string | undefined;
  /** After a "yes" to a full event was refused: ask again, for a place on the waitlist. */
  onJoinWaitlist: () => void;
}

/** Yes / Maybe / No as three toggle buttons, the current answer pressed. */
export function RsvpChoice({
  state,
  waitlistPosition,
  label,
  itemLabel,
  sending,
  closed = false,
  error,
  withThanks = true,
  onAnswer,
  onJoinWaitlist,
  fullNote,
}: RsvpChoiceProps) {
  const full = isApiError(error) && error.code === 'EVENT_FULL';
  return (
    <div className="rsvp">
      {fullNote && !closed ? <p className="small">{fullNote}</p> : null}
      <div className="form-actions" role="group" aria-label={label}>
        {ORDER.map((response) => (
          <Button
            key={response}
            variant={pressed(state, response) ? 'primary' : 'secondary'}
            small={itemLabel !== undefined}
            aria-pressed={pressed(state, response)}
            busy={sending === response}
            disabled={closed || (sending !== null && sending !== response)}
            onClick={() => onAnswer(response)}
          >
            {BUTTON_WORDS[response]}
            {itemLabel ? <span className="visually-hidden"> ({itemLabel})</span> : null}
          </Button>
        ))}
      </div>
      {/* Announced when the answer changes. A list says it briefly, in full only for the waitlist. */}
      <div aria-live="polite">
        {state === null ? null : withThanks || state === 'waitlist' ? (
          <p className="small">{answerThanks(state, waitlistPosition)}</p>
        ) : (
          <p className="small">Your answer: {RSVP_LABELS[state]}</p>
        )}
      </div>
      {full ? (
        <Alert tone="warning" title="This event is full.">
          <p>{errorMessage(error)}</p>
          <Button small busy={sending === 'yes'} onClick={onJoinWaitlist}>
            Join the waitlist
            {itemLabel ? <span className="visually-hidden"> for {itemLabel}</span> : null}
          </Button>
        </Alert>
      ) : error ? (
        <Alert tone="error">{errorMessage(error)}</Alert>
      ) : null}
    </div>
  );
}
