import { useState } from 'react';
import type { FormEvent } from 'react';
import { requestRematchBodySchema } from '../../../../src/shared/api/rematch.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { formatDate, formatInstant } from '../../../lib/format-date.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { useAskForNewPartner, useMatchRematch, useWithdrawRequest } from '../api/my-rematch.ts';
import type { MatchRematchState, MyRematchRequest } from '../api/my-rematch.ts';

const OUTCOMES: Record<Exclude<MyRematchRequest['status'], 'open'>, string> = {
  withdrawn: 'You withdrew this request.',
  rematched: 'The program office found you a new partner: your new match is on your home page.',
  reapply:
    'The program office could not find a new partner in this period and carried you into the next one. Your home page has the dates.',
  kept: 'The program office suggests you stay with your partner for now.',
  closed: 'This match has ended; the program office has written to you about what comes next.',
};

/**
 * The re-match guarantee on a participant's match page: while the window is open, a short form
 * to ask for a new partner (the reason goes to the program office only); then the request and
 * what came of it; after the window, when it closed and whom to write to instead.
 */
export function AskForNewPartner({ matchId, partnerRole }: { matchId: number; partnerRole: 'mentor' | 'mentee' }) {
  const state = useMatchRematch(matchId);
  if (state.isError) return <LoadError error={state.error} what="the re-match guarantee" onRetry={() => void state.refetch()} />;
  if (!state.data) return <Loading label="Loading…" />;
  const s = state.data;
  const request = s.myRequest;
  return (
    <Card title={`A new ${partnerRole}?`} className="rematch-card" level={2}>
      {request?.status === 'open' ? (
        <OpenRequest request={request} partnerRole={partnerRole} />
      ) : (
        <>
          {request ? <Outcome request={request} /> : null}
          {s.open ? <AskForm state={s} partnerRole={partnerRole} /> : <Closed state={s} />}
        </>
      )}
    </Card>
  );
}

function Outcome({ request }: { request: MyRematchRequest }) {
  if (request.status === 'open') return null;
  return (
    <div className="rematch-card__outcome">
      <p>
        On {formatInstant(request.createdAt)} you asked for a new partner. {OUTCOMES[request.status]}
      </p>
      {request.resolutionNote ? (
        <blockquote className="rematch-card__note">
          <p>{request.resolutionNote}</p>
        </blockquote>
      ) : null}
    </div>
  );
}

function OpenRequest({ request, partnerRole }: { request: MyRematchRequest; partnerRole: string }) {
  const withdraw = useWithdrawRequest();
  return (
    <div className="rematch-card__open">
      <p>
        You asked for a new {partnerRole} on {formatInstant(request.createdAt)}. The program office will be in touch; your {partnerRole} is
        not shown your reason.
      </p>
      <dl className="rematch-card__words">
        <dt>Your reason (for the program office)</dt>
        <dd>{request.reason}</dd>
        {request.wishes ? (
          <>
            <dt>Your wishes for a new {partnerRole}</dt>
            <dd>{request.wishes}</dd>
          </>
        ) : null}
      </dl>
      {withdraw.isError ? <Alert tone="error">{errorMessage(withdraw.error)}</Alert> : null}
      <Button variant="secondary" busy={withdraw.isPending} onClick={() => withdraw.mutate(request.id)}>
        Withdraw my request
      </Button>
    </div>
  );
}

function Closed({ state }: { state: MatchRematchState }) {
  if (state.matchStatus === 'ended') return <p>This match has ended.</p>;
  return (
    <>
      <p>{state.closedMessage}</p>
      {state.contact ? (
        <p>
          <a href={`mailto:${state.contact.email}?subject=${encodeURIComponent('About my match')}`}>Write to {state.contact.name}</a>
        </p>
      ) : null}
    </>
  );
}

function AskForm({ state, partnerRole }: { state: MatchRematchState; partnerRole: string }) {
  const ask = useAskForNewPartner(state.matchId);
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [wishes, setWishes] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = check(requestRematchBodySchema, { reason, wishes });
    if (!body) return;
    ask.mutate(body, { onError: showServerErrors });
  };
  const until = state.closesOn ? formatDate(state.closesOn) : '';
  if (!open) {
    return (
      <>
        <p>
          If the match does not feel right, you may ask the program office for a new {partnerRole} until {until}. It happens, and no one
          needs to give the other a reason.
        </p>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Ask for a new {partnerRole}
        </Button>
      </>
    );
  }
  return (
    <form ref={ref} className="form rematch-form" onSubmit={submit} noValidate aria-label={`Ask for a new ${partnerRole}`}>
      <p>You can ask until {until}. Only the program office reads what you write here; your partner is told only the outcome.</p>
      {ask.isError && !errors.reason ? <Alert tone="error">{errorMessage(ask.error)}</Alert> : null}
      <TextareaField
        label="Why would you like a new partner?"
        required
        rows={4}
        maxLength={2000}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        hint="A sentence or two is enough. Private to the program office."
      />
      <TextareaField
        label={`Anything we should look for in a new ${partnerRole}? (optional)`}
        rows={3}
        maxLength={2000}
        value={wishes}
        onChange={setWishes}
        error={errors.wishes}
      />
      <FormActions submitLabel="Send my request" busy={ask.isPending} onCancel={() => setOpen(false)} />
    </form>
  );
}
