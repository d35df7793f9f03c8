import type { Executor } from '../../db/executor.ts';
import { readInPages } from '../../db/read-in-pages.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { storedValue } from '../../db/stored-value.ts';
import { EMPTY_GOAL_SHEET, GOAL_SHEET_EVENTS, GOAL_SHEET_STATUSES, goalSheetContentSchema } from '../../shared/api/goal-sheets.ts';
import type { GoalSheetContent, GoalSheetEvent, GoalSheetStatus } from '../../shared/api/goal-sheets.ts';
import { MATCH_STATUSES } from '../../shared/match-status.ts';
import type { MatchStatus } from '../../shared/match-status.ts';
import { sheetRecordOf, sheetRowsOfPeriod } from './period-goal-sheets.store.ts';

export interface SheetPerson {
  id: number;
  name: string;
  email: string;
}

/** A match as the goal sheet needs it: the pair, the period and its last day. */
export interface SheetMatch {
  id: number;
  status: MatchStatus;
  matchedAt: string;
  periodId: number;
  periodName: string;
  programEndsOn: string;
  mentor: SheetPerson;
  mentee: SheetPerson;
}

export interface GoalSheetRecord {
  id: number;
  matchId: number;
  status: GoalSheetStatus;
  revision: number;
  content: GoalSheetContent;
  updatedByName: string | null;
  updatedAt: string;
  submittedByName: string | null;
  submittedAt: string | null;
  firstSubmittedAt: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

export interface GoalSheetVersionRecord {
  revision: number;
  event: GoalSheetEvent;
  actorName: string | null;
  at: string;
  comment: string | null;
  content: GoalSheetContent;
}

const sheetStatus = (s: string): GoalSheetStatus => storedValue('goal_sheets', 'status', GOAL_SHEET_STATUSES, s);
const matchStatus = (s: string): MatchStatus => storedValue('matches', 'status', MATCH_STATUSES, s);

/** Stored JSON back to content; text that no longer parses reads as an empty sheet rather than a 500. */
function parseContent(text: string): GoalSheetContent {
  try {
    const parsed = goalSheetContentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : EMPTY_GOAL_SHEET;
  } catch {
    return EMPTY_GOAL_SHEET;
  }
}

export async function findSheetMatch(db: Executor, matchId: number): Promise<SheetMatch | undefined> {
  const r = await selectMatchWithPeople(db)
    .select([
      'm.id',
      'm.status',
      'm.matched_at',
      'm.period_id',
      'p.name as period_name',
      'p.program_ends_on',
      'mu.id as mentor_id',
      'mu.name as mentor_name',
      'mu.email as mentor_email',
      'eu.id as mentee_id',
      'eu.name as mentee_name',
      'eu.email as mentee_email',
    ])
    .where('m.id', '=', matchId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    status: matchStatus(r.status),
    matchedAt: r.matched_at,
    periodId: r.period_id,
    periodName: r.period_name,
    programEndsOn: r.program_ends_on,
    mentor: { id: r.mentor_id, name: r.mentor_name, email: r.mentor_email },
    mentee: { id: r.mentee_id, name: r.mentee_name, email: r.mentee_email },
  };
}

export async function findSheet(db: Executor, matchId: number): Promise<GoalSheetRecord | undefined> {
  const r = await db
    .selectFrom('goal_sheets as g')
    .leftJoin('users as uu', 'uu.id', 'g.updated_by')
    .leftJoin('users as su', 'su.id', 'g.submitted_by')
    .leftJoin('users as ru', 'ru.id', 'g.reviewed_by')
    .select([
      'g.id',
      'g.match_id',
      'g.status',
      'g.revision',
      'g.content',
      'uu.name as updated_by_name',
      'g.updated_at',
      'su.name as submitted_by_name',
      'g.submitted_at',
      'g.first_submitted_at',
      'ru.name as reviewed_by_name',
      'g.reviewed_at',
      'g.review_comment',
    ])
    .where('g.match_id', '=', matchId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    matchId: r.match_id,
    status: sheetStatus(r.status),
    revision: r.revision,
    content: parseContent(r.content),
    updatedByName: r.updated_by_name,
    updatedAt: r.updated_at,
    submittedByName: r.submitted_by_name,
    submittedAt: r.submitted_at,
    firstSubmittedAt: r.first_submitted_at,
    reviewedByName: r.reviewed_by_name,
    reviewedAt: r.reviewed_at,
    reviewComment: r.review_comment,
  };
}

/** The first save creates the row at revision 1. Two first saves at once: the second hits the unique match_id. */
export async function insertSheet(
  db: Executor,
  s: { matchId: number; content: GoalSheetContent; actorId: number; at: string },
): Promise<number> {
  const row = await db
    .insertInto('goal_sheets')
    .values({
      match_id: s.matchId,
      status: 'draft',
      revision: 1,
      content: JSON.stringify(s.content),
      updated_by: s.actorId,
      updated_at: s.at,
      submitted_by: null,
      submitted_at: null,
      first_submitted_at: null,
      reviewed_by: null,
      reviewed_at: null,
      review_comment: null,
      created_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface SheetChange {
  status: GoalSheetStatus;
  actorId: number;
  at: string;
  content?: GoalSheetContent;
  submitted?: boolean;
  reviewed?: { comment: string | null };
}

/**
 * Applies a change only if the sheet is still at `expectedRevision`, and bumps the revision. The
 * condition is the concurrency guard: of two writers who loaded the same revision, the second
 * waits for the first's row lock (PostgreSQL) or transaction (SQLite), then matches no row.
 */
export async function updateSheetAt(db: Executor, id: number, expectedRevision: number, c: SheetChange): Promise<boolean> {
  const result = await db
    .updateTable('goal_sheets')
    .set((eb) => ({
      status: c.status,
      revision: eb('revision', '+', 1),
      updated_by: c.actorId,
      updated_at: c.at,
      ...(c.content !== undefined && { content: JSON.stringify(c.content) }),
      ...(c.submitted && {
        submitted_by: c.actorId,
        submitted_at: c.at,
        first_submitted_at: eb.fn.coalesce('first_submitted_at', eb.val(c.at)),
        // A new submission starts a new review (the earlier note stays in the history).
        reviewed_by: null,
        reviewed_at: null,
        review_comment: null,
      }),
      ...(c.reviewed && { reviewed_by: c.actorId, reviewed_at: c.at, review_comment: c.reviewed.comment }),
    }))
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertVersion(
  db: Executor,
  v: {
    sheetId: number;
    revision: number;
    event: GoalSheetEvent;
    content: GoalSheetContent;
    comment: string | null;
    actorId: number;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('goal_sheet_versions')
    .values({
      goal_sheet_id: v.sheetId,
      revision: v.revision,
      event: v.event,
      content: JSON.stringify(v.content),
      comment: v.comment,
      actor_id: v.actorId,
      created_at: v.at,
    })
    .execute();
}

/** Every version of a sheet, newest first. */
export async function listVersions(db: Executor, sheetId: number): Promise<GoalSheetVersionRecord[]> {
  const rows = await db
    .selectFrom('goal_sheet_versions as v')
    .leftJoin('users as u', 'u.id', 'v.actor_id')
    .select(['v.revision', 'v.event', 'u.name as actor_name', 'v.created_at', 'v.comment', 'v.content'])
    .where('v.goal_sheet_id', '=', sheetId)
    .orderBy('v.id', 'desc')
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    event: storedValue('goal_sheet_versions', 'event', GOAL_SHEET_EVENTS, r.event),
    actorName: r.actor_name,
    at: r.created_at,
    comment: r.comment,
    content: parseContent(r.content),
  }));
}

export interface PeriodSheetRow {
  matchId: number;
  matchStatus: MatchStatus;
  matchedAt: string;
  mentor: { id: number; name: string };
  mentee: { id: number; name: string };
  /** Null when nobody has saved the sheet yet. */
  sheet: {
    status: GoalSheetStatus;
    goals: number;
    content: GoalSheetContent;
    submittedAt: string | null;
    firstSubmittedAt: string | null;
    reviewedAt: string | null;
  } | null;
}

const withGoalCount = (content: GoalSheetContent) => ({ content, goals: content.goals.length });

/** Every match of a period with its sheet, if any (a left join: a sheet nobody started still counts). */
export async function listPeriodSheets(db: Executor, periodId: number): Promise<PeriodSheetRow[]> {
  // A page of matches at a time, each page's sheets parsed with it (read-in-pages.ts): a period's
  // sheets, goals and all, are a second's reading and parsing at 27,000 matches.
  const ids = (await db.selectFrom('matches').select('id').where('period_id', '=', periodId).orderBy('id').execute()).map((r) => r.id);
  return readInPages(ids, async (page) =>
    (await sheetRowsOfPeriod(db, { periodId }).where('m.id', 'in', page).orderBy('m.id').execute()).map((r) =>
      sheetRecordOf(r, (content) => withGoalCount(parseContent(content ?? ''))),
    ),
  );
}
