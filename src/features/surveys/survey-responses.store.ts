import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import type { Answers } from '../../shared/api/surveys.ts';
import { RESPONDENT_ROLES } from '../../shared/surveys.ts';
import type { RespondentRole } from '../../shared/surveys.ts';

/**
 * The answers side of a survey (decision 0012). A response row holds a random key, the role
 * answered as and the answers: no person, no time. So that not even the order rows were written
 * in lines up with the order people answered, each new anonymous answer is written together with
 * up to CROWD earlier ones, taken out and put back under new keys in a shuffled order.
 */
export const CROWD = 24;

export interface ResponseRow {
  role: RespondentRole;
  answers: Answers;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Adds one anonymous answer, hidden in a freshly shuffled crowd. Call under the survey's lock. */
export async function addAnonymousResponse(db: Executor, surveyId: number, response: ResponseRow): Promise<void> {
  const crowd = await db
    .selectFrom('survey_responses')
    .select(['id', 'role', 'answers'])
    .where('survey_id', '=', surveyId)
    .orderBy(sql`random()`)
    .limit(CROWD)
    .execute();
  if (crowd.length > 0) {
    await db
      .deleteFrom('survey_responses')
      .where(
        'id',
        'in',
        crowd.map((r) => r.id),
      )
      .execute();
  }
  const rows = shuffle([
    ...crowd.map((r) => ({ role: r.role, answers: r.answers })),
    { role: response.role, answers: JSON.stringify(response.answers) },
  ]);
  await db
    .insertInto('survey_responses')
    .values(rows.map((r) => ({ id: randomUUID(), survey_id: surveyId, role: r.role, answers: r.answers })))
    .execute();
}

/** Adds one answer to a named survey, with the link to its author kept apart. */
export async function addNamedResponse(db: Executor, surveyId: number, response: ResponseRow, userId: number): Promise<void> {
  const id = randomUUID();
  await db
    .insertInto('survey_responses')
    .values({ id, survey_id: surveyId, role: response.role, answers: JSON.stringify(response.answers) })
    .execute();
  await db.insertInto('survey_named_responses').values({ response_id: id, user_id: userId }).execute();
}

/** Every answer to a survey, a slice at a time by key (which is random, so says nothing). */
export async function listResponses(db: Executor, surveyId: number): Promise<ResponseRow[]> {
  const out: ResponseRow[] = [];
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('survey_responses')
      .select(['id', 'role', 'answers'])
      .where('survey_id', '=', surveyId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute();
    for (const r of rows) {
      out.push({ role: storedValue('survey_responses', 'role', RESPONDENT_ROLES, r.role), answers: JSON.parse(r.answers) as Answers });
    }
    if (rows.length < 2000) return out;
    after = rows[rows.length - 1]!.id;
  }
}

/** A named survey's answers with their authors. */
export async function listNamedResponses(db: Executor, surveyId: number): Promise<(ResponseRow & { userId: number; name: string })[]> {
  const rows = await db
    .selectFrom('survey_responses as r')
    .innerJoin('survey_named_responses as n', 'n.response_id', 'r.id')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['r.role', 'r.answers', 'u.id as user_id', 'u.name'])
    .where('r.survey_id', '=', surveyId)
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    role: storedValue('survey_responses', 'role', RESPONDENT_ROLES, r.role),
    answers: JSON.parse(r.answers) as Answers,
    userId: r.user_id,
    name: r.name,
  }));
}
