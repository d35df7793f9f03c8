import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { OUTBOX_STATUSES } from '../../../../src/shared/api/outbox.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { useOutbox } from '../api/get-outbox.ts';
import type { OutboxFilters } from '../api/get-outbox.ts';
import { CalendarBadge } from './calendar-badge.tsx';
import { MessageStatusBadge } from './message-status-badge.tsx';
import { ListSearchForm } from '../../../components/ui/list-search-form.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

const STATUS_CHOICES = [
  { value: '', label: 'Any status' },
  { value: 'recorded', label: 'In outbox' },
  { value: 'sending', label: 'Handed to the mail server' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Not delivered' },
];

/** The search and status from the page's address (`to`, from older links, reads as a search). */
function filtersFromParams(params: URLSearchParams): OutboxFilters {
  const q = (params.get('q') ?? params.get('to') ?? '').trim();
  const status = OUTBOX_STATUSES.find((s) => s === params.get('status'));
  const kind = params.get('kind')?.trim();
  return { ...(q ? { q } : {}), ...(status ? { status } : {}), ...(kind ? { kind } : {}) };
}

const toParams = (f: OutboxFilters): Record<string, string> => ({
  ...(f.q ? { q: f.q } : {}),
  ...(f.status ? { status: f.status } : {}),
  ...(f.kind ? { kind: f.kind } : {}),
});

/** "reminder.goal-sheet-due-7" reads as "Reminder: goal sheet due 7". */
function kindLabel(kind: string): string {
  const words = kind.replace(/\./g, ': ').replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Filter({ filters, kinds, onApply }: { filters: OutboxFilters; kinds: readonly string[]; onApply: (next: OutboxFilters) => void }) {
  const [q, setQ] = useState(filters.q ?? '');
  // The kind in the address stays a choice even before the list of kinds has loaded.
  const known = filters.kind && !kinds.includes(filters.kind) ? [...kinds, filters.kind] : kinds;
  const kindChoices = [{ value: '', label: 'Any kind' }, ...known.map((k) => ({ value: k, label: kindLabel(k) }))];
  return (
    <ListSearchForm
      label="Filter messages"
      onSearch={() => onApply({ ...filters, q: q.trim() || undefined })}
      submitLabel="Show messages"
      clear={
        filters.q || filters.status || filters.kind
          ? {
              label: 'Show all messages',
              onClear: () => {
                setQ('');
                onApply({});
              },
            }
          : null
      }
    >
      <TextField
        label="Recipient’s e-mail address or subject"
        type="search"
        value={q}
        onChange={setQ}
        autoComplete="off"
        maxLength={200}
        hint="Part of an address, a name or a subject is enough."
      />
      <SelectField
        label="Status"
        value={filters.status ?? ''}
        options={STATUS_CHOICES}
        onChange={(value) => onApply({ ...filters, q: q.trim() || undefined, status: OUTBOX_STATUSES.find((s) => s === value) })}
      />
      <SelectField
        label="Kind of message"
        value={filters.kind ?? ''}
        options={kindChoices}
        onChange={(value) => onApply({ ...filters, q: q.trim() || undefined, kind: value || undefined })}
      />
    </ListSearchForm>
  );
}

const messages = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'message' : 'messages'}`;

export function OutboxPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const outbox = useOutbox(filters);
  const shown = outbox.data?.pages.flatMap((p) => p.messages) ?? [];
  const first = outbox.data?.pages[0];
  const filtered = Boolean(filters.q || filters.status || filters.kind);

  return (
    <Page
      title="Outbox"
      intro={
        <p>
          Every e-mail Tandem writes is kept here, newest first, so you can check what people were told and copy a link if a message goes
          astray.
        </p>
      }
    >
      {first?.delivery === 'outbox-only' ? (
        <Alert tone="warning" announce={false} title="E-mail sending is not set up">
          <p>Messages are kept here but not sent. Until an e-mail server is configured, open a message and pass its link on yourself.</p>
        </Alert>
      ) : null}
      <Card>
        <Filter key={params.toString()} filters={filters} kinds={first?.kinds ?? []} onApply={(next) => setParams(toParams(next))} />
      </Card>
      {outbox.isPending ? <Loading label="Loading messages…" /> : null}
      {outbox.isError && shown.length === 0 ? (
        <LoadError error={outbox.error} what="the outbox" onRetry={() => void outbox.refetch()} />
      ) : null}
      {outbox.isSuccess && shown.length === 0 ? (
        <p role="status">
          {filtered ? 'No messages match this search.' : 'No messages yet. Invitations and password resets will appear here.'}
        </p>
      ) : null}
      {first && shown.length > 0 ? (
        <p role="status">
          {shown.length < first.total
            ? `Showing ${shown.length.toLocaleString('en-US')} of ${messages(first.total)}`
            : messages(first.total)}
          {filtered ? ' matching this search.' : '.'}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <TableWrap label="Messages">
          <table>
            <caption className="visually-hidden">Messages, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Written</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/outbox/${m.id}`}>{m.subject}</Link>
                    {m.calendarMethod ? (
                      <>
                        {' '}
                        <CalendarBadge message={m} />
                      </>
                    ) : null}
                  </th>
                  <td>
                    {m.toName ? (
                      <>
                        {m.toName}
                        <br />
                        <span className="muted small">{m.toAddress}</span>
                      </>
                    ) : (
                      m.toAddress
                    )}
                  </td>
                  <td>
                    <MessageStatusBadge status={m.status} />
                  </td>
                  <td>{formatInstant(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <LoadMore list={outbox} label="Load more messages" />
    </Page>
  );
}
