import type { LiaisonMatch } from '../../shared/api/program-health.ts';
import { instantAt, isoWeekOf, mondayOf } from '../../time/zoned.ts';

/**
 * The pure rules of liaisons: dealing a period's matches out evenly over committee members, which
 * pairs a weekly e-mail lists, and which week it is. Pure: everything comes in as arguments.
 */

export interface SpreadMatch {
  matchId: number;
  /** Members who may not look after this pair (they are one of it). */
  excluded?: readonly number[];
}

/**
 * Deals matches out round-robin over committee members, fewest first: each match in turn (by id)
 * goes to the member who looks after the fewest so far (counting `startingLoad`), the lower user
 * id among equals. Deterministic: the same matches and members give the same answer whatever
 * order the members were chosen in. A match every member is excluded from gets no one.
 */
export function spreadEvenly(
  matches: readonly SpreadMatch[],
  memberIds: readonly number[],
  startingLoad: ReadonlyMap<number, number> = new Map(),
): Map<number, number | null> {
  const members = [...new Set(memberIds)].sort((a, b) => a - b);
  const load = new Map(members.map((id) => [id, startingLoad.get(id) ?? 0]));
  const out = new Map<number, number | null>();
  for (const m of [...matches].sort((a, b) => a.matchId - b.matchId)) {
    let chosen: number | null = null;
    for (const id of members) {
      if (m.excluded?.includes(id)) continue;
      if (chosen === null || (load.get(id) ?? 0) < (load.get(chosen) ?? 0)) chosen = id;
    }
    out.set(m.matchId, chosen);
    if (chosen !== null) load.set(chosen, (load.get(chosen) ?? 0) + 1);
  }
  return out;
}

/**
 * Whether a liaison's weekly e-mail lists this pair: any risk at all, an open re-match request or
 * an "I'd like to talk" answer not yet handled (the last two always carry points, but are named
 * here so the rule does not hang on the scoring).
 */
export function needsAttention(m: Pick<LiaisonMatch, 'riskScore' | 'reasons'>): boolean {
  return m.riskScore > 0 || m.reasons.some((r) => r.code === 'rematch_requested' || r.code === 'check_in_talk');
}

/** The pairs a weekly e-mail lists, most urgent first (the input's order: highest risk first). */
export function digestSelection<T extends Pick<LiaisonMatch, 'riskScore' | 'reasons'>>(matches: readonly T[]): T[] {
  return matches.filter(needsAttention);
}

/** When the weekly e-mails go out: Monday at this time, in the program's time zone. */
export const DIGEST_TIME = '08:00';

/** This week's key and the instant its e-mails are due, for `today` in the program's time zone. */
export function digestWeek(today: string, timeZone: string): { week: string; sendAt: Date } {
  return { week: isoWeekOf(today), sendAt: instantAt(mondayOf(today), DIGEST_TIME, timeZone) };
}

/** How late the weekly e-mails may still go out: on Monday, or not at all that week (like a reminder). */
export const DIGEST_LATE_LIMIT_MS = 24 * 3_600_000;

/** Whether the weekly e-mails due at `sendAt` may go out at `now`: from their time, for a day. */
export function digestDue(sendAt: Date, now: Date): boolean {
  const late = now.getTime() - sendAt.getTime();
  return late >= 0 && late < DIGEST_LATE_LIMIT_MS;
}

/** The one key per liaison per week that makes the weekly e-mail go out once. */
export function digestDedupeKey(liaisonUserId: number, week: string): string {
  return `liaison-digest:u${liaisonUserId}:${week}`;
}
