import type { Suggestion } from '../api/get-my-suggestions.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Amara" from "Amara Nwosu": how the page speaks of someone after naming them in full. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** "AN" for "Amara Nwosu": shown in place of a photo. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => (p ?? '').charAt(0).toUpperCase()).join('');
}

export function yearsInWords(years: number): string {
  return plural(years, 'year', 'years');
}

export function placesLeftInWords(places: number): string {
  return places === 0 ? 'No places left' : `${plural(places, 'place', 'places')} left`;
}

/** "You can ask 1 mentor at a time." */
export function askLimitInWords(atOnce: number): string {
  return `You can ask ${plural(atOnce, 'mentor', 'mentors')} at a time.`;
}

/** The badge of a suggestion's fit: honest about what choosing them means for others, and kind. */
export const FIT_WORDS: Record<Suggestion['fit'], { badge: string; tone: 'success' | 'info' | 'warning' }> = {
  best: { badge: 'Your best fit', tone: 'success' },
  good: { badge: 'Also a good fit', tone: 'info' },
  costly: { badge: 'Popular: others depend on this mentor', tone: 'warning' },
};

/**
 * A line under the badges saying what the badge means for this mentor, or null when the badge says
 * it all. Never about anyone in particular: only that other mentees have few options besides them.
 */
export function fitNote(s: Suggestion, how: 'ask' | 'wish' = 'ask'): string | null {
  const first = firstName(s.name);
  const still = how === 'ask' ? 'You can still ask' : 'You can still name them';
  if (s.fit === 'costly') {
    return s.leavesSomeoneWithout
      ? `${first} may be the only good fit for another mentee. ${still}; a mentor who fits you as well and is less in demand would keep everyone’s options open.`
      : `Other mentees have few good fits besides ${first}. ${still}; your best fit keeps more options open for everyone.`;
  }
  if (s.inHighDemand) return `More mentees fit ${first} best than ${first} has places, so ${first} may not be able to say yes to everyone.`;
  return null;
}

/** "Answer by Friday, December 18" style, in the viewer's own calendar. */
const answerByFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
export function answerBy(iso: string): string {
  const d = new Date(iso);
  // A request lapses when its last day is over: the instant the next day starts, so show the day before.
  return Number.isNaN(d.getTime()) ? iso : answerByFormat.format(new Date(d.getTime() - 1));
}
