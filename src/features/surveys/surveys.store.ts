import type { Selectable } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { SurveysTable } from '../../db/database.ts';
import { storedValue } from '../../db/stored-value.ts';
import type { Question } from '../../shared/api/surveys.ts';
import { SURVEY_AUDIENCES, SURVEY_KINDS } from '../../shared/surveys.ts';
import type { SurveyAudience, SurveyKind } from '../../shared/surveys.ts';

/** Surveys themselves: the form, its dates and its state. Answers live in survey-responses.store. */

export interface WordingChange {
  questionId: string;
  before: string;
  after: string;
  changedAt: string;
  changedBy: string;
}

export interface SurveyRecord {
  id: number;
  periodId: number;
  periodName: string;
  window: { opensOn: string; closesOn: string };
  kind: SurveyKind;
  title: string;
  intro: string;
  audience: SurveyAudience;
  named: boolean;
  opensOn: string;
  closesOn: string;
  questions: Question[];
  wordingChanges: WordingChange[];
  publishedAt: string | null;
  closedEarlyAt: string | null;
  responseCount: number;
  createdAt: string;
  updatedAt: string;
}

type Row = Selectable<SurveysTable> & { period_name: string; window_opens_on: string; window_closes_on: string };

const toRecord = (r: Row): SurveyRecord => ({
  id: r.id,
  periodId: r.period_id,
  periodName: r.period_name,
  window: { opensOn: r.window_opens_on, closesOn: r.window_closes_on },
  kind: storedValue('surveys', 'kind', SURVEY_KINDS, r.kind),
  title: r.title,
  intro: r.intro,
  audience: storedValue('surveys', 'audience', SURVEY_AUDIENCES, r.audience),
  named: r.named === 1,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  questions: JSON.parse(r.questions) as Question[],
  wordingChanges: JSON.parse(r.wording_changes) as WordingChange[],
  publishedAt: r.published_at,
  closedEarlyAt: r.closed_early_at,
  responseCount: r.response_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const selectSurveys = (db: Executor) =>
  db
    .selectFrom('surveys as s')
    .innerJoin('periods as p', 'p.id', 's.period_id')
    .selectAll('s')
    .select(['p.name as period_name', 'p.survey_opens_on as window_opens_on', 'p.survey_closes_on as window_closes_on']);

export async function findSurvey(db: Executor, id: number): Promise<SurveyRecord | undefined> {
  const r = await selectSurveys(db).where('s.id', '=', id).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/** Surveys, newest first: all of them, only published ones, or only these. */
export async function listSurveys(db: Executor, o: { publishedOnly?: boolean; ids?: readonly number[] } = {}): Promise<SurveyRecord[]> {
  if (o.ids?.length === 0) return [];
  let q = selectSurveys(db);
  if (o.publishedOnly) q = q.where('s.published_at', 'is not', null);
  if (o.ids) q = q.where('s.id', 'in', o.ids);
  const rows = await q.orderBy('s.opens_on', 'desc').orderBy('s.id', 'desc').execute();
  return rows.map(toRecord);
}

/** Published surveys not closed early whose dates include `today` (program time zone). */
export async function listSurveysOpenOn(db: Executor, today: string): Promise<SurveyRecord[]> {
  const rows = await selectSurveys(db)
    .where('s.published_at', 'is not', null)
    .where('s.closed_early_at', 'is', null)
    .where('s.opens_on', '<=', today)
    .where('s.closes_on', '>=', today)
    .execute();
  return rows.map(toRecord);
}

export interface SurveyColumns {
  period_id: number;
  kind: SurveyKind;
  title: string;
  intro: string;
  audience: SurveyAudience;
  named: number;
  opens_on: string;
  closes_on: string;
  questions: string;
}

export async function insertSurvey(db: Executor, c: SurveyColumns, by: number, at: string): Promise<number> {
  const r = await db
    .insertInto('surveys')
    .values({ ...c, wording_changes: '[]', created_by: by, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateSurvey(
  db: Executor,
  id: number,
  c: Partial<SurveyColumns & { wording_changes: string; published_at: string; closed_early_at: string }>,
  at: string,
): Promise<void> {
  await db
    .updateTable('surveys')
    .set({ ...c, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function deleteSurvey(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('surveys').where('id', '=', id).execute();
}

/** Takes the survey's row lock (answers to one survey go in single file); false if it is gone. */
export async function lockSurvey(db: Executor, id: number): Promise<boolean> {
  const r = await db
    .updateTable('surveys')
    .set((eb) => ({ answer_version: eb('answer_version', '+', 1) }))
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function countResponse(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('surveys')
    .set((eb) => ({ response_count: eb('response_count', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
