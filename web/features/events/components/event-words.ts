import type { EventView } from '../../../../src/shared/api/events.ts';
import type { EventAudience, EventPhase, RsvpState } from '../../../../src/shared/events.ts';

export const PHASE_LABELS: Record<EventPhase, string> = {
  draft: 'Draft',
  upcoming: 'Upcoming',
  happening: 'Happening now',
  past: 'Finished',
  cancelled: 'Cancelled',
};

export const PHASE_TONES: Record<EventPhase, 'neutral' | 'success' | 'danger' | 'info' | 'warning'> = {
  draft: 'warning',
  upcoming: 'info',
  happening: 'success',
  past: 'neutral',
  cancelled: 'danger',
};

const AUDIENCE_WORDS: Record<Exclude<EventAudience, 'period_matches'>, string> = {
  everyone: 'everyone in the program',
  mentors: 'all mentors',
  mentees: 'all mentees',
  staff: 'the program staff',
};

/** Who is invited, as the end of a sentence: "all mentors", "every mentor and mentee matched in 2026". */
export function audienceWords(event: Pick<EventView, 'audience' | 'periodName'>): string {
  if (event.audience !== 'period_matches') return AUDIENCE_WORDS[event.audience];
  return `the mentor and mentee of every active match in ${event.periodName ?? 'the chosen period'}`;
}

/** What a person is told once their answer is in. */
export function answerThanks(state: RsvpState, waitlistPosition: number | null): string {
  switch (state) {
    case 'yes':
      return 'Thanks — you’re going. See you there!';
    case 'maybe':
      return 'Thanks — we’ve noted a maybe. Come back and answer yes or no when you know.';
    case 'no':
      return 'Thanks for letting us know — you’re not going. If your plans change, you can answer again.';
    case 'waitlist':
      return waitlistPosition
        ? `This event is full, so you’re number ${waitlistPosition} on the waitlist. If a place opens up, it goes to the next person in line.`
        : 'This event is full, so you’re on the waitlist. If a place opens up, it goes to the next person in line.';
  }
}

/** "12 going · 3 maybe · 2 waiting · 40 places", for staff's lists. */
export function countsWords(event: Pick<EventView, 'counts' | 'capacity'>): string {
  const { yes, maybe, waitlist } = event.counts;
  const parts = [`${yes} going`, `${maybe} maybe`];
  if (waitlist > 0) parts.push(`${waitlist} waiting`);
  if (event.capacity !== null) parts.push(`${event.capacity} ${event.capacity === 1 ? 'place' : 'places'}`);
  return parts.join(' · ');
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
