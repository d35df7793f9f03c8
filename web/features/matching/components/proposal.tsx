import { Fragment, useState } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { useCreatePairRule } from '../api/create-pair-rule.ts';
import type { MatchingRun, RunPair, RunResult } from '../api/get-run.ts';
import type { PairFilters, RunPairsPage } from '../api/get-run-pairs.ts';
import { formatScore } from './criteria.ts';
import { isFiltered, PairFiltersForm, SORT_LABELS } from './pair-filters.tsx';
import { ReasonsList } from './reasons-list.tsx';
import { ReassignControl } from './reassign-control.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

const UNMATCHED_REASON: Record<RunResult['unmatched'][number]['reason'], string> = {
  'no-eligible-mentor': 'No suitable mentor',
  'below-min-score': 'Below the minimum score',
  'mentors-full': 'Mentors full',
  'removed-by-hand': 'Taken out by hand',
  'already-matched': 'Already matched',
};

interface ProposalProps {
  periodId: number;
  run: MatchingRun;
  result: RunResult;
  /** Pairs can be changed only on a finished, unapproved run. */
  editable: boolean;
  filters: PairFilters;
  pairs: UseInfiniteQueryResult<InfiniteData<RunPairsPage>>;
  onFiltersChange: (next: PairFilters) => void;
}

const pairsWord = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'pair' : 'pairs'}`;

function PairActions({
  periodId,
  pair,
  editable,
  reassigning,
  onReassign,
  onMessage,
}: {
  periodId: number;
  pair: RunPair;
  editable: boolean;
  reassigning: boolean;
  onReassign: () => void;
  onMessage: (m: string) => void;
}) {
  const rule = useCreatePairRule();
  const names = `${pair.menteeName} with ${pair.mentorName}`;
  const add = (kind: 'lock' | 'forbid') =>
    rule.mutate(
      { periodId, rule: { kind, menteeApplicationId: pair.menteeApplicationId, mentorApplicationId: pair.mentorApplicationId } },
      {
        onSuccess: () =>
          onMessage(
            kind === 'lock'
              ? `Locked: ${names}. Run matching again to build the rest around it.`
              : `Forbidden: ${names}. Run matching again to find ${pair.menteeName} another mentor.`,
          ),
      },
    );
  if (!editable) return null;
  return (
    <>
      <span className="item-row__actions">
        {pair.locked ? null : (
          <Button small variant="secondary" busy={rule.isPending} onClick={() => add('lock')}>
            Lock pair<span className="visually-hidden">: {names}</span>
          </Button>
        )}
        <Button small variant="danger" busy={rule.isPending} onClick={() => add('forbid')}>
          Forbid pair<span className="visually-hidden">: {names}</span>
        </Button>
        <Button small variant="secondary" aria-expanded={reassigning} onClick={onReassign}>
          Reassign<span className="visually-hidden"> {pair.menteeName}</span>
        </Button>
      </span>
      {rule.isError ? (
        <span role="alert" className="field__error">
          {errorMessage(rule.error)}
        </span>
      ) : null}
    </>
  );
}

/** The proposed pairs, the mentees left unmatched and each mentor's load. */
export function Proposal({ periodId, run, result, editable, filters, pairs, onFiltersChange }: ProposalProps) {
  const [reassigning, setReassigning] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const toggle = (menteeId: number) => {
    setMessage(null);
    setReassigning(reassigning === menteeId ? null : menteeId);
  };
  const done = (m: string | null) => {
    setReassigning(null);
    if (m) setMessage(m);
  };
  const shown = pairs.data?.pages.flatMap((p) => p.pairs) ?? [];
  const firstPage = pairs.data?.pages[0];
  const total = firstPage?.total ?? 0;
  const counts = firstPage?.counts;
  const filtered = isFiltered(filters);
  const order = SORT_LABELS[filters.sort ?? 'score-asc'].toLowerCase();

  return (
    <>
      {message ? <Alert tone="success">{message}</Alert> : null}
      {result.notes && result.notes.length > 0 ? (
        <Alert tone="info" title="Set aside or limited in this run" announce={false}>
          <ul>
            {result.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div id="proposed-pairs">
        <Card title={`Proposed pairs (${result.summary.matched.toLocaleString('en-US')})`}>
          <PairFiltersForm
            key={JSON.stringify(filters)}
            filters={filters}
            mentors={result.mentors}
            counts={counts}
            onChange={(next) => {
              setReassigning(null);
              onFiltersChange(next);
            }}
          />
          {pairs.isPending ? <Loading label="Loading the pairs…" /> : null}
          {pairs.isError && shown.length === 0 ? (
            <LoadError error={pairs.error} what="the proposed pairs" onRetry={() => void pairs.refetch()} />
          ) : null}
          {pairs.isSuccess ? (
            <p role="status">
              {shown.length === 0
                ? filtered
                  ? 'No pairs match this search.'
                  : 'No pairs could be proposed with these settings.'
                : `${shown.length < total ? `Showing ${shown.length.toLocaleString('en-US')} of ${pairsWord(total)}` : `${pairsWord(total)}`}${filtered ? ' matching this search' : ''}, ${order}.`}
            </p>
          ) : null}
          {shown.length > 0 ? (
            <TableWrap label="Proposed pairs">
              <table>
                <caption className="visually-hidden">Proposed pairs, {order}</caption>
                <thead>
                  <tr>
                    <th scope="col">Mentee</th>
                    <th scope="col">Mentor</th>
                    <th scope="col">Score</th>
                    <th scope="col">Why</th>
                    {editable ? <th scope="col">Actions</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((p) => (
                    <Fragment key={p.menteeApplicationId}>
                      <tr>
                        <th scope="row">
                          {p.menteeName}
                          <span className="badges">
                            {p.locked ? <Badge tone="info">Locked</Badge> : null}
                            {p.editedByHand ? <Badge tone="warning">Set by hand</Badge> : null}
                          </span>
                        </th>
                        <td>{p.mentorName}</td>
                        <td className="nowrap">{formatScore(p.score)}</td>
                        <td className="cell-details">
                          <details>
                            <summary>
                              {p.reasons.filter((r) => r.polarity === 'for').length} for,{' '}
                              {p.reasons.filter((r) => r.polarity === 'against').length} against
                              <span className="visually-hidden">
                                : {p.menteeName} with {p.mentorName}
                              </span>
                            </summary>
                            <ReasonsList reasons={p.reasons} />
                          </details>
                        </td>
                        {editable ? (
                          <td className="cell-actions">
                            <PairActions
                              periodId={periodId}
                              pair={p}
                              editable={editable}
                              reassigning={reassigning === p.menteeApplicationId}
                              onReassign={() => toggle(p.menteeApplicationId)}
                              onMessage={setMessage}
                            />
                          </td>
                        ) : null}
                      </tr>
                      {reassigning === p.menteeApplicationId ? (
                        <tr>
                          <td colSpan={5}>
                            <ReassignControl
                              runId={run.id}
                              menteeApplicationId={p.menteeApplicationId}
                              menteeName={p.menteeName}
                              currentMentorId={p.mentorApplicationId}
                              mentors={result.mentors}
                              onDone={done}
                            />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          <LoadMore list={pairs} label="Show more pairs" />
        </Card>
      </div>

      <Card title={`Not matched (${result.unmatched.length})`}>
        {result.unmatched.length === 0 ? (
          <p>Every mentee in the pool has a mentor in this proposal.</p>
        ) : (
          <TableWrap label="Mentees not matched">
            <table>
              <caption className="visually-hidden">Mentees not matched</caption>
              <thead>
                <tr>
                  <th scope="col">Mentee</th>
                  <th scope="col">Why not</th>
                  {editable ? <th scope="col">Actions</th> : null}
                </tr>
              </thead>
              <tbody>
                {result.unmatched.map((u) => (
                  <Fragment key={u.menteeApplicationId}>
                    <tr>
                      <th scope="row">{u.menteeName}</th>
                      <td className="cell-details">
                        <strong>{UNMATCHED_REASON[u.reason]}.</strong> {u.explanation}
                      </td>
                      {editable ? (
                        <td className="cell-actions">
                          <Button
                            small
                            variant="secondary"
                            aria-expanded={reassigning === u.menteeApplicationId}
                            onClick={() => toggle(u.menteeApplicationId)}
                          >
                            Reassign<span className="visually-hidden"> {u.menteeName}</span>
                          </Button>
                        </td>
                      ) : null}
                    </tr>
                    {reassigning === u.menteeApplicationId ? (
                      <tr>
                        <td colSpan={3}>
                          <ReassignControl
                            runId={run.id}
                            menteeApplicationId={u.menteeApplicationId}
                            menteeName={u.menteeName}
                            currentMentorId={null}
                            mentors={result.mentors}
                            onDone={done}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Card>

      <Card title="Mentors’ places">
        <TableWrap label="Mentors’ places">
          <table>
            <caption className="visually-hidden">How many mentees each mentor takes and has in this proposal</caption>
            <thead>
              <tr>
                <th scope="col">Mentor</th>
                <th scope="col">Can take</th>
                <th scope="col">In this proposal</th>
              </tr>
            </thead>
            <tbody>
              {result.mentors.map((m) => (
                <tr key={m.mentorApplicationId}>
                  <th scope="row">{m.name}</th>
                  <td>{m.capacity}</td>
                  <td>
                    {m.assigned}
                    {m.assigned === 0 ? (
                      <span className="muted"> (none yet)</span>
                    ) : m.assigned > m.capacity ? (
                      <Badge tone="danger">Over capacity</Badge>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Card>
    </>
  );
}
