import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { useOutboxMessage } from '../api/get-outbox-message.ts';
import { MessageBody } from './message-body.tsx';
import { calendarFileWords } from './calendar-badge.tsx';
import { MessageStatusBadge } from './message-status-badge.tsx';

export function OutboxMessagePage() {
  const params = useParams();
  const id = Number(params.id);
  const message = useOutboxMessage(id);
  const back = (
    <p className="breadcrumb">
      <Link to="/outbox">← Back to the outbox</Link>
    </p>
  );

  if (message.isPending) {
    return (
      <Page title="Message" before={back}>
        <Loading label="Loading the message…" />
      </Page>
    );
  }
  if (message.isError) {
    const notFound = isApiError(message.error) && (message.error.status === 404 || message.error.status === 400);
    return (
      <Page title={notFound ? 'Message not found' : 'Message'} before={back}>
        {notFound ? (
          <p>We couldn’t find this message.</p>
        ) : (
          <LoadError error={message.error} what="the message" onRetry={() => void message.refetch()} />
        )}
      </Page>
    );
  }

  const m = message.data;
  return (
    <Page title={m.subject} documentTitle={`Message: ${m.subject}`} before={back}>
      <Card title="Details">
        <dl className="dl">
          <dt>To</dt>
          <dd>{m.toName ? `${m.toName} <${m.toAddress}>` : m.toAddress}</dd>
          <dt>Kind</dt>
          <dd>{m.kind.replaceAll('_', ' ')}</dd>
          <dt>Status</dt>
          <dd>
            <MessageStatusBadge status={m.status} />
            {m.status === 'sending' ? (
              <p className="muted">
                If this stays for more than a few minutes, the server stopped while handing it over: it may have arrived. It is not sent
                again on its own, so nobody gets it twice.
              </p>
            ) : null}
          </dd>
          {m.calendarMethod ? (
            <>
              <dt>Calendar file</dt>
              <dd>{calendarFileWords(m)} (attached as a .ics file)</dd>
            </>
          ) : null}
          <dt>Written</dt>
          <dd>{formatInstant(m.createdAt)}</dd>
          {m.sentAt ? (
            <>
              <dt>Sent</dt>
              <dd>{formatInstant(m.sentAt)}</dd>
            </>
          ) : null}
        </dl>
        {m.error ? (
          <Alert tone="error" announce={false} title="Delivery problem">
            <p>{m.error}</p>
          </Alert>
        ) : null}
      </Card>
      <Card title="Message">
        <MessageBody text={m.textBody} />
      </Card>
    </Page>
  );
}
