import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { GoalSheetFilter } from '../../../../src/shared/api/goal-sheets.ts';
import { periodExportUrl } from '../../../../src/shared/exports.ts';
import { DownloadCsv } from '../../../components/download-csv.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { useGoalSheets } from '../api/get-goal-sheets.ts';
import type { GoalSheetList, GoalSheetListRow } from '../api/get-goal-sheets.ts';
import { daysLeftShort } from '../due-words.ts';
import { GoalSheetStatusBadges } from './status-badge.tsx';

const FILTER_LABELS: Record<GoalSheetFilter, string> = {
  overdue: 'Overdue',
  submitted: 'Waiting for review',
  returned: 'Returned to the pair',
  draft: 'Draft or not started',
  acknowledged: 'Acknowledged',
};
const FILTER_ORDER: GoalSheetFilter[] = ['overdue', 'submitted', 'returned', 'draft', 'acknowledged'];

function Filters({
  list,
  periodId,
  status,
  onApply,
}: {
  list: GoalSheetList;
  periodId: string;
  status: string;
  onApply: (periodId: string, status: string) => void;
}) {
  const [period, setPeriod] = useState(periodId);
  const [state, setState] = useState(status);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onApply(period, state);
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Choose goal sheets" role="search">
      <div className="form-row">
        <SelectField
          label="Period"
          value={period}
          onChange={setPeriod}
          options={list.periods.map((p) => ({ value: String(p.id), label: p.name }))}
        />
        <SelectField
          label="Status"
          value={state}
          onChange={setState}
          options={[{ value: '', label: 'Any status' }, ...FILTER_ORDER.map((f) => ({ value: f, label: FILTER_LABELS[f] }))]}
        />
      </div>
      <div className="form-actions">
        <Button type="submit">Show goal sheets</Button>
      </div>
    </form>
  );
}

/** Days left only matter until the sheet is sent (and while the match lasts). */
function daysLeftCell(row: GoalSheetListRow): string {
  if (row.onTime !== null) return '—';
  if (row.matchStatus === 'ended') return 'Match ended';
  return daysLeftShort(row.daysLeft);
}

/** Staff: every match of a period and its goal sheet, the ones that need attention first. */
export function GoalSheetsPage() {
  const [search, setSearch] = useSearchParams();
  const periodParam = Number(search.get('periodId'));
  const status = search.get('status') ?? '';
  const list = useGoalSheets({
    periodId: Number.isInteger(periodParam) && periodParam > 0 ? periodParam : undefined,
    status: status || undefined,
  });
  const data = list.data;
  const c = data?.counts;

  return (
    <Page
      title="Goal sheets"
      intro={<p>Where each pair’s goal sheet stands. Overdue sheets come first, then those waiting for your review.</p>}
    >
      {list.isPending ? <Loading label="Loading goal sheets…" /> : null}
      {list.isError ? <LoadError error={list.error} what="the goal sheets" onRetry={() => void list.refetch()} /> : null}
      {data && !data.period ? <p>No period has matches yet. Goal sheets appear here once matches are approved.</p> : null}
      {data?.period && c ? (
        <>
          <Card title="Find goal sheets">
            <Filters
              key={search.toString()}
              list={data}
              periodId={String(data.period.id)}
              status={status}
              onApply={(periodId, next) => {
                const params = new URLSearchParams({ periodId });
                if (next) params.set('status', next);
                setSearch(params, { replace: true });
              }}
            />
          </Card>
          <Card
            title={`${data.period.name}${status ? `: ${FILTER_LABELS[status as GoalSheetFilter] ?? ''}` : ''}`}
            actions={
              <DownloadCsv
                url={(bom) => periodExportUrl(data.period!.id, 'goal-sheets', bom)}
                what={`of every goal sheet of ${data.period.name}, one row per goal`}
              />
            }
          >
            <p className="muted">
              {c.overdue} overdue · {c.submitted} waiting for review · {c.returned} returned · {c.draft} draft or not started ·{' '}
              {c.acknowledged} acknowledged
            </p>
            <p role="status" className="muted small">
              {list.isFetching ? 'Updating…' : `${data.rows.length} ${data.rows.length === 1 ? 'match' : 'matches'} shown.`}
            </p>
            {data.rows.length === 0 ? (
              <p>{status ? 'No goal sheets with this status.' : 'This period has no matches yet.'}</p>
            ) : (
              <TableWrap label="Goal sheets">
                <table className="table--cards">
                  <caption className="visually-hidden">Goal sheets of {data.period.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Mentee</th>
                      <th scope="col">Mentor</th>
                      <th scope="col">Status</th>
                      <th scope="col">Due</th>
                      <th scope="col">Days left</th>
                      <th scope="col">On time</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((r) => (
                      <tr key={r.matchId}>
                        <th scope="row">
                          <Link to={`/matches/${r.matchId}/goal-sheet`}>{r.mentee.name}</Link>
                        </th>
                        <td data-label="Mentor">{r.mentor.name}</td>
                        <td data-label="Status">
                          <GoalSheetStatusBadges status={r.status} started={r.started} overdue={r.overdue} />
                        </td>
                        <td className="nowrap" data-label="Due">
                          {formatDate(r.dueOn)}
                        </td>
                        <td className="nowrap" data-label="Days left">
                          {daysLeftCell(r)}
                        </td>
                        <td className="nowrap" data-label="On time">
                          {r.onTime === null ? 'Not sent yet' : r.onTime ? 'On time' : 'Late'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </Card>
        </>
      ) : null}
    </Page>
  );
}
