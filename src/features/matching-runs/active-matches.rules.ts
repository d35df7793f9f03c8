/**
 * One match at a time: a mentee has at most one active match, and a mentor's capacity counts
 * every active match they are in, whichever period it belongs to. Pure: the counts come from
 * the matches feature (countActiveMatchesOf), the pool from the applications feature.
 */

/** How many active matches one person is in on one side, in one period. */
export interface ActiveMatchLoad {
  userId: number;
  side: 'mentor' | 'mentee';
  periodName: string;
  matches: number;
}

/** What these rules need of an application. */
export interface PoolApplication {
  id: number;
  userId: number;
  role: 'mentor' | 'mentee';
  applicantName: string;
  answers: { capacity: number };
}

export interface PoolBookings {
  /** Mentee applications whose person already has a mentor: left out of the run, with why. */
  bookedMentees: { menteeApplicationId: number; menteeName: string; explanation: string }[];
  /** Places each mentor application has left once their active matches are counted (never below 0). */
  placesLeft: Map<number, number>;
  /** One line per mentor whose active matches take some of their places, for the run's notes. */
  notes: string[];
}

export interface DoubleBooking {
  applicationId: number;
  message: string;
}

const plural = (n: number, word: string, words = `${word}s`): string => `${n} ${n === 1 ? word : words}`;

function wordsList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** A person's active matches on one side: how many, and in which periods (in the order given). */
export function activeLoadOf(
  loads: readonly ActiveMatchLoad[],
  userId: number,
  side: 'mentor' | 'mentee',
): { matches: number; periods: string[] } {
  let matches = 0;
  const periods: string[] = [];
  for (const l of loads) {
    if (l.userId !== userId || l.side !== side || l.matches <= 0) continue;
    matches += l.matches;
    if (!periods.includes(l.periodName)) periods.push(l.periodName);
  }
  return { matches, periods };
}

/** "already has a mentor in an active match (Fall cohort)": why a mentee cannot have another. */
export function menteeBookedWords(periods: readonly string[]): string {
  return `already has a mentor in an active match (${wordsList(periods)}); a mentee has one match at a time`;
}

/**
 * What a run may use of its pool: mentees already in an active match are left out, and each
 * mentor offers only the places their active matches leave.
 */
export function poolBookings(pool: readonly PoolApplication[], loads: readonly ActiveMatchLoad[]): PoolBookings {
  const bookedMentees: PoolBookings['bookedMentees'] = [];
  const placesLeft = new Map<number, number>();
  const notes: string[] = [];
  for (const a of pool) {
    const load = activeLoadOf(loads, a.userId, a.role);
    if (a.role === 'mentee') {
      if (load.matches > 0) {
        bookedMentees.push({ menteeApplicationId: a.id, menteeName: a.applicantName, explanation: menteeBookedWords(load.periods) });
      }
      continue;
    }
    const capacity = a.answers.capacity;
    const left = Math.max(0, capacity - load.matches);
    placesLeft.set(a.id, left);
    if (load.matches === 0) continue;
    const by = `taken by ${plural(load.matches, 'active match', 'active matches')} in ${wordsList(load.periods)}`;
    notes.push(
      left === 0
        ? `${a.applicantName} takes no mentee in this run: ${capacity === 1 ? 'their place is' : `all ${capacity} of their places are`} ${by}.`
        : `${a.applicantName} has ${left} of ${plural(capacity, 'place')} left in this run; the others are ${by}.`,
    );
  }
  return { bookedMentees, placesLeft, notes };
}

/**
 * The pairs that would double-book someone: a mentee who already has an active match, or a
 * mentor whose active matches plus their pairs here exceed their capacity. A mentor with no
 * active match elsewhere is not judged here: going over capacity within one proposal is the
 * committee's call, made by hand with the warning accepted.
 */
export function doubleBookings(
  pairs: readonly { menteeApplicationId: number; mentorApplicationId: number }[],
  applications: ReadonlyMap<number, PoolApplication>,
  loads: readonly ActiveMatchLoad[],
): DoubleBooking[] {
  const out: DoubleBooking[] = [];
  const perMentor = new Map<number, number>();
  for (const p of pairs) {
    perMentor.set(p.mentorApplicationId, (perMentor.get(p.mentorApplicationId) ?? 0) + 1);
    const mentee = applications.get(p.menteeApplicationId);
    if (!mentee) continue;
    const load = activeLoadOf(loads, mentee.userId, 'mentee');
    if (load.matches > 0) out.push({ applicationId: mentee.id, message: `${mentee.applicantName} ${menteeBookedWords(load.periods)}.` });
  }
  for (const [mentorApplicationId, here] of perMentor) {
    const mentor = applications.get(mentorApplicationId);
    if (!mentor) continue;
    const load = activeLoadOf(loads, mentor.userId, 'mentor');
    const capacity = mentor.answers.capacity;
    if (load.matches > 0 && load.matches + here > capacity) {
      out.push({
        applicationId: mentor.id,
        message: `${mentor.applicantName} takes ${plural(capacity, 'mentee')} and already has ${plural(load.matches, 'active match', 'active matches')} (${wordsList(load.periods)}); this would add ${here} more.`,
      });
    }
  }
  return out;
}

/** Each person's active matches per side, in a stable order: what a pool fingerprint depends on. */
export function loadsForFingerprint(loads: readonly ActiveMatchLoad[]): [number, 'mentor' | 'mentee', number][] {
  const totals = new Map<string, [number, 'mentor' | 'mentee', number]>();
  for (const l of loads) {
    const key = `${l.userId}/${l.side}`;
    const row = totals.get(key) ?? [l.userId, l.side, 0];
    row[2] += l.matches;
    totals.set(key, row);
  }
  return [...totals.values()].filter((r) => r[2] > 0).sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
}
