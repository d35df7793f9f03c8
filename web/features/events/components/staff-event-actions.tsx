import { Link, useNavigate } from 'react-router';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { useCancelEvent } from '../api/cancel-event.ts';
import { useDeleteEvent } from '../api/delete-event.ts';
import { usePublishEvent } from '../api/publish-event.ts';
import { audienceWords } from './event-words.ts';

/** Staff's buttons for one event: edit it, publish a draft, cancel a published event, delete a draft. */
export function StaffEventActions({ event }: { event: EventView }) {
  const publish = usePublishEvent();
  const cancel = useCancelEvent();
  const remove = useDeleteEvent();
  const navigate = useNavigate();
  const draft = event.status === 'draft';
  // Details change only before it starts; it can be cancelled until it is over.
  const editable = draft || event.phase === 'upcoming';
  const live = event.status === 'published' && (event.phase === 'upcoming' || event.phase === 'happening');

  return (
    <div className="item-row__actions event-actions">
      {editable ? (
        <Link to={`/events/${event.id}/edit`} className="button button--secondary button--small">
          Edit the event
        </Link>
      ) : null}
      {draft ? (
        <ConfirmAction
          variant="secondary"
          label="Publish"
          labelDetail={`and invite people: ${event.title}`}
          question={`Publish it now? We’ll e-mail an invitation with a calendar file to ${audienceWords(event)}.`}
          groupLabel="Confirm publishing the event"
          confirmLabel="Yes, publish and invite"
          busy={publish.isPending}
          error={publish.isError ? publish.error : null}
          onConfirm={() => publish.mutate(event.id)}
        />
      ) : null}
      {live ? (
        <ConfirmAction
          label="Cancel event"
          labelDetail={`: ${event.title}`}
          question="Cancel this event? Everyone invited gets an e-mail, and it comes off their calendars. This can’t be undone."
          groupLabel="Confirm cancelling the event"
          confirmLabel="Yes, cancel the event"
          busy={cancel.isPending}
          error={cancel.isError ? cancel.error : null}
          onConfirm={() => cancel.mutate(event.id)}
        />
      ) : null}
      {draft ? (
        <ConfirmAction
          label="Delete draft"
          labelDetail={`: ${event.title}`}
          question="Delete this draft? Nobody has been invited yet, so nobody is told."
          groupLabel="Confirm deleting the draft"
          confirmLabel="Yes, delete it"
          busy={remove.isPending}
          error={remove.isError ? remove.error : null}
          onConfirm={() => remove.mutate(event.id, { onSuccess: () => void navigate('/events') })}
        />
      ) : null}
    </div>
  );
}
