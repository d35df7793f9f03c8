import { useState } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { focusWhen } from '../../../lib/reorder.ts';
import type { MentorRequest } from '../api/get-my-mentor-requests.ts';
import type { Suggestion } from '../api/get-my-suggestions.ts';
import { useWithdrawMentorRequest } from '../api/withdraw-mentor-request.ts';
import { AskMentorForm } from './ask-mentor-form.tsx';
import { answerBy, FIT_WORDS, firstName, fitNote, placesLeftInWords } from './choice-words.ts';
import { MentorCardView } from './mentor-card-view.tsx';

/** The honest badges of a suggestion: how it fits, whether the mentor is in demand, places left. */
export function SuggestionBadges({ suggestion: s }: { suggestion: Suggestion }) {
  const fit = FIT_WORDS[s.fit];
  return (
    <>
      <Badge tone={fit.tone}>{fit.badge}</Badge>
      {s.inHighDemand ? <Badge tone="warning">In high demand</Badge> : null}
      <Badge>{placesLeftInWords(s.placesLeft)}</Badge>
    </>
  );
}

export function WhyYouMayFit({ reasons }: { reasons: readonly string[] }) {
  if (reasons.length === 0) return null;
  return (
    <>
      <h4 className="mentor-card__subheading">Why you may fit</h4>
      <ul className="mentor-card__reasons">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </>
  );
}

interface RequestActionsProps {
  suggestion: Suggestion;
  /** My pending request to this mentor, once the list of my requests has loaded. */
  request: MentorRequest | undefined;
  canAsk: boolean;
  expiryDays: number;
  announce: (words: string) => void;
}

/** Participant choice: "Ask …" and its form, or the request on its way with Withdraw. */
function RequestActions({ suggestion: s, request, canAsk, expiryDays, announce }: RequestActionsProps) {
  const [asking, setAsking] = useState(false);
  const withdraw = useWithdrawMentorRequest();
  const first = firstName(s.name);
  const askId = `ask-${s.mentorId}`;
  const statusId = `request-${s.mentorId}`;

  if (s.pendingRequestId !== null) {
    const id = s.pendingRequestId;
    return (
      <div className="mentor-card__request">
        <p id={statusId} tabIndex={-1}>
          <strong>Request sent — waiting for an answer</strong>
          {request ? ` (answer by ${answerBy(request.expiresAt)})` : ''}.
        </p>
        <ConfirmAction
          variant="secondary"
          label="Withdraw"
          labelDetail={`my request to ${s.name}`}
          question={`Withdraw your request to ${first}? You can ask another mentor afterwards.`}
          groupLabel={`Confirm withdrawing your request to ${s.name}`}
          confirmLabel="Yes, withdraw it"
          busy={withdraw.isPending}
          error={withdraw.isError ? withdraw.error : null}
          onConfirm={() =>
            withdraw.mutate(
              { id, note: '' },
              {
                onSuccess: () => {
                  announce(`Your request to ${s.name} is withdrawn.`);
                  focusWhen(askId);
                },
              },
            )
          }
        />
      </div>
    );
  }
  if (!canAsk) return null;
  const formId = `ask-form-${s.mentorId}`;
  return (
    <div className="mentor-card__actions">
      {asking ? null : (
        <Button id={askId} onClick={() => setAsking(true)}>
          Ask {s.name}
        </Button>
      )}
      {asking ? (
        <AskMentorForm
          id={formId}
          suggestion={s}
          expiryDays={expiryDays}
          onSent={() => {
            setAsking(false);
            announce(`Your request to ${s.name} has been sent. ${first} has been e-mailed.`);
            focusWhen(statusId);
          }}
          onCancel={() => {
            setAsking(false);
            focusWhen(askId);
          }}
        />
      ) : null}
    </div>
  );
}

interface WishToggleProps {
  suggestion: Suggestion;
  wished: boolean;
  /** No room for another wish: only removing is possible. */
  full: boolean;
  busy: boolean;
  onToggle: () => void;
}

/** Hybrid mode: add the mentor to my wishes, or take them off. */
function WishToggle({ suggestion: s, wished, full, busy, onToggle }: WishToggleProps) {
  if (!wished && full) return <p className="muted small">Your list of wishes is full. Take someone off it to add {firstName(s.name)}.</p>;
  return (
    <div className="mentor-card__actions">
      <Button id={`wish-${s.mentorId}`} variant={wished ? 'secondary' : 'primary'} busy={busy} onClick={onToggle}>
        {wished ? `Take ${s.name} off my wishes` : `Add ${s.name} to my wishes`}
      </Button>
    </div>
  );
}

type SuggestionCardProps = { suggestion: Suggestion } & (
  | { mode: 'ask'; request: MentorRequest | undefined; canAsk: boolean; expiryDays: number; announce: (words: string) => void }
  | { mode: 'wish'; wishRank: number | null; full: boolean; busy: boolean; onToggleWish: () => void }
);

/** One suggested mentor: their card, the honest badges, why they may fit, and what I can do. */
export function SuggestionCard(props: SuggestionCardProps) {
  const s = props.suggestion;
  return (
    <MentorCardView
      card={s.card}
      note={fitNote(s, props.mode)}
      className={s.fit === 'best' ? 'mentor-card--best' : undefined}
      badges={
        <>
          <SuggestionBadges suggestion={s} />
          {props.mode === 'wish' && props.wishRank !== null ? <Badge tone="info">Your wish no. {props.wishRank}</Badge> : null}
        </>
      }
    >
      <WhyYouMayFit reasons={s.reasons} />
      {props.mode === 'ask' ? (
        <RequestActions
          suggestion={s}
          request={props.request}
          canAsk={props.canAsk}
          expiryDays={props.expiryDays}
          announce={props.announce}
        />
      ) : (
        <WishToggle suggestion={s} wished={props.wishRank !== null} full={props.full} busy={props.busy} onToggle={props.onToggleWish} />
      )}
    </MentorCardView>
  );
}
