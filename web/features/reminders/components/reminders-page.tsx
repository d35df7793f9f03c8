import { Link, useSearchParams } from 'react-router';
import { REMINDER_FILTER_LABELS, REMINDER_FILTERS } from '../../../../src/shared/api/reminders.ts';
import type { Reminder, ReminderFilter } from '../../../../src/shared/api/reminders.ts';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { useReminders } from '../api/get-reminders.ts';
import { CancelReminderButton } from './cancel-reminder-button.tsx';
import { formatProgramTime } from './format-program-time.ts';
import { ReminderStatusBadge } from './reminder-status-badge.tsx';

const FILTER_OPTIONS = REMINDER_FILTERS.map((value) => ({ value, label: REMINDER_FILTER_LABELS[value] }));

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

function asFilter(value: string | null): ReminderFilter {
  return (REMINDER_FILTERS as readonly string[]).includes(value ?? '') ? (value as ReminderFilter) : 'scheduled';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
  const filter = asFilter(params.get('show'));
  const reminders = useReminders(filter);
  const data = reminders.data;
  const timeZone = data?.timeZone ?? 'UTC';
  const label = REMINDER_FILTER_LABELS[filter].toLowerCase();

  return (
    <Page
      title="Reminders"
      intro={
        <>
          <p>
            Tandem e-mails both people of a match a week before their goal sheet is due, the day before, and the day after if it has not
            arrived; and when no contact has been logged for the number of weeks set in Settings.
          </p>
          <p>
            Reminders go out at 9:00 in the morning in the program’s time zone{data ? ` (${data.timeZone})` : ''}, and the times below are
            shown in that zone. Each reminder is checked again just before it goes out: if the goal sheet has arrived or a contact was
            logged, it is skipped. Each is sent once, even when Tandem runs on several servers.
          </p>
        </>
      }
    >
      <Card>
        <div className="form-row reminders-filter">
          <SelectField
            label="Show"
            value={filter}
            options={FILTER_OPTIONS}
            onChange={(value) => setParams(value === 'scheduled' ? {} : { show: value })}
          />
        </div>
      </Card>
      {reminders.isPending ? <Loading label="Loading reminders…" /> : null}
      {reminders.isError ? <LoadError error={reminders.error} what="the reminders" onRetry={() => void reminders.refetch()} /> : null}
      {data && !reminders.isPlaceholderData ? (
        <p className="muted small" role="status">
          {data.reminders.length === 0
            ? EMPTY[filter]
            : `Showing ${plural(data.reminders.length, `${label} reminder`, `${label} reminders`)}.`}
        </p>
      ) : null}
      {reminders.isPlaceholderData ? <Loading label="Loading reminders…" /> : null}
      {data && data.reminders.length > 0 ? (
        <TableWrap label={`${REMINDER_FILTER_LABELS[filter]} reminders`}>
          <table className="reminders-table table--cards" aria-busy={reminders.isPlaceholderData || undefined}>
            <caption className="visually-hidden">
              {REMINDER_FILTER_LABELS[filter]} reminders, {filter === 'scheduled' ? 'soonest first' : 'most recent first'}; times in{' '}
              {timeZone}
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
              {data.reminders.map((r) => (
                <ReminderRow key={r.id} reminder={r} timeZone={timeZone} filter={filter} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </Page>
  );
}
