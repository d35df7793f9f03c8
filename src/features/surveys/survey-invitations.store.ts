import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import { unlessChanged } from '../../db/unchanged-cache.ts';
import { RESPONDENT_ROLES } from '../../shared/surveys.ts';
import type { RespondentRole, SurveyAudience } from '../../shared/surveys.ts';
import { writeInChunks } from '../../db/write-in-chunks.ts';

/**
 * The identity side of a survey: who was asked, as which role, whether they answered (a date,
 * no more), the reminders they got, and their draft. Nothing here says what anyone answered.
 */

export interface SurveyInvitation {
  id: number;
  surveyId: number;
  userId: number;
  name: string;
  email: string;
  disabled: boolean;
  role: RespondentRole;
  invitedAt: string;
  mailedAt: string | null;
  lastReminder: string | null;
  remindersSent: number;
  respondedOn: string | null;
  draftSavedAt: string | null;
}

const selectInvitations = (db: Executor) =>
  db
    .selectFrom('survey_invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .leftJoin('survey_drafts as d', 'd.invitation_id', 'i.id')
    .selectAll('i')
    .select(['u.name', 'u.email', 'u.disabled_at', 'd.saved_at as draft_saved_at']);

type Row = Awaited<ReturnType<ReturnType<typeof selectInvitations>['executeTakeFirstOrThrow']>>;

const toRecord = (r: Row): SurveyInvitation => ({
  id: r.id,
  surveyId: r.survey_id,
  userId: r.user_id,
  name: r.name,
  email: r.email,
  disabled: r.disabled_at !== null,
  role: storedValue('survey_invitations', 'role', RESPONDENT_ROLES, r.role),
  invitedAt: r.invited_at,
  mailedAt: r.mailed_at,
  lastReminder: r.last_reminder,
  remindersSent: r.reminders_sent,
  respondedOn: r.responded_on,
  draftSavedAt: r.draft_saved_at,
});

export async function findSurveyInvitation(db: Executor, surveyId: number, userId: number): Promise<SurveyInvitation | undefined> {
  const r = await selectInvitations(db).where('i.survey_id', '=', surveyId).where('i.user_id', '=', userId).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

export async function listSurveyInvitations(db: Executor, surveyId: number): Promise<SurveyInvitation[]> {
  const rows = await selectInvitations(db).where('i.survey_id', '=', surveyId).orderBy('u.name').orderBy('i.id').execute();
  return rows.map(toRecord);
}

/**
 * Up to `limit` people still owed a reminder round: not answered, account not disabled, and sent
 * no reminder yet or only one of `earlierRounds`. Read in no particular order from the index of
 * unanswered invitations by last round (one pass per value, since an OR would leave the index):
 * marking someone reminded takes them out of it, so the next batch starts on fresh rows.
 */
export async function listOwedReminder(
  db: Executor,
  surveyId: number,
  earlierRounds: readonly string[],
  limit: number,
): Promise<SurveyInvitation[]> {
  const owed: SurveyInvitation[] = [];
  for (const last of [null, ...earlierRounds]) {
    if (owed.length >= limit) break;
    const rows = await selectInvitations(db)
      .where('i.survey_id', '=', surveyId)
      .where('i.responded_on', 'is', null)
      .where('i.last_reminder', last === null ? 'is' : '=', last)
      .where('u.disabled_at', 'is', null)
      .limit(limit - owed.length)
      .execute();
    owed.push(...rows.map(toRecord));
  }
  return owed;
}

/** A person's invitations to these surveys (for their list of surveys to answer). */
export async function listInvitationsOf(db: Executor, userId: number): Promise<SurveyInvitation[]> {
  const rows = await selectInvitations(db).where('i.user_id', '=', userId).execute();
  return rows.map(toRecord);
}

/** Invited and answered, per survey, for staff lists. */
export async function countInvitations(
  db: Executor,
  surveyIds: readonly number[],
): Promise<Map<number, { invited: number; responded: number }>> {
  const counts = new Map<number, { invited: number; responded: number }>();
  if (surveyIds.length === 0) return counts;
  const rows = await db
    .selectFrom('survey_invitations')
    .select([
      'survey_id',
      (eb) => eb.fn.countAll<number | string>().as('invited'),
      (eb) => eb.fn.count<number | string>('responded_on').as('responded'),
    ])
    .where('survey_id', 'in', surveyIds)
    .groupBy('survey_id')
    .execute();
  for (const r of rows) counts.set(r.survey_id, { invited: Number(r.invited), responded: Number(r.responded) });
  return counts;
}

/**
 * The period's matched people in the survey's audience not yet invited, with the role they
 * answer as (a mentor in any of the period's active matches answers as a mentor).
 */
export async function uninvitedAudience(
  db: Executor,
  survey: { id: number; periodId: number; audience: SurveyAudience },
): Promise<{ userId: number; role: RespondentRole }[]> {
  const rows = await db
    .selectFrom('matches as m')
    .innerJoin('users as u', (j) =>
      j.on((eb) => eb.or([eb('u.id', '=', eb.ref('m.mentor_user_id')), eb('u.id', '=', eb.ref('m.mentee_user_id'))])),
    )
    .select(['u.id', 'm.mentor_user_id'])
    .where('m.period_id', '=', survey.periodId)
    .where('m.status', '=', 'active')
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('survey_invitations as i').select('i.id').where('i.survey_id', '=', survey.id).whereRef('i.user_id', '=', 'u.id'),
        ),
      ),
    )
    .execute();
  const roles = new Map<number, RespondentRole>();
  for (const r of rows) {
    const role: RespondentRole = r.mentor_user_id === r.id ? 'mentor' : 'mentee';
    if (roles.get(r.id) !== 'mentor') roles.set(r.id, role);
  }
  const wanted = (role: RespondentRole) => survey.audience === 'both' || survey.audience === `${role}s`;
  return [...roles.entries()]
    .filter(([, role]) => wanted(role))
    .map(([userId, role]) => ({ userId, role }))
    .sort((a, b) => a.userId - b.userId);
}

/** Invites these people; someone already invited is left as is (the unique key). Returns who is new. */
export async function insertSurveyInvitations(
  db: Executor,
  surveyId: number,
  people: readonly { userId: number; role: RespondentRole }[],
  at: string,
): Promise<number[]> {
  const added = await writeInChunks(people, 500, (chunk) =>
    db
      .insertInto('survey_invitations')
      .values(chunk.map((p) => ({ survey_id: surveyId, user_id: p.userId, role: p.role, invited_at: at })))
      .onConflict((oc) => oc.columns(['survey_id', 'user_id']).doNothing())
      .returning('user_id')
      .execute(),
  );
  return added.map((r) => r.user_id);
}

/** Records that the invitation e-mail went out; false if it already had (another worker, a retry). */
export async function markMailed(db: Executor, invitationId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('survey_invitations')
    .set({ mailed_at: at })
    .where('id', '=', invitationId)
    .where('mailed_at', 'is', null)
    .where('responded_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Marks these invitations as sent `round`, each only if the person has still not answered and
 * has had no reminder or only one of `earlierRounds` (a conditional update, so two workers or a
 * retried job mark each once): the ids of those it marked, who are the ones to mail. Under
 * PostgreSQL the update waits for a concurrent answer's row lock and re-checks `responded_on`, so
 * nobody who answered is reminded.
 */
export async function markReminded(
  db: Executor,
  invitationIds: readonly number[],
  round: string,
  earlierRounds: readonly string[],
): Promise<Set<number>> {
  if (invitationIds.length === 0) return new Set();
  const rows = await db
    .updateTable('survey_invitations')
    .set((eb) => ({ last_reminder: round, reminders_sent: eb('reminders_sent', '+', 1) }))
    .where('id', 'in', invitationIds)
    .where('responded_on', 'is', null)
    .where((eb) =>
      earlierRounds.length === 0
        ? eb('last_reminder', 'is', null)
        : eb.or([eb('last_reminder', 'is', null), eb('last_reminder', 'in', earlierRounds)]),
    )
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Marks the person as having answered, on this date; false if they already had. */
export async function markResponded(db: Executor, invitationId: number, on: string): Promise<boolean> {
  const r = await db
    .updateTable('survey_invitations')
    .set({ responded_on: on })
    .where('id', '=', invitationId)
    .where('responded_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findDraft(db: Executor, invitationId: number): Promise<{ answers: string; savedAt: string } | undefined> {
  const r = await db
    .selectFrom('survey_drafts')
    .select(['answers', 'saved_at'])
    .where('invitation_id', '=', invitationId)
    .executeTakeFirst();
  return r && { answers: r.answers, savedAt: r.saved_at };
}

export async function saveDraft(db: Executor, invitationId: number, answers: string, at: string): Promise<void> {
  await db
    .insertInto('survey_drafts')
    .values({ invitation_id: invitationId, answers, saved_at: at })
    .onConflict((oc) => oc.column('invitation_id').doUpdateSet({ answers, saved_at: at }))
    .execute();
}

export async function deleteDraft(db: Executor, invitationId: number): Promise<void> {
  await db.deleteFrom('survey_drafts').where('invitation_id', '=', invitationId).execute();
}

/**
 * Answers per day, for the response-rate view. `responded_on` is the calendar date in the
 * program's time zone, written when the answer came in (never a time), so grouping by it is the
 * day in that time zone on SQLite and PostgreSQL alike. Counted in the index of who answered
 * when (survey_invitations_survey_answered_idx) and kept until an invitation is written.
 */
export async function respondedByDay(db: Executor, surveyId: number): Promise<{ on: string; count: number }[]> {
  const rows = await unlessChanged(
    db,
    db
      .selectFrom('survey_invitations')
      .select(['responded_on', sql<number | string>`count(*)`.as('n')])
      .where('survey_id', '=', surveyId)
      .where('responded_on', 'is not', null)
      .groupBy('responded_on')
      .orderBy('responded_on'),
  );
  return rows.map((r) => ({ on: r.responded_on!, count: Number(r.n) }));
}

/** Invited and answered per role, counted by the database in the same index, kept the same way. */
export async function countInvitationsByRole(
  db: Executor,
  surveyId: number,
): Promise<{ role: RespondentRole; invited: number; responded: number }[]> {
  const rows = await unlessChanged(
    db,
    db
      .selectFrom('survey_invitations')
      .select([
        'role',
        (eb) => eb.fn.countAll<number | string>().as('invited'),
        (eb) => eb.fn.count<number | string>('responded_on').as('responded'),
      ])
      .where('survey_id', '=', surveyId)
      .groupBy('role'),
  );
  return rows.map((r) => ({
    role: storedValue('survey_invitations', 'role', RESPONDENT_ROLES, r.role),
    invited: Number(r.invited),
    responded: Number(r.responded),
  }));
}
