import { sql } from 'kysely';
import type { ExpressionBuilder } from 'kysely';
import type { Database, SurveyInvitationsTable } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { pageOf } from '../../db/keyset-page.ts';
import { storedValue } from '../../db/stored-value.ts';
import { containsTextInAny } from '../../db/text-search.ts';
import { unlessChanged } from '../../db/unchanged-cache.ts';
import type { CursorKey } from '../../shared/api/list-query.ts';
import type { NotYetPerson } from '../../shared/api/survey-not-yet.ts';
import { RESPONDENT_ROLES } from '../../shared/surveys.ts';
import type { RespondentRole } from '../../shared/surveys.ts';

/**
 * Who has not answered a survey yet, a page at a time in name order. The identity side only
 * (invitations, people, whether a draft exists): nothing here reads an answer or a draft's content.
 */

export interface NotYetFilter {
  surveyId: number;
  /** Part of the person's name or e-mail address. */
  q?: string | undefined;
  role?: RespondentRole | undefined;
  /** true: a draft under way; false: not begun. */
  started?: boolean | undefined;
}

/**
 * From how many people not answered a page reads people first. Below it, sorting the few is
 * cheaper than walking the name index past everyone else (a survey almost everyone has answered,
 * out of 100,000 people).
 */
const PEOPLE_FIRST_FROM = 1_000;

const hasDraft = sql<boolean>`exists (select 1 from survey_drafts as sd where sd.invitation_id = i.id)`;

/** Invitations (alias i) not answered that the role and draft filters keep. */
function notYetOf(f: NotYetFilter) {
  return (eb: ExpressionBuilder<Database & { i: SurveyInvitationsTable }, 'i'>) =>
    eb.and([
      eb('i.survey_id', '=', f.surveyId),
      eb('i.responded_on', 'is', null),
      ...(f.role ? [eb('i.role', '=', f.role)] : []),
      ...(f.started === undefined ? [] : [f.started ? hasDraft : sql<boolean>`not ${hasDraft}`]),
    ]);
}

/**
 * The invitations not answered with their people (alias u), searched. `peopleFirst` reads people
 * in name order and looks up each one's invitation by the unique (survey, person) key: SQLite
 * takes a CROSS JOIN's left table as the outer loop, so a page by name out of thousands stops
 * after a page's worth instead of sorting them all. PostgreSQL plans either the same way.
 */
function notYetPeople(db: Executor, f: NotYetFilter, peopleFirst: boolean) {
  const joined = peopleFirst
    ? db.selectFrom('users as u').crossJoin('survey_invitations as i').whereRef('i.user_id', '=', 'u.id')
    : db.selectFrom('survey_invitations as i').innerJoin('users as u', 'u.id', 'i.user_id');
  const q = f.q;
  return q ? joined.where(notYetOf(f)).where(containsTextInAny(['u.name', 'u.email'], q)) : joined.where(notYetOf(f));
}

/** How many people the filters keep; kept until an invitation, a draft or a person is written. */
export async function countNotYet(db: Executor, f: NotYetFilter): Promise<number> {
  // Without a search the invitations alone answer (an invitation's person always exists: deleting
  // a person deletes their invitations), from the index of who answered when.
  const counted = f.q ? notYetPeople(db, f, false) : db.selectFrom('survey_invitations as i').where(notYetOf(f));
  const [row] = await unlessChanged(
    db,
    counted.select((eb) => eb.fn.countAll<number | string>().as('n')),
  );
  return Number(row?.n ?? 0);
}

/**
 * One page of the people the filters keep, by name (ties by person), after the cursor's person;
 * one row more tells whether another page follows. `total` (countNotYet) picks the plan.
 */
export async function searchNotYet(
  db: Executor,
  f: NotYetFilter & { after?: CursorKey | undefined; limit: number; total: number },
): Promise<{ people: NotYetPerson[]; nextCursor: string | null }> {
  let page = notYetPeople(db, f, f.total >= PEOPLE_FIRST_FROM)
    .select(['u.id as user_id', 'u.name', 'u.email', 'i.role', 'i.mailed_at', 'i.reminders_sent', hasDraft.as('started')])
    .orderBy('u.name')
    .orderBy('u.id');
  const after = f.after;
  if (after) page = page.where(sql<boolean>`(${sql.ref('u.name')}, ${sql.ref('u.id')}) > (${after[0]}, ${after[1]})`);
  const { page: shown, nextCursor } = pageOf(await page.limit(f.limit + 1).execute(), f.limit, (last) => [last.name, last.user_id]);
  return {
    people: shown.map((r) => ({
      userId: r.user_id,
      name: r.name,
      email: r.email,
      role: storedValue('survey_invitations', 'role', RESPONDENT_ROLES, r.role),
      invitedAt: r.mailed_at,
      remindersSent: r.reminders_sent,
      // SQLite answers 0/1, PostgreSQL true/false.
      started: Boolean(r.started),
    })),
    nextCursor,
  };
}
