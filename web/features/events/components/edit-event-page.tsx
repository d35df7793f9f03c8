import { Link, useNavigate, useParams } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useEvent } from '../api/get-event.ts';
import { useUpdateEvent } from '../api/update-event.ts';
import { EventForm } from './event-form.tsx';
import { valuesOf } from './event-form-values.ts';
import type { EventPageState } from './event-page-state.ts';

/** Staff change an event. Once it is published, saving e-mails everyone invited the new details. */
export function EditEventPage() {
  const id = Number(useParams().id);
  const event = useEvent(id);
  const update = useUpdateEvent();
  const navigate = useNavigate();
  const back = (
    <p className="breadcrumb">
      <Link to={Number.isInteger(id) && id > 0 ? `/events/${id}` : '/events'}>← Back to the event</Link>
    </p>
  );

  if (!Number.isInteger(id) || id <= 0 || (event.isError && isApiError(event.error) && event.error.status === 404)) {
    return (
      <Page title="Event not found" before={back}>
        <p>We couldn’t find this event. It may have been deleted.</p>
      </Page>
    );
  }
  if (event.isError) {
    return (
      <Page title="Edit the event" before={back}>
        <LoadError error={event.error} what="the event" onRetry={() => void event.refetch()} />
      </Page>
    );
  }
  if (!event.data) {
    return (
      <Page title="Edit the event" before={back}>
        <Loading label="Loading the event…" />
      </Page>
    );
  }

  const e = event.data;
  const published = e.status === 'published';
  return (
    <Page title={`Edit: ${e.title}`} documentTitle="Edit the event" before={back}>
      <Card>
        <EventForm
          key={e.id}
          initial={valuesOf(e)}
          submitLabel="Save changes"
          note={
            published
              ? 'This event is published. If you change what people were told (the kind, title, description, time, place, join link or host), everyone invited gets an e-mail with the new details and an updated calendar file.'
              : undefined
          }
          busy={update.isPending}
          error={update.isError ? update.error : null}
          onSubmit={(input) =>
            update.mutate(
              { id: e.id, event: input },
              { onSuccess: () => void navigate(`/events/${e.id}`, { state: { saved: 'updated' } satisfies EventPageState }) },
            )
          }
          onCancel={() => void navigate(`/events/${e.id}`)}
        />
      </Card>
    </Page>
  );
}
