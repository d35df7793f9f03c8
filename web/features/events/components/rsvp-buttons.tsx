import type { EventView } from '../../../../src/shared/api/events.ts';
import { useAnswerRsvp } from '../api/answer-rsvp.ts';
import { RsvpChoice } from './rsvp-choice.tsx';

/** The signed-in person's answer to one event. In a list, `compact` keeps it to the buttons. */
export function RsvpButtons({ event, compact = false }: { event: EventView; compact?: boolean }) {
  const answer = useAnswerRsvp();
  const sending = answer.isPending ? answer.variables.response : null;
  // Known to be full: a "yes" asks for the waitlist straight away (the server still decides).
  const full = event.capacity !== null && event.counts.yes >= event.capacity && event.myRsvp !== 'yes' && event.myRsvp !== 'waitlist';
  return (
    <RsvpChoice
      state={event.myRsvp}
      waitlistPosition={event.myWaitlistPosition}
      label={compact ? `Your answer: ${event.title}` : 'Will you come?'}
      itemLabel={compact ? event.title : undefined}
      sending={sending}
      closed={!event.rsvpOpen}
      error={answer.isError ? answer.error : null}
      withThanks={!compact}
      fullNote={full ? 'All places are taken: answering yes puts you on the waitlist, and if a place opens up it is yours.' : undefined}
      onAnswer={(response) => answer.mutate({ eventId: event.id, response, joinWaitlist: full && response === 'yes' })}
      onJoinWaitlist={() => answer.mutate({ eventId: event.id, response: 'yes', joinWaitlist: true })}
    />
  );
}
