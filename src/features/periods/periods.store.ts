import type { Selectable } from 'kysely';
import type { PeriodsTable } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import type { PeriodDates } from '../../shared/api/periods.ts';
import { MATCHING_MODES } from '../../shared/matching-modes.ts';
import type { MatchingMode } from '../../shared/matching-modes.ts';
import { PERIOD_STATUSES } from '../../shared/period-status.ts';
import type { PeriodStatus } from '../../shared/period-status.ts';

export interface PeriodRecord extends PeriodDates {
  id: number;
  name: string;
  status: PeriodStatus;
  matchingMode: MatchingMode;
  createdAt: string;
  updatedAt: string;
}

const toRecord = (r: Selectable<PeriodsTable>): PeriodRecord => ({
  id: r.id,
  name: r.name,
  status: storedValue('periods', 'status', PERIOD_STATUSES, r.status),
  matchingMode: storedValue('periods', 'matching_mode', MATCHING_MODES, r.matching_mode),
  applicationsOpenOn: r.applications_open_on,
  applicationsCloseOn: r.applications_close_on,
  matchesAnnouncedOn: r.matches_announced_on,
  programEndsOn: r.program_ends_on,
  surveyOpensOn: r.survey_opens_on,
  surveyClosesOn: r.survey_closes_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const dateColumns = (d: PeriodDates) => ({
  applications_open_on: d.applicationsOpenOn,
  applications_close_on: d.applicationsCloseOn,
  matches_announced_on: d.matchesAnnouncedOn,
  program_ends_on: d.programEndsOn,
  survey_opens_on: d.surveyOpensOn,
  survey_closes_on: d.surveyClosesOn,
});

export async function listPeriods(db: Executor): Promise<PeriodRecord[]> {
  const rows = await db.selectFrom('periods').selectAll().orderBy('applications_open_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toRecord);
}

export async function findPeriod(db: Executor, id: number): Promise<PeriodRecord | undefined> {
  const row = await db.selectFrom('periods').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function findPeriodIdByName(db: Executor, name: string): Promise<number | undefined> {
  const row = await db.selectFrom('periods').select('id').where('name', '=', name).executeTakeFirst();
  return row?.id;
}

export async function insertPeriod(
  db: Executor,
  p: PeriodDates & { name: string; matchingMode?: MatchingMode | undefined; at: string },
): Promise<number> {
  const row = await db
    .insertInto('periods')
    .values({
      name: p.name,
      status: 'draft',
      matching_mode: p.matchingMode ?? 'committee',
      ...dateColumns(p),
      created_at: p.at,
      updated_at: p.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function savePeriod(
  db: Executor,
  id: number,
  p: PeriodDates & { name: string; matchingMode: MatchingMode; at: string },
): Promise<void> {
  await db
    .updateTable('periods')
    .set({ name: p.name, matching_mode: p.matchingMode, ...dateColumns(p), updated_at: p.at })
    .where('id', '=', id)
    .execute();
}

/** Moves the status only if it is still `from`: two people clicking at once cannot both succeed. */
export async function setPeriodStatus(db: Executor, id: number, from: PeriodStatus, to: PeriodStatus, at: string): Promise<boolean> {
  const result = await db
    .updateTable('periods')
    .set({ status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
