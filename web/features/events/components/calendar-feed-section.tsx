import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { useCreateCalendarFeed } from '../api/create-calendar-feed.ts';
import { useDeleteCalendarFeed } from '../api/delete-calendar-feed.ts';
import { useCalendarFeed } from '../api/get-calendar-feed.ts';

/** The new address, shown this once, with a button to copy it. */
function NewAddress({ url }: { url: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <Alert tone="success" title="Your calendar feed is ready.">
      <p>
        Copy this address now and add it to your calendar app as a subscription (“From URL” or “Subscribe to calendar”). We show it only
        this once. Keep it to yourself: anyone with it can see your events.
      </p>
      <TextField label="Your calendar feed address" value={url} onChange={() => undefined} readOnly onFocus={(e) => e.target.select()} />
      <div className="form-actions">
        <Button variant="secondary" small onClick={() => void copy()}>
          Copy the address
        </Button>
        <span aria-live="polite" className="small">
          {copied === 'yes'
            ? 'Copied.'
            : copied === 'no'
              ? 'Your browser didn’t let us copy it: select the address and copy it yourself.'
              : ''}
        </span>
      </div>
    </Alert>
  );
}

/** A private address calendar apps can follow, so every event you're invited to shows up by itself. */
export function CalendarFeedSection() {
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const remove = useDeleteCalendarFeed();
  const newUrl = create.data?.url ?? null;

  return (
    <Card title="Calendar feed">
      <p>
        Subscribe to your events from Google Calendar, Outlook, Apple Calendar or another calendar app. Events you’re invited to appear
        there by themselves, and changes and cancellations follow.
      </p>
      {feed.isPending ? <Loading label="Loading your calendar feed…" /> : null}
      {feed.isError ? <LoadError error={feed.error} what="your calendar feed" onRetry={() => void feed.refetch()} /> : null}
      {newUrl ? <NewAddress url={newUrl} /> : null}
      {remove.isSuccess && !feed.data?.active ? <Alert tone="success">Your calendar feed is turned off.</Alert> : null}
      {feed.data ? (
        feed.data.active ? (
          <>
            {newUrl ? null : (
              <p>
                Your feed is on{feed.data.createdAt ? ` (made ${formatInstant(feed.data.createdAt)})` : ''}. For your privacy we don’t show
                its address again. If you’ve lost it, make a new one: the old address then stops working.
              </p>
            )}
            <div className="form-actions">
              <ConfirmAction
                variant="secondary"
                label="Make a new address"
                labelDetail="for your calendar feed"
                question="Make a new address? The old one stops working, so calendars that use it stop updating."
                groupLabel="Confirm making a new calendar feed address"
                confirmLabel="Yes, make a new one"
                busy={create.isPending}
                error={create.isError ? create.error : null}
                onConfirm={() => create.mutate()}
              />
              <ConfirmAction
                label="Turn off the feed"
                labelDetail=""
                question="Turn off your calendar feed? Calendars that use it stop updating."
                groupLabel="Confirm turning off the calendar feed"
                confirmLabel="Yes, turn it off"
                busy={remove.isPending}
                error={remove.isError ? remove.error : null}
                onConfirm={() => remove.mutate(undefined, { onSuccess: () => create.reset() })}
              />
            </div>
          </>
        ) : (
          <>
            <div className="form-actions">
              <Button busy={create.isPending} onClick={() => create.mutate()}>
                Make my calendar feed
              </Button>
            </div>
            {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
          </>
        )
      ) : null}
    </Card>
  );
}
