import { pick } from '../../shared/seeded-random.ts';

/**
 * How often a demo pair keeps in touch. The model program wanted a casual relationship, so
 * logging is light: a date, a channel, sometimes an activity and a line of notes.
 */
export type ContactPace = 'lively' | 'steady' | 'fading' | 'silent';

/** Days after the match (0 = the match day) with a logged contact, up to yesterday. */
export function contactDays(random: () => number, pace: ContactPace, daysSoFar: number): number[] {
  const last = daysSoFar - 1;
  const days: number[] = [];
  const step = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  switch (pace) {
    case 'lively':
      for (let d = step(1, 3); d <= last; d += step(3, 7)) days.push(d);
      break;
    case 'steady':
      for (let d = step(2, 5); d <= last; d += step(9, 15)) days.push(d);
      break;
    case 'fading': {
      // A warm start, then nothing for three weeks or more: the staff's "quiet" list.
      const until = Math.max(1, daysSoFar - 23);
      const first = Math.min(step(1, 3), until);
      days.push(first);
      const second = first + step(4, 9);
      if (second <= until && random() < 0.7) days.push(second);
      break;
    }
    case 'silent':
      break;
  }
  return days;
}

/** A line a pair might jot down after talking; '' is common (notes are optional). */
const NOTES = [
  'Introductions by e-mail; we agreed to talk every other week.',
  'First video call: each other’s libraries, the storytime schedule and what we hope to get out of the year.',
  'Went through my résumé line by line. Lots to fix in the first half.',
  'Talked through a tricky parent complaint about a picture book on the display.',
  'Planned the summer reading kickoff together and made a list of performers to ask.',
  'Swapped our favourite new picture books for the spring display.',
  'Mock interview for the children’s librarian job at Cedar County. Written feedback to follow.',
  'Looked at the committee volunteer form together.',
  'Quick check-in by chat about the class visit on Friday.',
  'Talked about running a sensory storytime and what to do when it gets loud.',
  'Shared the outreach calendar for the school year.',
  'Went over the grant proposal for the makerspace before it goes in.',
];

export function contactNote(random: () => number): string {
  return random() < 0.3 ? '' : pick(random, NOTES);
}
