import type { GoalSheetEvent, GoalSheetStatus } from '../../shared/api/goal-sheets.ts';
import { pick } from '../../shared/seeded-random.ts';
import { DAY_MS } from '../../time/clock.ts';
import { addDays } from '../../time/zoned.ts';
import type { Row } from './bulk-insert.ts';
import { contactNote } from './demo-contacts.ts';
import { ACKNOWLEDGE_COMMENTS, demoSheetContent, RETURN_COMMENTS } from './demo-goal-sheets.ts';
import type { PlannedMatch } from './scale-matches.ts';
import type { PeoplePlan } from './scale-people.ts';

/**
 * A match year as the pairs and the program office leave it: most pairs write a goal sheet
 * (sent on time, late, returned and sent again, or still a draft), and log a few contacts.
 * A finished year has more of everything than one five weeks in.
 */

type Plan = 'none' | 'draft' | 'submitted' | 'returned' | 'acknowledged';
/** [plan, share] for a finished year and for one in its first weeks. */
const FINISHED: [Plan, number][] = [
  ['none', 0.08],
  ['draft', 0.05],
  ['submitted', 0.05],
  ['returned', 0.03],
  ['acknowledged', 0.79],
];
const UNDER_WAY: [Plan, number][] = [
  ['none', 0.15],
  ['draft', 0.2],
  ['submitted', 0.2],
  ['returned', 0.07],
  ['acknowledged', 0.38],
];
/** Contacts a pair logs in a finished year and in its first weeks, by how lively the pair is. */
const CONTACTS_FINISHED = [0, 1, 2, 3, 4, 4, 5, 5, 6, 8, 10, 12];
const CONTACTS_UNDER_WAY = [0, 1, 1, 2, 2, 3, 3, 4, 5];

function draw<T>(random: () => number, shares: readonly [T, number][]): T {
  let r = random();
  for (const [value, share] of shares) {
    if (r < share) return value;
    r -= share;
  }
  return (shares[shares.length - 1] as [T, number])[0];
}

const iso = (ms: number) => new Date(ms).toISOString();

export interface YearRows {
  sheets: Row<'goal_sheets'>[];
  versions: Row<'goal_sheet_versions'>[];
  contacts: Row<'contacts'>[];
}

export function matchYearRows(
  matches: readonly PlannedMatch[],
  o: {
    people: PeoplePlan;
    random: () => number;
    goalIdsInOrder: readonly number[];
    activityIds: readonly number[];
    /** The calendar date and the instant the pairs were matched. */
    matchedOn: string;
    matchedAtMs: number;
    /** How many days of the year the pairs have had (up to yesterday, or the whole year). */
    daysSoFar: number;
    finished: boolean;
    deadlineDays: number;
    firstSheetId: number;
    staffIds: readonly number[];
  },
): YearRows {
  const { random } = o;
  const out: YearRows = { sheets: [], versions: [], contacts: [] };
  const dayMs = (day: number, hour: number) => o.matchedAtMs + day * DAY_MS + hour * 3_600_000;
  const lastDay = Math.max(1, o.daysSoFar - 1);
  for (const m of matches) {
    const template = o.people.templates[m.mentee.template];
    const channels = template?.channels ?? ['email'];
    const plan = draw(random, o.finished ? FINISHED : UNDER_WAY);
    if (plan !== 'none') {
      const id = o.firstSheetId + out.sheets.length;
      const content = JSON.stringify(
        demoSheetContent(random, {
          goalIdsInOrder: o.goalIdsInOrder,
          menteeGoalIds: template?.goalIds ?? [],
          channels,
          matchedOn: o.matchedOn,
          complete: plan !== 'draft',
        }),
      );
      // Days after the match: first saved, first sent (on time for most, late for some), reviewed.
      const late = random() < 0.2;
      const savedDay = 2 + Math.floor(random() * Math.min(12, lastDay - 1));
      const sentDay = Math.min(lastDay, late ? o.deadlineDays + 1 + Math.floor(random() * 20) : savedDay + 1 + Math.floor(random() * 10));
      const reviewDay = Math.min(lastDay, sentDay + 1 + Math.floor(random() * 5));
      const staffId = pick(random, o.staffIds);
      const events: { kind: GoalSheetEvent; actor: number; at: string; comment: string | null }[] = [
        { kind: 'saved', actor: m.mentee.userId, at: iso(dayMs(savedDay, 11)), comment: null },
      ];
      if (plan !== 'draft') events.push({ kind: 'submitted', actor: m.mentee.userId, at: iso(dayMs(sentDay, 12)), comment: null });
      if (plan === 'returned')
        events.push({ kind: 'returned', actor: staffId, at: iso(dayMs(reviewDay, 15)), comment: pick(random, RETURN_COMMENTS) });
      if (plan === 'acknowledged') {
        events.push({ kind: 'acknowledged', actor: staffId, at: iso(dayMs(reviewDay, 16)), comment: pick(random, ACKNOWLEDGE_COMMENTS) });
      }
      const status: GoalSheetStatus = plan;
      const submission = events.find((e) => e.kind === 'submitted');
      const review = plan === 'returned' || plan === 'acknowledged' ? (events[events.length - 1] ?? null) : null;
      const last = events[events.length - 1] ?? events[0]!;
      out.sheets.push({
        id,
        match_id: m.id,
        status,
        revision: events.length,
        content,
        updated_by: last.actor,
        updated_at: last.at,
        submitted_by: submission?.actor ?? null,
        submitted_at: submission?.at ?? null,
        first_submitted_at: submission?.at ?? null,
        reviewed_by: review?.actor ?? null,
        reviewed_at: review?.at ?? null,
        review_comment: review?.comment ?? null,
        created_at: events[0]!.at,
      });
      for (const [k, e] of events.entries()) {
        out.versions.push({
          goal_sheet_id: id,
          revision: k + 1,
          event: e.kind,
          content,
          comment: e.comment,
          actor_id: e.actor,
          created_at: e.at,
        });
      }
    }
    const count = pick(random, o.finished ? CONTACTS_FINISHED : CONTACTS_UNDER_WAY);
    const endDay = m.endedEarly ? Math.max(2, Math.floor(lastDay / 3)) : lastDay;
    for (let c = 0; c < count; c++) {
      const day = 1 + Math.floor(((c + random()) * endDay) / Math.max(count, 1));
      if (day > lastDay) break;
      out.contacts.push({
        match_id: m.id,
        logged_by: random() < 0.6 ? m.mentee.userId : m.mentor.userId,
        occurred_on: addDays(o.matchedOn, day),
        channel: pick(random, channels),
        activity_id: o.activityIds.length > 0 && random() < 0.4 ? pick(random, o.activityIds) : null,
        note: contactNote(random),
        created_at: iso(dayMs(day, 10)),
      });
    }
  }
  return out;
}
