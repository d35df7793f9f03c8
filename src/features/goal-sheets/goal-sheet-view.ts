import { EMPTY_GOAL_SHEET } from '../../shared/api/goal-sheets.ts';
import type { GoalSheetView, GoalSheetViewer } from '../../shared/api/goal-sheets.ts';
import { daysUntil, matchDates } from '../matches/match-dates.rules.ts';
import type { ProgramGoalRecord } from '../programs/program.service.ts';
import type { ProgramSettings } from '../programs/program.service.ts';
import { isAllowed, isOverdue, maySubmit, onTime } from './goal-sheet.rules.ts';
import type { GoalSheetRecord, SheetMatch } from './goal-sheets.store.ts';

export interface ViewContext {
  settings: ProgramSettings;
  goals: readonly ProgramGoalRecord[];
  viewer: GoalSheetViewer;
  /** Staff may review even when they are also one of the pair. */
  viewerIsStaff: boolean;
  now: Date;
}

/** The match's deadline dates, as the program's time zone sees them. */
export function datesOf(match: SheetMatch, settings: ProgramSettings) {
  return matchDates(match.matchedAt, match.programEndsOn, settings);
}

/**
 * The sheet as one person sees it, with what they may do now. A match nobody has saved a sheet
 * for yet reads as an empty draft at revision 0 (the row is created by the first save).
 */
export function sheetView(match: SheetMatch, sheet: GoalSheetRecord | undefined, ctx: ViewContext): GoalSheetView {
  const { settings, viewer, now } = ctx;
  const dates = datesOf(match, settings);
  const status = sheet?.status ?? 'draft';
  const party = viewer !== 'staff';
  const active = match.status === 'active';
  const canEdit = party && active && isAllowed('save', status);
  return {
    matchId: match.id,
    matchStatus: match.status,
    programName: settings.programName,
    periodId: match.periodId,
    periodName: match.periodName,
    mentor: { id: match.mentor.id, name: match.mentor.name },
    mentee: { id: match.mentee.id, name: match.mentee.name },
    status,
    revision: sheet?.revision ?? 0,
    content: sheet?.content ?? EMPTY_GOAL_SHEET,
    matchedOn: dates.matchedOn,
    dueOn: dates.goalSheetDueOn,
    programEndsOn: dates.programEndsOn,
    daysLeft: daysUntil(dates.goalSheetDueOn, now, settings.timeZone),
    onTime: onTime(sheet?.firstSubmittedAt ?? null, dates.goalSheetDueOn, settings.timeZone),
    overdue: isOverdue(
      { firstSubmittedAt: sheet?.firstSubmittedAt ?? null, dueOn: dates.goalSheetDueOn, matchActive: active },
      now,
      settings.timeZone,
    ),
    submittedAt: sheet?.submittedAt ?? null,
    submittedByName: sheet?.submittedByName ?? null,
    firstSubmittedAt: sheet?.firstSubmittedAt ?? null,
    reviewedAt: sheet?.reviewedAt ?? null,
    reviewedByName: sheet?.reviewedByName ?? null,
    reviewComment: sheet?.reviewComment ?? null,
    updatedByName: sheet?.updatedByName ?? null,
    updatedAt: sheet?.updatedAt ?? null,
    viewer,
    canEdit,
    canSubmit: viewer !== 'staff' && canEdit && maySubmit(viewer, settings.goalSheetSubmitter),
    canReview: ctx.viewerIsStaff && isAllowed('acknowledge', status),
    submitter: settings.goalSheetSubmitter,
    goalsMin: settings.goalsPerSheetMin,
    goalsMax: settings.goalsPerSheetMax,
    programGoals: ctx.goals.map((g) => ({ id: g.id, title: g.title, retired: g.retired })),
    channels: settings.channels,
  };
}
