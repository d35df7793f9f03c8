import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { useOutbox } from '../api/get-outbox.ts';
import { CalendarBadge } from './calendar-badge.tsx';
import { MessageStatusBadge } from './message-status-badge.tsx';

function Filter({ initial, onApply }: { initial: string; onApply: (to: string) => void }) {
  const [to, setTo] = useState(initial);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onApply(to.trim());
  };
  return (
    <form className="form" role="search" aria-label="Filter messages" onSubmit={submit}>
      <div className="form-row">
        <TextField
          label="Recipient’s e-mail address"
          type="search"
          value={to}
          onChange={setTo}
          autoComplete="off"
          hint="Show only messages sent to this address."
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="secondary">
          Show messages
        </Button>
        {initial ? (
          <Button
            variant="secondary"
            onClick={() => {
              setTo('');
              onApply('');
            }}
          >
            Show all messages
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export function OutboxPage() {
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? '';
  const outbox = useOutbox(to);

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
      {outbox.data?.delivery === 'outbox-only' ? (
        <Alert tone="warning" announce={false} title="E-mail sending is not set up">
          <p>Messages are kept here but not sent. Until an e-mail server is configured, open a message and pass its link on yourself.</p>
        </Alert>
      ) : null}
      <Card>
        <Filter key={to} initial={to} onApply={(value) => setParams(value ? { to: value } : {})} />
      </Card>
      {outbox.isPending ? <Loading label="Loading messages…" /> : null}
      {outbox.isError ? <LoadError error={outbox.error} what="the outbox" onRetry={() => void outbox.refetch()} /> : null}
      {outbox.data && outbox.data.messages.length === 0 ? (
        <p>{to ? `No messages to ${to}.` : 'No messages yet. Invitations and password resets will appear here.'}</p>
      ) : null}
      {outbox.data && outbox.data.messages.length > 0 ? (
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
              {outbox.data.messages.map((m) => (
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
    </Page>
  );
}
