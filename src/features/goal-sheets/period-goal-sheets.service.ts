import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { defaultPeriodId } from '../../shared/default-period.ts';
import { daysUntil, matchDates } from '../matches/match-dates.rules.ts';
import { findPeriod, listPeriods } from '../periods/periods.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { GOAL_SHEET_STATUSES } from '../../shared/api/goal-sheets.ts';
import type { GoalSheetContent, GoalSheetList, GoalSheetListQuery, GoalSheetStatus } from '../../shared/api/goal-sheets.ts';
import { isOverdue, onTime } from './goal-sheet.rules.ts';
import { listPeriodSheets } from './goal-sheets.store.ts';
import { overdueIfMatchedBefore } from './period-goal-sheets.rules.ts';
import { countPeriodSheets, searchPeriodSheets } from './period-goal-sheets.store.ts';

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

/**
 * Staff: the matches of a period with where each sheet stands, searched, filtered and a page at a
 * time, worked from the top by default (overdue, then waiting for review, then by due date). The
 * database finds, orders and counts; the due dates and days left are worked out for the page only.
 */
export async function listGoalSheets(
  deps: Pick<Deps, 'db' | 'clock'>,
  q: Omit<GoalSheetListQuery, 'sort' | 'limit'> & Partial<Pick<GoalSheetListQuery, 'sort' | 'limit'>>,
): Promise<GoalSheetList> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const periods = await listPeriods(deps.db);
  const periodChoices = periods.map((p) => ({ id: p.id, name: p.name, status: p.status }));
  const periodId = q.periodId ?? defaultPeriodId(periods);
  const period = periodId === null ? undefined : await findPeriod(deps.db, periodId);
  if (q.periodId !== undefined && !period) throw new NotFoundError('period');
  if (!period) {
    const counts = { draft: 0, submitted: 0, returned: 0, acknowledged: 0, overdue: 0 };
    return { period: null, periods: periodChoices, counts, rows: [], nextCursor: null, total: 0 };
  }

  const filter = { periodId: period.id, q: q.q || undefined, overdueBefore: overdueIfMatchedBefore(now, settings) };
  const [page, counts] = await Promise.all([
    searchPeriodSheets(deps.db, { ...filter, status: q.status, sort: q.sort ?? 'attention', after: q.after, limit: q.limit ?? 50 }),
    countPeriodSheets(deps.db, filter),
  ]);
  const rows = page.rows.map((r) => {
    const dueOn = matchDates(r.matchedAt, period.programEndsOn, settings).goalSheetDueOn;
    const firstSubmittedAt = r.sheet?.firstSubmittedAt ?? null;
    return {
      matchId: r.matchId,
      matchStatus: r.matchStatus,
      mentor: r.mentor,
      mentee: r.mentee,
      status: r.sheet?.status ?? 'draft',
      started: r.sheet !== null,
      goals: r.sheet?.goals ?? 0,
      dueOn,
      daysLeft: daysUntil(dueOn, now, settings.timeZone),
      overdue: isOverdue({ firstSubmittedAt, dueOn, matchActive: r.matchStatus === 'active' }, now, settings.timeZone),
      onTime: onTime(firstSubmittedAt, dueOn, settings.timeZone),
      submittedAt: r.sheet?.submittedAt ?? null,
      reviewedAt: r.sheet?.reviewedAt ?? null,
    };
  });
  return {
    period: { id: period.id, name: period.name },
    periods: periodChoices,
    counts,
    rows,
    nextCursor: page.nextCursor,
    // The counts are after the search and before the status filter: the filter picks its own.
    total: q.status ? counts[q.status] : GOAL_SHEET_STATUSES.reduce((n, s) => n + counts[s], 0),
  };
}
