import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { REMATCH_TEXT_MAX } from '../../../../src/shared/match-management.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useResolveRematchRequest } from '../api/change-match.ts';
import { useRematchCandidates } from '../api/get-rematch-candidates.ts';
import type { RematchCandidates } from '../api/get-rematch-candidates.ts';
import type { RematchQueueItem } from '../api/get-rematch-queue.ts';
import { ChangeSummary } from './change-summary.tsx';
import { changeSummary, defaultChoice, newMatchNames, stillOffered, toNextStep } from './next-step-choice.ts';
import type { StepChoice } from './next-step-choice.ts';
import { NextStepChooser, stepPerson } from './next-step-chooser.tsx';
import type { Outcome } from './outcome.ts';

/** Errors after which the request is gone from the open queue: the page says so, not the closed panel. */
const GONE = new Set(['REQUEST_NOT_OPEN', 'MATCH_NOT_ACTIVE']);
/** Errors after which the candidates were reloaded (the change refreshes them) and staff choose again. */
const CHOOSE_AGAIN = new Set(['NOT_A_CANDIDATE', 'DOUBLE_BOOKING']);

interface PanelProps {
  item: RematchQueueItem;
  onDone: (outcome: Outcome) => void;
  onCancel: () => void;
}

/** "Find a new partner": the engine's candidates for the person who asked and for the partner left behind. */
export function FindPartnerPanel({ item, onDone, onCancel }: PanelProps) {
  const headingId = useId();
  const candidates = useRematchCandidates(item.id);
  return (
    <section className="preview" aria-labelledby={headingId}>
      <h3 id={headingId}>Find a new partner for {item.requester.name}</h3>
      {candidates.isPending ? <Loading label="Asking the engine for new partners…" /> : null}
      {candidates.isError ? (
        <LoadError error={candidates.error} what="the possible new partners" onRetry={() => void candidates.refetch()} />
      ) : null}
      {candidates.data ? <Choices item={item} data={candidates.data} onDone={onDone} onCancel={onCancel} /> : null}
    </section>
  );
}

function Choices({ item, data, onDone, onCancel }: PanelProps & { data: RematchCandidates }) {
  const resolve = useResolveRematchRequest();
  const requester = stepPerson(data.requester);
  const partner = stepPerson(data.partner);
  const [requesterPick, setRequesterPick] = useState<StepChoice | null>(null);
  const [partnerPick, setPartnerPick] = useState<StepChoice | null>(null);
  const [note, setNote] = useState('');
  // A pick no longer offered (the list is reloaded after every change) falls back to the engine's first.
  const requesterChoice =
    requesterPick && stillOffered(requesterPick, requester.candidates) ? requesterPick : defaultChoice(requester.candidates);
  const partnerChoice = partnerPick && stillOffered(partnerPick, partner.candidates) ? partnerPick : defaultChoice(partner.candidates);
  const failure = resolve.error;
  const chooseAgain = isApiError(failure) && CHOOSE_AGAIN.has(failure.code);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    resolve.mutate(
      {
        requestId: item.id,
        body: { action: 'end', requester: toNextStep(requesterChoice), partner: toNextStep(partnerChoice), note },
      },
      {
        onSuccess: (result) => {
          const names = newMatchNames(requester, requesterChoice, partner, partnerChoice);
          onDone({
            tone: 'success',
            title: `Done: ${item.requester.name}’s request is settled.`,
            lines: changeSummary(requester, requesterChoice, partner, partnerChoice),
            newMatches: result.newMatchIds.map((id, i) => ({ id, names: names[i] ?? 'the new pair' })),
          });
        },
        onError: (error) => {
          if (isApiError(error) && GONE.has(error.code)) {
            onDone({ tone: 'warning', title: `Nothing was changed for ${item.requester.name}.`, lines: [error.message], newMatches: [] });
          }
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={`New partners for ${item.requester.name} and ${item.partner.name}`}>
      <NextStepChooser
        list={data.requester}
        legend={`A new ${otherSide(requester.side)} for ${requester.name}, who asked`}
        noneLabel="No new partner"
        value={requesterChoice}
        onChange={setRequesterPick}
        disabled={resolve.isPending}
      />
      <NextStepChooser
        list={data.partner}
        legend={`Next for ${partner.name}, the ${partner.side} left without a ${requester.side}`}
        noneLabel="Nothing more"
        value={partnerChoice}
        onChange={setPartnerPick}
        disabled={resolve.isPending}
      />
      <TextareaField
        label="Note for the record (optional)"
        hint="Kept with the match’s history as the reason it ended. Neither person is shown it."
        value={note}
        onChange={setNote}
        maxLength={REMATCH_TEXT_MAX}
        rows={2}
      />
      <ChangeSummary first={requester} firstChoice={requesterChoice} second={partner} secondChoice={partnerChoice}>
        <p className="small">Each of them, and each new partner, gets an e-mail. Nobody is shown {requester.name}’s reason.</p>
      </ChangeSummary>
      {resolve.isError ? (
        <Alert tone="error" title="Nothing was changed.">
          <p>{errorMessage(failure)}</p>
          {chooseAgain ? <p>The lists above have been brought up to date: choose again.</p> : null}
        </Alert>
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={resolve.isPending}>
          Confirm<span className="visually-hidden">: end the match and go ahead</span>
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

const otherSide = (side: 'mentor' | 'mentee') => (side === 'mentee' ? 'mentor' : 'mentee');
