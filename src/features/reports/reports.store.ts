import { SECTION_HISTORY_SHOWN } from '../../shared/reports.ts';
import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import type { RichNode } from '../../shared/api/reports.ts';
import { REPORT_STATUSES, REPORT_VISIBILITIES } from '../../shared/reports.ts';
import type { ReportStatusName, ReportVisibilityName } from '../../shared/reports.ts';

/** The annual reports, their sections and every saved revision of a section. */

export interface ReportRecord {
  id: number;
  periodId: number;
  periodName: string;
  title: string;
  status: ReportStatusName;
  visibility: ReportVisibilityName;
  basedOnId: number | null;
  frozen: string | null;
  publishedAt: string | null;
  publishedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SectionRecord {
  id: number;
  reportId: number;
  position: number;
  title: string;
  body: RichNode;
  revision: number;
  updatedAt: string;
  updatedBy: number | null;
  updatedByName: string | null;
}

const selectReports = (db: Executor) =>
  db.selectFrom('reports as r').innerJoin('periods as p', 'p.id', 'r.period_id').selectAll('r').select('p.name as period_name');

type ReportRow = Awaited<ReturnType<ReturnType<typeof selectReports>['executeTakeFirstOrThrow']>>;

const toReport = (r: ReportRow): ReportRecord => ({
  id: r.id,
  periodId: r.period_id,
  periodName: r.period_name,
  title: r.title,
  status: storedValue('reports', 'status', REPORT_STATUSES, r.status),
  visibility: storedValue('reports', 'visibility', REPORT_VISIBILITIES, r.visibility),
  basedOnId: r.based_on_id,
  frozen: r.frozen,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listReports(db: Executor): Promise<ReportRecord[]> {
  const rows = await selectReports(db).orderBy('r.updated_at', 'desc').orderBy('r.id', 'desc').execute();
  return rows.map(toReport);
}

export async function findReport(db: Executor, id: number): Promise<ReportRecord | undefined> {
  const r = await selectReports(db).where('r.id', '=', id).executeTakeFirst();
  return r ? toReport(r) : undefined;
}

export async function insertReport(
  db: Executor,
  c: { periodId: number; title: string; basedOnId: number | null; visibility: ReportVisibilityName },
  by: number | null,
  at: string,
): Promise<number> {
  const r = await db
    .insertInto('reports')
    .values({
      period_id: c.periodId,
      title: c.title,
      status: 'draft',
      visibility: c.visibility,
      based_on_id: c.basedOnId,
      frozen: null,
      published_at: null,
      published_by: null,
      created_by: by,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateReport(
  db: Executor,
  id: number,
  c: Partial<{
    title: string;
    visibility: ReportVisibilityName;
    status: ReportStatusName;
    frozen: string;
    published_at: string;
    published_by: number;
  }>,
  at: string,
): Promise<void> {
  await db
    .updateTable('reports')
    .set({ ...c, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Touches a draft's row (so edits and a publication of one report go one after the other);
 * false when the report is no longer a draft.
 */
export async function touchDraft(db: Executor, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('reports').set({ updated_at: at }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteReport(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('reports').where('id', '=', id).execute();
}

const selectSections = (db: Executor) =>
  db.selectFrom('report_sections as s').leftJoin('users as u', 'u.id', 's.updated_by').selectAll('s').select('u.name as updated_by_name');

type SectionRow = Awaited<ReturnType<ReturnType<typeof selectSections>['executeTakeFirstOrThrow']>>;

const toSection = (r: SectionRow): SectionRecord => ({
  id: r.id,
  reportId: r.report_id,
  position: r.position,
  title: r.title,
  body: JSON.parse(r.body) as RichNode,
  revision: r.revision,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  updatedByName: r.updated_by_name,
});

export async function listSections(db: Executor, reportId: number): Promise<SectionRecord[]> {
  const rows = await selectSections(db).where('s.report_id', '=', reportId).orderBy('s.position').orderBy('s.id').execute();
  return rows.map(toSection);
}

export async function findSection(db: Executor, reportId: number, sectionId: number): Promise<SectionRecord | undefined> {
  const r = await selectSections(db).where('s.report_id', '=', reportId).where('s.id', '=', sectionId).executeTakeFirst();
  return r ? toSection(r) : undefined;
}

export async function insertSection(
  db: Executor,
  c: { reportId: number; position: number; title: string; body: RichNode },
  by: number | null,
  at: string,
): Promise<number> {
  const body = JSON.stringify(c.body);
  const r = await db
    .insertInto('report_sections')
    .values({ report_id: c.reportId, position: c.position, title: c.title, body, revision: 1, updated_by: by, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertVersion(db, { sectionId: r.id, revision: 1, title: c.title, body }, by, at);
  return r.id;
}

/**
 * Saves a section only if it is still at `revision` (optimistic concurrency): the check and the
 * write are one statement, so two saves from the same revision cannot both win. Returns the new
 * revision, or null when someone else saved first.
 */
export async function saveSectionAt(
  db: Executor,
  sectionId: number,
  revision: number,
  c: { title: string; body: RichNode },
  by: number | null,
  at: string,
): Promise<number | null> {
  const body = JSON.stringify(c.body);
  const r = await db
    .updateTable('report_sections')
    .set({ title: c.title, body, revision: revision + 1, updated_by: by, updated_at: at })
    .where('id', '=', sectionId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return null;
  await insertVersion(db, { sectionId, revision: revision + 1, title: c.title, body }, by, at);
  return revision + 1;
}

export async function deleteSection(db: Executor, sectionId: number): Promise<void> {
  await db.deleteFrom('report_sections').where('id', '=', sectionId).execute();
}

export async function setSectionPosition(db: Executor, sectionId: number, position: number): Promise<void> {
  await db.updateTable('report_sections').set({ position }).where('id', '=', sectionId).execute();
}

async function insertVersion(
  db: Executor,
  c: { sectionId: number; revision: number; title: string; body: string },
  by: number | null,
  at: string,
): Promise<void> {
  await db
    .insertInto('report_section_versions')
    .values({ section_id: c.sectionId, revision: c.revision, title: c.title, body: c.body, saved_by: by, saved_at: at })
    .execute();
}

export async function listVersions(
  db: Executor,
  sectionId: number,
): Promise<{ revision: number; title: string; savedAt: string; savedByName: string | null }[]> {
  const rows = await db
    .selectFrom('report_section_versions as v')
    .leftJoin('users as u', 'u.id', 'v.saved_by')
    .select(['v.revision', 'v.title', 'v.saved_at', 'u.name as saved_by_name'])
    .where('v.section_id', '=', sectionId)
    .orderBy('v.revision', 'desc')
    .limit(SECTION_HISTORY_SHOWN)
    .execute();
  return rows.map((r) => ({ revision: r.revision, title: r.title, savedAt: r.saved_at, savedByName: r.saved_by_name }));
}
