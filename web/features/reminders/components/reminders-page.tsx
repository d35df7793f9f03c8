import { Link, useSearchParams } from 'react-router';
import {
  REMINDER_FILTER_LABELS,
  REMINDER_FILTERS,
  REMINDER_KIND_LABELS,
  REMINDER_KINDS,
  REMINDER_SORTS,
} from '../../../../src/shared/api/reminders.ts';
import type { Reminder, ReminderFilter, ReminderList, ReminderSort } from '../../../../src/shared/api/reminders.ts';
import { Card } from '../../../components/ui/card.tsx';
import { ListSearchForm, SearchTextField, useSearchText } from '../../../components/ui/list-search-form.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { filtersToParams, oneOf } from '../../../lib/list-filters.ts';
import { useReminders } from '../api/get-reminders.ts';
import type { ReminderFilters } from '../api/get-reminders.ts';
import { CancelReminderButton } from './cancel-reminder-button.tsx';
import { formatProgramTime } from './format-program-time.ts';
import { ReminderStatusBadge } from './reminder-status-badge.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

const KIND_OPTIONS = [{ value: '', label: 'Any reminder' }, ...REMINDER_KINDS.map((k) => ({ value: k, label: REMINDER_KIND_LABELS[k] }))];
const SORT_LABELS: Record<ReminderSort, string> = {
  soonest: 'Due to go out, soonest first',
  latest: 'Due to go out, latest first',
  finished: 'Most recently finished first',
};

const EMPTY: Record<ReminderFilter, string> = {
  scheduled: 'No reminders are waiting to go out. Reminders for a new match appear here within about 15 minutes.',
  sent: 'No reminders have gone out yet.',
  skipped: 'No reminders have been skipped.',
  failed: 'No reminders have failed.',
  cancelled: 'No reminders have been cancelled.',
};

const WHEN_HEADING: Record<ReminderFilter, string> = {
  scheduled: 'Goes out',
  sent: 'Was due',
  skipped: 'Was due',
  failed: 'Was due',
  cancelled: 'Was due',
};

/** The list's state from the page's address (`show` is the status); anything unknown there is ignored. */
function filtersFromParams(params: URLSearchParams): ReminderFilters {
  const q = params.get('q')?.trim();
  const kind = oneOf(REMINDER_KINDS, params.get('kind'));
  const sort = oneOf(REMINDER_SORTS, params.get('sort'));
  return {
    status: oneOf(REMINDER_FILTERS, params.get('show')) ?? 'scheduled',
    ...(kind ? { kind } : {}),
    ...(q ? { q } : {}),
    ...(sort ? { sort } : {}),
  };
}

/** The list's state for the page's address: the status as `show`, left out when it is the first one. */
const remindersToParams = (f: ReminderFilters) =>
  filtersToParams({ show: f.status === 'scheduled' ? undefined : f.status, kind: f.kind, q: f.q, sort: f.sort });

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** How many each status has, under the search: "12 scheduled · 30 sent · …". */
const countsLine = (counts: ReminderList['counts']) =>
  REMINDER_FILTERS.map((f) => `${counts[f].toLocaleString('en-US')} ${REMINDER_FILTER_LABELS[f].toLowerCase()}`).join(' · ');

/** Search by name; the choices apply at once, the text when the form is sent. */
function Filters({ filters, onChange }: { filters: ReminderFilters; onChange: (next: ReminderFilters) => void }) {
  const { q, setQ, apply, clearButton } = useSearchText(filters, onChange);
  const statusOptions = REMINDER_FILTERS.map((value) => ({ value, label: REMINDER_FILTER_LABELS[value] }));
  const defaultSort: ReminderSort = filters.status === 'scheduled' ? 'soonest' : 'finished';
  return (
    <ListSearchForm
      label="Find reminders"
      onSearch={() => apply({})}
      rowClassName="reminders-filter"
      clear={clearButton('Clear the search', { status: filters.status }, Boolean(filters.q || filters.kind || filters.sort))}
    >
      <SearchTextField label="Mentor’s or mentee’s name" value={q} onChange={setQ} />
      <SelectField
        label="Show"
        value={filters.status}
        options={statusOptions}
        onChange={(value) => apply({ status: oneOf(REMINDER_FILTERS, value) ?? 'scheduled', sort: undefined })}
      />
      <SelectField
        label="Reminder"
        value={filters.kind ?? ''}
        options={KIND_OPTIONS}
        onChange={(value) => apply({ kind: oneOf(REMINDER_KINDS, value) })}
      />
      <SelectField
        label="Order"
        value={filters.sort ?? defaultSort}
        options={REMINDER_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
        onChange={(value) => apply({ sort: value === defaultSort ? undefined : oneOf(REMINDER_SORTS, value) })}
      />
    </ListSearchForm>
  );
}

function StatusCell({ reminder }: { reminder: Reminder }) {
  return (
    <>
      <ReminderStatusBadge status={reminder.status} />
      {reminder.skipReason ? <p className="small">{reminder.skipReason}</p> : null}
      {reminder.status === 'scheduled' && reminder.attempts > 0 ? (
        <p className="small">Tried {plural(reminder.attempts, 'time', 'times')}; trying again at the time shown.</p>
      ) : null}
      {reminder.lastError && reminder.status !== 'sent' ? <p className="small cell-details">Last error: {reminder.lastError}</p> : null}
      {reminder.status === 'cancelled' && reminder.cancelledBy ? <p className="small muted">by {reminder.cancelledBy.name}</p> : null}
    </>
  );
}

function ReminderRow({ reminder, timeZone, filter }: { reminder: Reminder; timeZone: string; filter: ReminderFilter }) {
  return (
    <tr>
      <th scope="row" className="nowrap">
        {formatProgramTime(reminder.runAt, timeZone)}
      </th>
      <td data-label="Reminder">
        {reminder.kindLabel}
        {reminder.dueOn ? <p className="small muted">Goal sheet due {formatDate(reminder.dueOn)}</p> : null}
      </td>
      <td data-label="Match">
        {reminder.mentee.name} <span className="muted">(mentee)</span>
        <br />
        {reminder.mentor.name} <span className="muted">(mentor)</span>
        <p className="small muted">{reminder.periodName}</p>
      </td>
      <td data-label="Status">
        <StatusCell reminder={reminder} />
      </td>
      <td className="cell-actions">
        {reminder.status === 'scheduled' ? <CancelReminderButton reminder={reminder} /> : null}
        {reminder.outboxId !== null ? (
          <Link to={`/outbox/${reminder.outboxId}`}>
            View e-mail
            <span className="visually-hidden">
              {' '}
              “{reminder.kindLabel}” to {reminder.mentee.name}
            </span>
          </Link>
        ) : null}
        {filter !== 'scheduled' && reminder.outboxId === null ? <span className="muted">—</span> : null}
      </td>
    </tr>
  );
}

export function RemindersPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const filter = filters.status;
  const reminders = useReminders(filters);
  const first = reminders.data?.pages[0];
  const shown = reminders.data?.pages.flatMap((p) => p.reminders) ?? [];
  const timeZone = first?.timeZone ?? 'UTC';
  const label = REMINDER_FILTER_LABELS[filter].toLowerCase();
  const searched = Boolean(filters.q || filters.kind);
  const total = first?.total ?? 0;
  const order = filters.sort ?? (filter === 'scheduled' ? 'soonest' : 'finished');

  return (
    <Page
      title="Reminders"
      intro={
        <>
          <p>
            We e-mail both people of a match a week before their goal sheet is due, the day before, and the day after if it has not arrived;
            and when no contact has been logged for the number of weeks set in Settings.
          </p>
          <p>
            Reminders go out at 9:00 in the morning in the program’s time zone{first ? ` (${first.timeZone})` : ''}, and the times below are
            shown in that zone. Each reminder is checked again just before it goes out: if the goal sheet has arrived or a contact was
            logged, it is skipped. Each is sent once, even when the program runs on several servers.
          </p>
        </>
      }
    >
      <Card>
        <Filters key={params.toString()} filters={filters} onChange={(next) => setParams(remindersToParams(next))} />
        {first ? <p className="muted small">{countsLine(first.counts)}</p> : null}
      </Card>
      {reminders.isPending ? <Loading label="Loading reminders…" /> : null}
      {reminders.isError && shown.length === 0 ? (
        <LoadError error={reminders.error} what="the reminders" onRetry={() => void reminders.refetch()} />
      ) : null}
      {first && !reminders.isPlaceholderData ? (
        <p className="muted small" role="status">
          {shown.length === 0
            ? searched
              ? `No ${label} reminders match this search.`
              : EMPTY[filter]
            : `Showing ${shown.length < total ? `${shown.length.toLocaleString('en-US')} of ` : ''}${plural(total, `${label} reminder`, `${label} reminders`)}${searched ? ' matching this search' : ''}.`}
        </p>
      ) : null}
      {reminders.isPlaceholderData ? <Loading label="Loading reminders…" /> : null}
      {shown.length > 0 ? (
        <TableWrap label={`${REMINDER_FILTER_LABELS[filter]} reminders`}>
          <table className="reminders-table table--cards" aria-busy={reminders.isPlaceholderData || undefined}>
            <caption className="visually-hidden">
              {REMINDER_FILTER_LABELS[filter]} reminders, {SORT_LABELS[order].toLowerCase()}; times in {timeZone}
            </caption>
            <thead>
              <tr>
                <th scope="col">{WHEN_HEADING[filter]}</th>
                <th scope="col">Reminder</th>
                <th scope="col">Match</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <ReminderRow key={r.id} reminder={r} timeZone={timeZone} filter={filter} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <LoadMore list={reminders} label="Load more reminders" />
    </Page>
  );
}
