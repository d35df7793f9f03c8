import { Link, useSearchParams } from 'react-router';
import { GOAL_SHEET_FILTERS, GOAL_SHEET_SORTS } from '../../../../src/shared/api/goal-sheets.ts';
import type { GoalSheetFilter, GoalSheetSort } from '../../../../src/shared/api/goal-sheets.ts';
import { periodExportUrl } from '../../../../src/shared/exports.ts';
import { DownloadCsv } from '../../../components/download-csv.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ListSearchForm, SearchTextField, useSearchText } from '../../../components/ui/list-search-form.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { filtersToParams, oneOf } from '../../../lib/list-filters.ts';
import { useGoalSheets } from '../api/get-goal-sheets.ts';
import type { GoalSheetFilters, GoalSheetList, GoalSheetListRow } from '../api/get-goal-sheets.ts';
import { daysLeftShort } from '../due-words.ts';
import { GoalSheetStatusBadges } from './status-badge.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

const FILTER_LABELS: Record<GoalSheetFilter, string> = {
  overdue: 'Overdue',
  submitted: 'Waiting for review',
  returned: 'Returned to the pair',
  draft: 'Draft or not started',
  acknowledged: 'Acknowledged',
};
const FILTER_ORDER: GoalSheetFilter[] = ['overdue', 'submitted', 'returned', 'draft', 'acknowledged'];

const SORT_LABELS: Record<GoalSheetSort, string> = {
  attention: 'Needs attention first',
  due: 'Due soonest first',
  mentee: 'By mentee’s name',
};

/** The list's state from the page's address; anything unknown there is ignored. */
function filtersFromParams(params: URLSearchParams): GoalSheetFilters {
  const periodId = Number(params.get('periodId'));
  const q = params.get('q')?.trim();
  const status = oneOf(GOAL_SHEET_FILTERS, params.get('status'));
  const sort = oneOf(GOAL_SHEET_SORTS, params.get('sort'));
  return {
    ...(Number.isInteger(periodId) && periodId > 0 ? { periodId } : {}),
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    ...(sort && sort !== 'attention' ? { sort } : {}),
  };
}

/** Search by name; the choices apply at once, the text when the form is sent. */
function Filters({
  list,
  filters,
  onChange,
}: {
  list: GoalSheetList;
  filters: GoalSheetFilters & { periodId: number };
  onChange: (next: GoalSheetFilters) => void;
}) {
  const { q, setQ, apply, clearButton } = useSearchText(filters, onChange);
  return (
    <ListSearchForm
      label="Find goal sheets"
      onSearch={() => apply({})}
      clear={clearButton('Show every goal sheet', { periodId: filters.periodId }, Boolean(filters.q || filters.status || filters.sort))}
    >
      <SearchTextField label="Mentor’s or mentee’s name" value={q} onChange={setQ} />
      <SelectField
        label="Period"
        value={String(filters.periodId)}
        onChange={(value) => onChange({ periodId: Number(value) })}
        options={list.periods.map((p) => ({ value: String(p.id), label: p.name }))}
      />
      <SelectField
        label="Status"
        value={filters.status ?? ''}
        onChange={(value) => apply({ status: oneOf(GOAL_SHEET_FILTERS, value) })}
        options={[{ value: '', label: 'Any status' }, ...FILTER_ORDER.map((f) => ({ value: f, label: FILTER_LABELS[f] }))]}
      />
      <SelectField
        label="Order"
        value={filters.sort ?? 'attention'}
        onChange={(value) => apply({ sort: value === 'attention' ? undefined : oneOf(GOAL_SHEET_SORTS, value) })}
        options={GOAL_SHEET_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
      />
    </ListSearchForm>
  );
}

/** Days left only matter until the sheet is sent (and while the match lasts). */
function daysLeftCell(row: GoalSheetListRow): string {
  if (row.onTime !== null) return '—';
  if (row.matchStatus === 'ended') return 'Match ended';
  return daysLeftShort(row.daysLeft);
}

const matchesWord = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'match' : 'matches'}`;

/** Staff: every match of a period and its goal sheet, the ones that need attention first. */
export function GoalSheetsPage() {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromParams(search);
  const list = useGoalSheets(filters);
  const data = list.data?.pages[0];
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  const c = data?.counts;
  const searched = Boolean(filters.q || filters.status);

  return (
    <Page
      title="Goal sheets"
      intro={<p>Where each pair’s goal sheet stands. Overdue sheets come first, then those waiting for your review.</p>}
    >
      {list.isPending ? <Loading label="Loading goal sheets…" /> : null}
      {list.isError && !data ? <LoadError error={list.error} what="the goal sheets" onRetry={() => void list.refetch()} /> : null}
      {data && !data.period ? <p>No period has matches yet. Goal sheets appear here once matches are approved.</p> : null}
      {data?.period && c ? (
        <>
          <Card title="Find goal sheets">
            <Filters
              key={search.toString()}
              list={data}
              filters={{ ...filters, periodId: data.period.id }}
              onChange={(next) => setSearch(filtersToParams(next), { replace: true })}
            />
          </Card>
          <Card
            title={`${data.period.name}${filters.status ? `: ${FILTER_LABELS[filters.status]}` : ''}`}
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
              {list.isFetching && !list.isFetchingNextPage
                ? 'Updating…'
                : rows.length < data.total
                  ? `Showing ${rows.length.toLocaleString('en-US')} of ${matchesWord(data.total)}${searched ? ' matching this search' : ''}.`
                  : `${matchesWord(data.total)}${searched ? ' matching this search' : ''}.`}
            </p>
            {rows.length === 0 ? (
              <p>{searched ? 'No goal sheets match this search.' : 'This period has no matches yet.'}</p>
            ) : (
              <TableWrap label="Goal sheets">
                <table className="table--cards" aria-busy={list.isPlaceholderData || undefined}>
                  <caption className="visually-hidden">
                    Goal sheets of {data.period.name}, {SORT_LABELS[filters.sort ?? 'attention'].toLowerCase()}
                  </caption>
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
                    {rows.map((r) => (
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
            <LoadMore list={list} label="Load more goal sheets" />
          </Card>
        </>
      ) : null}
    </Page>
  );
}
