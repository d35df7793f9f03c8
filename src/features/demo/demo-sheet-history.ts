import { pick } from '../../shared/seeded-random.ts';
import { toInstant } from '../../time/instant.ts';
import { addDays, instantAt } from '../../time/zoned.ts';
import { ACKNOWLEDGE_COMMENTS, RETURN_COMMENTS } from './demo-goal-sheets.ts';
import type { SheetEvent } from './demo-match-year.store.ts';

/** Where a demo pair's goal sheet got to, and whether it came in by the deadline. */
export type SheetPlan = 'acknowledged' | 'acknowledged_late' | 'submitted' | 'submitted_late' | 'returned' | 'draft' | 'not_started';

export interface SheetPair {
  matchedOn: string;
  menteeId: number;
  mentorId: number;
}

export interface HistoryContext {
  /** The program office's reviewer. */
  staffId: number;
  /** Days from the match to today: every step lands on a day that has already happened. */
  daysSoFar: number;
  deadlineDays: number;
  timeZone: string;
}

/**
 * A sheet's history for its plan, as the pair and the office would have made it: the mentee
 * starts it, the mentor adds to it, the mentee sends it (as the model program asks), and staff
 * acknowledge it or send it back with a comment.
 */
export function sheetHistory(r: () => number, plan: SheetPlan, pair: SheetPair, c: HistoryContext): SheetEvent[] {
  const latest = Math.max(1, c.daysSoFar - 1);
  const when = (offset: number, time: string) => toInstant(instantAt(addDays(pair.matchedOn, Math.min(offset, latest)), time, c.timeZone));
  const within = (from: number, to: number) => from + Math.floor(r() * (to - from + 1));
  const saved = (offset: number, by: number): SheetEvent => ({ kind: 'saved', actorId: by, at: when(offset, '20:30'), comment: null });
  const submitted = (offset: number): SheetEvent => ({
    kind: 'submitted',
    actorId: pair.menteeId,
    at: when(offset, '21:00'),
    comment: null,
  });
  const firstSave = within(6, 12);
  const secondSave = firstSave + within(2, 5);
  const onTime = Math.min(secondSave + within(2, 8), c.deadlineDays - 1);
  const late = c.deadlineDays + within(1, 4);
  switch (plan) {
    case 'not_started':
      return [];
    case 'draft':
      return r() < 0.5 ? [saved(firstSave, pair.menteeId)] : [saved(firstSave, pair.menteeId), saved(secondSave, pair.mentorId)];
    case 'submitted':
      return [saved(firstSave, pair.menteeId), saved(secondSave, pair.mentorId), submitted(onTime)];
    case 'submitted_late':
      return [saved(firstSave, pair.menteeId), submitted(late)];
    case 'returned':
      return [
        saved(firstSave, pair.menteeId),
        submitted(onTime),
        { kind: 'returned', actorId: c.staffId, at: when(onTime + within(2, 4), '10:30'), comment: pick(r, RETURN_COMMENTS) },
      ];
    case 'acknowledged':
      return [
        saved(firstSave, pair.menteeId),
        saved(secondSave, pair.mentorId),
        submitted(onTime),
        { kind: 'acknowledged', actorId: c.staffId, at: when(onTime + within(1, 3), '11:00'), comment: pick(r, ACKNOWLEDGE_COMMENTS) },
      ];
    case 'acknowledged_late':
      return [
        saved(firstSave, pair.menteeId),
        submitted(late),
        { kind: 'acknowledged', actorId: c.staffId, at: when(late + 1, '11:00'), comment: null },
      ];
  }
}
