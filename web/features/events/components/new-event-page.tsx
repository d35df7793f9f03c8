import { Link, useNavigate } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useSettings } from '../../../lib/reads/settings.ts';
import { useCreateEvent } from '../api/create-event.ts';
import { EventForm } from './event-form.tsx';
import { blankEvent } from './event-form-values.ts';
import type { EventPageState } from './event-page-state.ts';

const back = (
  <p className="breadcrumb">
    <Link to="/events">← Events</Link>
  </p>
);

/** Staff schedule an event. It is saved as a draft: nobody hears of it until it is published. */
export function NewEventPage() {
  const settings = useSettings();
  const create = useCreateEvent();
  const navigate = useNavigate();
  return (
    <Page
      title="Schedule an event"
      before={back}
      intro={<p>Fill in the details and save a draft. Nobody is told until you publish it from the event’s page.</p>}
    >
      {settings.isError ? <LoadError error={settings.error} what="the program settings" onRetry={() => void settings.refetch()} /> : null}
      {settings.isPending ? <Loading label="Loading the form…" /> : null}
      {settings.data ? (
        <Card>
          <EventForm
            initial={blankEvent(settings.data.timeZone)}
            submitLabel="Save as draft"
            busy={create.isPending}
            error={create.isError ? create.error : null}
            onSubmit={(input) =>
              create.mutate(input, {
                onSuccess: (event) => void navigate(`/events/${event.id}`, { state: { saved: 'created' } satisfies EventPageState }),
              })
            }
            onCancel={() => void navigate('/events')}
          />
        </Card>
      ) : null}
    </Page>
  );
}
