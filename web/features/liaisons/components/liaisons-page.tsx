import { Link, useSearchParams } from 'react-router';
import { defaultPeriodId } from '../../../../src/shared/default-period.ts';
import { PERIOD_STATUS_LABELS } from '../../../../src/shared/period-status.ts';
import { LIAISON_FILTERS } from '../../../../src/shared/api/liaisons.ts';
import { Card } from '../../../components/ui/card.tsx';
import { ListSearchForm, SearchTextField, useSearchText } from '../../../components/ui/list-search-form.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { usePeriods } from '../../../lib/reads/periods.ts';
import { usePeriodLiaisons } from '../api/get-period-liaisons.ts';
import type { PeriodLiaisonFilters, PeriodLiaisons } from '../api/get-period-liaisons.ts';
import { filtersToParams, isNarrowed, oneOf } from '../../../lib/list-filters.ts';
import { LiaisonChoice } from './liaison-choice.tsx';
import { SpreadForm } from './spread-form.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

const INTRO =
  'A liaison is a member of the matching committee who looks after a pair: they see how it is going, hear on Mondays when it needs attention, and the pair see them as a contact.';

const pairs = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'pair' : 'pairs'}`;

/** The list's state from the page's address (the period apart); anything unknown there is ignored. */
function filtersFromParams(params: URLSearchParams): PeriodLiaisonFilters {
  const q = params.get('q')?.trim();
  const liaison = oneOf(LIAISON_FILTERS, params.get('liaison'));
  const liaisonUserId = Number(params.get('liaisonUserId'));
  return {
    ...(q ? { q } : {}),
    ...(liaison ? { liaison } : {}),
    ...(Number.isInteger(liaisonUserId) && liaisonUserId > 0 ? { liaisonUserId } : {}),
  };
}

/** The one "Liaison" choice: anyone or nobody, or one committee member's pairs. */
const whoValue = (f: PeriodLiaisonFilters) => (f.liaisonUserId ? `member-${f.liaisonUserId}` : (f.liaison ?? ''));
function whoFilters(value: string): Pick<PeriodLiaisonFilters, 'liaison' | 'liaisonUserId'> {
  const member = /^member-(\d+)$/.exec(value)?.[1];
  return member
    ? { liaison: undefined, liaisonUserId: Number(member) }
    : { liaison: oneOf(LIAISON_FILTERS, value), liaisonUserId: undefined };
}

/** Search by name or address; the liaison choice applies at once, the text when the form is sent. */
function Filters({
  filters,
  data,
  onChange,
}: {
  filters: PeriodLiaisonFilters;
  data: PeriodLiaisons | undefined;
  onChange: (next: PeriodLiaisonFilters) => void;
}) {
  const { q, setQ, apply, clearButton } = useSearchText(filters, onChange);
  const members = data?.committee ?? [];
  // A member chosen in the address who has since left the committee still shows, so the choice says what is asked.
  const chosenMissing = filters.liaisonUserId !== undefined && !members.some((m) => m.userId === filters.liaisonUserId);
  return (
    <ListSearchForm label="Find pairs" onSearch={() => apply({})} clear={clearButton('Show every pair', {})}>
      <SearchTextField value={q} onChange={setQ} />
      <SelectField
        label="Liaison"
        value={whoValue(filters)}
        options={[
          { value: '', label: 'With or without a liaison' },
          { value: 'none', label: data ? `No liaison yet (${data.counts.withoutLiaison.toLocaleString('en-US')})` : 'No liaison yet' },
          { value: 'assigned', label: 'Has a liaison' },
          ...members.map((m) => ({ value: `member-${m.userId}`, label: `${m.name}’s pairs (${m.matches.toLocaleString('en-US')})` })),
          ...(chosenMissing ? [{ value: `member-${filters.liaisonUserId}`, label: 'A former committee member’s pairs' }] : []),
        ]}
        onChange={(value) => apply(whoFilters(value))}
      />
    </ListSearchForm>
  );
}

function MatchesTable({
  periodId,
  filters,
  onFilters,
}: {
  periodId: number;
  filters: PeriodLiaisonFilters;
  onFilters: (next: PeriodLiaisonFilters) => void;
}) {
  const list = usePeriodLiaisons(periodId, filters);
  const first = list.data?.pages[0];
  const data = first && first.period.id === periodId ? first : undefined;
  const shown = data ? (list.data?.pages.flatMap((p) => p.matches) ?? []) : [];
  const filtered = isNarrowed(filters);
  const total = data?.total ?? 0;
  return (
    <>
      {data ? <SpreadForm key={data.period.id} data={data} /> : null}
      <Card title={data ? `Active matches (${data.counts.active.toLocaleString('en-US')})` : 'Active matches'}>
        {data && data.counts.active > 0 ? (
          <p className="muted small">
            {data.counts.withoutLiaison === 0
              ? 'Every active match has a liaison.'
              : `${data.counts.withoutLiaison.toLocaleString('en-US')} of ${pairs(data.counts.active)} without a liaison.`}{' '}
            Each new liaison gets an e-mail about their pairs.
          </p>
        ) : null}
        <Filters key={JSON.stringify(filters)} filters={filters} data={data} onChange={onFilters} />
        {list.isError && shown.length === 0 ? (
          <LoadError error={list.error} what="this period’s liaisons" onRetry={() => void list.refetch()} />
        ) : null}
        {!data && !list.isError ? <Loading label="Loading the matches…" /> : null}
        {data && !list.isPlaceholderData ? (
          <p role="status" className="muted small">
            {shown.length === 0
              ? filtered
                ? 'No active matches fit this search.'
                : 'This period has no active matches. Once matches are approved, you can give each pair a liaison here.'
              : shown.length < total
                ? `Showing ${shown.length.toLocaleString('en-US')} of ${pairs(total)}${filtered ? ' matching this search' : ''}, oldest match first.`
                : `${pairs(total)}${filtered ? ' matching this search' : ''}, oldest match first.`}
          </p>
        ) : null}
        {list.isPlaceholderData ? <Loading label="Loading the matches…" /> : null}
        {data && shown.length > 0 ? (
          <TableWrap label="Active matches and their liaisons">
            <table className="table--cards" aria-busy={list.isPlaceholderData || undefined}>
              <caption className="visually-hidden">Active matches and their liaisons, oldest match first</caption>
              <thead>
                <tr>
                  <th scope="col">Mentee</th>
                  <th scope="col">Mentor</th>
                  <th scope="col">Liaison</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => (
                  <tr key={m.matchId}>
                    <th scope="row">{m.mentee.name}</th>
                    <td data-label="Mentor">{m.mentor.name}</td>
                    <td data-label="Liaison">
                      <LiaisonChoice match={m} committee={data.committee} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
        <LoadMore list={list} label="Load more pairs" />
      </Card>
    </>
  );
}

/** Staff: who looks after each pair of a period, one by one or spread evenly. The period is in the address (?period=3). */
export function LiaisonsPage() {
  const periods = usePeriods();
  const [params, setParams] = useSearchParams();
  const list = periods.data ?? [];
  const asked = Number(params.get('period'));
  const periodId = list.some((p) => p.id === asked) ? asked : defaultPeriodId(list);
  const filters = filtersFromParams(params);
  const before = (
    <p className="breadcrumb">
      <Link to={periodId === null ? '/health' : `/health?period=${periodId}`}>← Program health</Link>
    </p>
  );

  if (periods.isError) {
    return (
      <Page title="Liaisons" before={before} intro={<p>{INTRO}</p>}>
        <LoadError error={periods.error} what="the periods" onRetry={() => void periods.refetch()} />
      </Page>
    );
  }
  if (periods.isPending) {
    return (
      <Page title="Liaisons" before={before} intro={<p>{INTRO}</p>}>
        <Loading label="Loading the periods…" />
      </Page>
    );
  }
  if (periodId === null) {
    return (
      <Page title="Liaisons" before={before} intro={<p>{INTRO}</p>}>
        <p>
          There are no periods yet. <Link to="/periods">Set up a program year</Link> and approve its matches; then give each pair a liaison
          here.
        </p>
      </Page>
    );
  }

  return (
    <Page title="Liaisons" before={before} intro={<p>{INTRO}</p>}>
      <div className="health-period">
        <SelectField
          label="Period"
          value={String(periodId)}
          options={list.map((p) => ({ value: String(p.id), label: `${p.name} (${PERIOD_STATUS_LABELS[p.status]})` }))}
          onChange={(v) => setParams({ period: v }, { replace: true })}
        />
      </div>
      <div className="stack">
        <MatchesTable
          periodId={periodId}
          filters={filters}
          onFilters={(next) => setParams({ period: String(periodId), ...filtersToParams(next) })}
        />
      </div>
    </Page>
  );
}
