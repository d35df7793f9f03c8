import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { endMatchBodySchema } from '../../../../src/shared/api/rematch.ts';
import { REMATCH_TEXT_MAX } from '../../../../src/shared/match-management.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { focusWhen } from '../../../lib/reorder.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { useEndMatch } from '../api/change-match.ts';
import { useMatchHistory } from '../api/get-match-history.ts';
import { useEndMatchCandidates } from '../api/get-rematch-candidates.ts';
import type { RematchCandidates } from '../api/get-rematch-candidates.ts';
import { ChangeSummary } from './change-summary.tsx';
import { changeSummary, defaultChoice, newMatchNames, stillOffered, toNextStep } from './next-step-choice.ts';
import type { StepChoice } from './next-step-choice.ts';
import { NextStepChooser, stepPerson } from './next-step-chooser.tsx';

interface EndMatchPanelProps {
  matchId: number;
  mentorName: string;
  menteeName: string;
}

interface Ended {
  sentences: string[];
  newMatches: { id: number; names: string }[];
}

/**
 * Staff end a match at any time (someone leaves the program, the pair cannot go on), with a
 * reason for the record and each person's next step: a new partner from the engine, the next
 * period's pool, or nothing more. The form opens behind a button so nothing ends by accident.
 */
export function EndMatchPanel({ matchId, mentorName, menteeName }: EndMatchPanelProps) {
  const history = useMatchHistory(matchId);
  const [open, setOpen] = useState(false);
  const [ended, setEnded] = useState<Ended | null>(null);
  const formId = useId();
  const toggleId = `${formId}-toggle`;

  if (ended) {
    return (
      <Card title="This match has ended">
        <div id={`${formId}-done`} tabIndex={-1}>
          <Alert tone="success" title="The match has ended.">
            <ul>
              {ended.sentences.slice(1).map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
            {ended.newMatches.length > 0 ? (
              <ul className="plain-list link-list">
                {ended.newMatches.map((m) => (
                  <li key={m.id}>
                    <Link to={`/matches/${m.id}`}>New match: {m.names}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      </Card>
    );
  }
  // Nothing to end any more (the history query is shared with the History panel).
  if (history.data?.status === 'ended') return null;

  return (
    <Card title="End this match">
      <p>
        For when {menteeName} or {mentorName} leaves the program, or the pair cannot go on. Each of them gets an e-mail about their own next
        step.
      </p>
      <Button
        id={toggleId}
        variant="secondary"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => setOpen(!open)}
      >
        End this match…
      </Button>
      {open ? (
        <EndMatchForm
          id={formId}
          matchId={matchId}
          onCancel={() => {
            setOpen(false);
            focusWhen(toggleId);
          }}
          onEnded={(result) => {
            setEnded(result);
            // The form and its button are gone: the focus goes to what happened.
            focusWhen(`${formId}-done`);
          }}
        />
      ) : null}
    </Card>
  );
}

interface EndMatchFormProps {
  id: string;
  matchId: number;
  onCancel: () => void;
  onEnded: (ended: Ended) => void;
}

function EndMatchForm({ id, matchId, onCancel, onEnded }: EndMatchFormProps) {
  const candidates = useEndMatchCandidates(matchId);
  return (
    <div id={id}>
      {candidates.isPending ? <Loading label="Finding possible new partners…" /> : null}
      {candidates.isError ? (
        <LoadError error={candidates.error} what="the possible new partners" onRetry={() => void candidates.refetch()} />
      ) : null}
      {candidates.data ? <EndMatchChoices matchId={matchId} data={candidates.data} onCancel={onCancel} onEnded={onEnded} /> : null}
    </div>
  );
}

function EndMatchChoices({ matchId, data, onCancel, onEnded }: Omit<EndMatchFormProps, 'id'> & { data: RematchCandidates }) {
  // `requester` is the mentee and `partner` the mentor for a match that ends without a request.
  const mentee = stepPerson(data.requester);
  const mentor = stepPerson(data.partner);
  const end = useEndMatch();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [reason, setReason] = useState('');
  const [menteePick, setMenteePick] = useState<StepChoice | null>(null);
  const [mentorPick, setMentorPick] = useState<StepChoice | null>(null);
  // A choice that is no longer offered (after a reload) falls back to the engine's first.
  const menteeChoice = menteePick && stillOffered(menteePick, mentee.candidates) ? menteePick : defaultChoice(mentee.candidates);
  const mentorChoice = mentorPick && stillOffered(mentorPick, mentor.candidates) ? mentorPick : defaultChoice(mentor.candidates);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    end.reset();
    const body = check(endMatchBodySchema, { reason, mentee: toNextStep(menteeChoice), mentor: toNextStep(mentorChoice) });
    if (!body) return;
    end.mutate(
      { matchId, body },
      {
        onSuccess: (result) => {
          const names = newMatchNames(mentee, menteeChoice, mentor, mentorChoice);
          onEnded({
            sentences: changeSummary(mentee, menteeChoice, mentor, mentorChoice),
            newMatches: result.newMatchIds.map((matchId, i) => ({ id: matchId, names: names[i] ?? 'the new pair' })),
          });
        },
        onError: showServerErrors,
      },
    );
  };
  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label="End this match">
      <TextareaField
        label="Why the match ends"
        hint="For the record: kept with the match’s history. Neither person is shown it."
        required
        value={reason}
        onChange={setReason}
        error={errors.reason}
        maxLength={REMATCH_TEXT_MAX}
        rows={3}
      />
      <NextStepChooser
        list={data.requester}
        legend={`Next for ${mentee.name}, the mentee`}
        noneLabel="Nothing more"
        value={menteeChoice}
        onChange={setMenteePick}
        disabled={end.isPending}
      />
      <NextStepChooser
        list={data.partner}
        legend={`Next for ${mentor.name}, the mentor`}
        noneLabel="Nothing more"
        value={mentorChoice}
        onChange={setMentorPick}
        disabled={end.isPending}
      />
      <ChangeSummary first={mentee} firstChoice={menteeChoice} second={mentor} secondChoice={mentorChoice} />
      {end.isError ? (
        <Alert tone="error" title="The match was not ended.">
          <p>{errorMessage(end.error)}</p>
        </Alert>
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="danger" busy={end.isPending}>
          End the match
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
