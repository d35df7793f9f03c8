import type { Deps } from '../../deps.ts';
import { matchDates } from '../matches/match-dates.rules.ts';
import { getSettings } from '../programs/program.service.ts';
import type { GoalSheetContent, GoalSheetStatus } from '../../shared/api/goal-sheets.ts';
import { listPeriodSheets } from './goal-sheets.store.ts';

/** A period's match with its goal sheet's content and the day the sheet is due. */
export interface GoalSheetContentRow {
  matchId: number;
  matchedAt: string;
  mentorName: string;
  menteeName: string;
  /** Null: nobody saved one yet. */
  sheet: {
    status: GoalSheetStatus;
    content: GoalSheetContent;
    submittedAt: string | null;
    reviewedAt: string | null;
  } | null;
  /** YYYY-MM-DD in the program's time zone: the match date plus the program's deadline. */
  dueOn: string;
}

/**
 * Staff: every match of a period with its goal sheet as it stands, goals and all (the caller
 * checks the period exists and who may ask). The due date is the one the goal-sheet list shows.
 */
export async function listGoalSheetContents(
  deps: Pick<Deps, 'db'>,
  period: { id: number; programEndsOn: string },
): Promise<GoalSheetContentRow[]> {
  const [settings, rows] = await Promise.all([getSettings(deps), listPeriodSheets(deps.db, period.id)]);
  return rows.map((r) => ({
    matchId: r.matchId,
    matchedAt: r.matchedAt,
    mentorName: r.mentor.name,
    menteeName: r.mentee.name,
    sheet: r.sheet && {
      status: r.sheet.status,
      content: r.sheet.content,
      submittedAt: r.sheet.submittedAt,
      reviewedAt: r.sheet.reviewedAt,
    },
    dueOn: matchDates(r.matchedAt, period.programEndsOn, settings).goalSheetDueOn,
  }));
}
