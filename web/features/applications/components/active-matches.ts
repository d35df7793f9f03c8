import type { Application } from '../api/get-application.ts';

const plural = (n: number, word: string): string => `${n} ${n === 1 ? word : `${word}s`}`;

function wordsList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * What review says about an applicant already in an active match (the server's rule is
 * src/features/matching-runs/active-matches.rules.ts): a mentee has one match at a time, and a
 * mentor's active matches take places from their capacity. Null when there is nothing to say.
 */
export function activeMatchWarning(a: Application): { badge: string; title: string; text: string } | null {
  const active = (a.activeMatches ?? []).filter((m) => m.matches > 0);
  if (active.length === 0) return null;
  const periods = wordsList(active.map((m) => m.periodName));
  if (a.role === 'mentee') {
    return {
      badge: 'Already matched',
      title: `Already in an active match in ${periods}`,
      text: 'A mentee has one match at a time: matching leaves them out while that match is active, and approval refuses a second mentor.',
    };
  }
  const matches = active.reduce((sum, m) => sum + m.matches, 0);
  const left = Math.max(0, a.answers.capacity - matches);
  return {
    badge: plural(matches, 'active match'),
    title: `Already mentoring in ${plural(matches, 'active match')} in ${periods}`,
    text:
      left === 0
        ? `They take ${plural(a.answers.capacity, 'mentee')}, so matching has no place left to give them.`
        : `They take ${plural(a.answers.capacity, 'mentee')}, so matching offers ${left === 1 ? 'the 1 place' : `the ${left} places`} left.`,
  };
}
