import { Link, useParams, useSearchParams } from 'react-router';
import { PERIOD_MATCH_LIAISON_FILTERS, PERIOD_MATCH_SORTS } from '../../../../src/shared/api/period-matches.ts';
import type { PeriodMatchSort } from '../../../../src/shared/api/period-matches.ts';
import { MATCH_STATUSES } from '../../../../src/shared/match-status.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ListSearchForm, SearchTextField, useSearchText } from '../../../components/ui/list-search-form.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { filtersToParams, isNarrowed, oneOf } from '../../../lib/list-filters.ts';
import { usePeriodMatches } from '../api/get-period-matches.ts';
import type { PeriodMatch, PeriodMatchFilters, PeriodMatchList } from '../api/get-period-matches.ts';
import { LoadMore } from '../../../components/ui/load-more.tsx';

const SORT_LABELS: Record<PeriodMatchSort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  mentee: 'By mentee’s name',
  mentor: 'By mentor’s name',
};
const LIAISON_CHOICES = [
  { value: '', label: 'With or without a liaison' },
  { value: 'none', label: 'No liaison yet' },
  { value: 'assigned', label: 'Has a liaison' },
];

/** The list's state from the page's address; anything unknown there is ignored. */
function filtersFromParams(params: URLSearchParams): PeriodMatchFilters {
  const q = params.get('q')?.trim();
  const mentorId = Number(params.get('mentorId'));
  const status = oneOf(MATCH_STATUSES, params.get('status'));
  const liaison = oneOf(PERIOD_MATCH_LIAISON_FILTERS, params.get('liaison'));
  const sort = oneOf(PERIOD_MATCH_SORTS, params.get('sort'));
  return {
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(Number.isInteger(mentorId) && mentorId > 0 ? { mentorId } : {}),
    ...(liaison ? { liaison } : {}),
    ...(sort && sort !== 'newest' ? { sort } : {}),
  };
}

/** Search by name or address; the choices apply at once, the text when the form is sent. */
function Filters({
  filters,
  counts,
  onChange,
}: {
  filters: PeriodMatchFilters;
  counts: PeriodMatchList['counts'] | undefined;
  onChange: (next: PeriodMatchFilters) => void;
}) {
  const { q, setQ, apply, clearButton } = useSearchText(filters, onChange);
  const counted = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${n.toLocaleString('en-US')})`);
  return (
    <ListSearchForm label="Find matches" onSearch={() => apply({})} clear={clearButton('Show every match', {})}>
      <SearchTextField value={q} onChange={setQ} />
      <SelectField
        label="Status"
        value={filters.status ?? ''}
        options={[
          { value: '', label: 'Active or ended' },
          { value: 'active', label: counted('Active', counts?.active) },
          { value: 'ended', label: counted('Ended', counts?.ended) },
        ]}
        onChange={(value) => apply({ status: oneOf(MATCH_STATUSES, value) })}
      />
      <SelectField
        label="Liaison"
        value={filters.liaison ?? ''}
        options={LIAISON_CHOICES}
        onChange={(value) => apply({ liaison: oneOf(PERIOD_MATCH_LIAISON_FILTERS, value) })}
      />
      <SelectField
        label="Order"
        value={filters.sort ?? 'newest'}
        options={PERIOD_MATCH_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
        onChange={(value) => apply({ sort: value === 'newest' ? undefined : oneOf(PERIOD_MATCH_SORTS, value) })}
      />
    </ListSearchForm>
  );
}

const pairs = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'match' : 'matches'}`;

/** The address of this list with other filters (a link, so it opens in a new tab too). */
const listLink = (f: PeriodMatchFilters) => `?${new URLSearchParams(filtersToParams(f)).toString()}`;

function MatchRow({ match, onlyMentor }: { match: PeriodMatch; onlyMentor: string }) {
  return (
    <tr>
      <th scope="row">
        <Link to={`/matches/${match.id}`}>{match.mentee.name}</Link>
        <br />
        <span className="muted small">{match.mentee.email}</span>
      </th>
      <td data-label="Mentor">
        {match.mentor.name}
        <br />
        <Link to={onlyMentor} className="small">
          Only this mentor’s pairs<span className="visually-hidden"> ({match.mentor.name})</span>
        </Link>
      </td>
      <td data-label="Matched" className="nowrap">
        {formatInstant(match.matchedAt)}
      </td>
      <td data-label="Status">
        {match.status === 'active' ? <Badge tone="success">Active</Badge> : <Badge>Ended</Badge>}
        {match.endReason ? <p className="small muted">{match.endReason}</p> : null}
      </td>
      <td data-label="Liaison">{match.liaisonName ?? <span className="muted">None yet</span>}</td>
    </tr>
  );
}

/** Staff: every pair of a period, ended ones too, searched and filtered, a page at a time. */
export function PeriodMatchesPage() {
  const periodId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const list = usePeriodMatches(periodId, filters);
  const first = list.data?.pages[0];
  const shown = list.data?.pages.flatMap((p) => p.matches) ?? [];
  const total = first?.total ?? 0;
  const filtered = isNarrowed(filters);
  const mentorName = filters.mentorId ? shown.find((m) => m.mentor.id === filters.mentorId)?.mentor.name : undefined;

  return (
    <Page
      title={first ? `Matches of ${first.period.name}` : 'Matches'}
      intro={
        <p>
          Every pair of this period, ended ones too: who is paired with whom, since when, and who on the committee looks after them.{' '}
          <Link to={`/periods/${periodId}`}>Back to the period</Link>
        </p>
      }
    >
      <Card>
        <Filters key={params.toString()} filters={filters} counts={first?.counts} onChange={(next) => setParams(filtersToParams(next))} />
      </Card>
      {filters.mentorId ? (
        <p>
          Showing {mentorName ? `${mentorName}’s` : 'one mentor’s'} pairs.{' '}
          <Link to={listLink({ ...filters, mentorId: undefined })}>Show every mentor’s</Link>
        </p>
      ) : null}
      {list.isPending ? <Loading label="Loading matches…" /> : null}
      {list.isError && shown.length === 0 ? <LoadError error={list.error} what="the matches" onRetry={() => void list.refetch()} /> : null}
      {first && !list.isPlaceholderData ? (
        <p role="status" className="muted small">
          {shown.length === 0
            ? filtered
              ? 'No matches fit this search.'
              : 'This period has no matches yet. They appear here once matching is approved.'
            : shown.length < total
              ? `Showing ${shown.length.toLocaleString('en-US')} of ${pairs(total)}${filtered ? ' matching this search' : ''}.`
              : `${pairs(total)}${filtered ? ' matching this search' : ''}.`}
        </p>
      ) : null}
      {list.isPlaceholderData ? <Loading label="Loading matches…" /> : null}
      {shown.length > 0 ? (
        <TableWrap label="Matches">
          <table className="table--cards" aria-busy={list.isPlaceholderData || undefined}>
            <caption className="visually-hidden">Matches, {SORT_LABELS[filters.sort ?? 'newest'].toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">Mentee</th>
                <th scope="col">Mentor</th>
                <th scope="col">Matched</th>
                <th scope="col">Status</th>
                <th scope="col">Liaison</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <MatchRow key={m.id} match={m} onlyMentor={listLink({ ...filters, mentorId: m.mentor.id })} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <LoadMore list={list} label="Load more matches" />
    </Page>
  );
}
