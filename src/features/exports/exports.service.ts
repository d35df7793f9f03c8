import type { CsvTable } from '../../csv/spreadsheet-csv-stream.ts';
import { assertRowId } from '../../db/row-id.ts';
import type { Deps } from '../../deps.ts';
import type { PeriodExport } from '../../shared/exports.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { listContactsOfPeriod } from '../activities/period-contacts.service.ts';
import { listApplicationsForPeriod } from '../applications/applications.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listAttendees } from '../events/event-attendance.service.ts';
import { eventsHeldForPeriod } from '../events/events.service.ts';
import { listGoalSheetContents } from '../goal-sheets/period-goal-sheets.service.ts';
import { listMatchesOfPeriod } from '../matches/period-matches.service.ts';
import { getPeriod } from '../periods/periods.service.ts';
import { listProgramGoals } from '../programs/program.service.ts';
import { getSurveyResults } from '../surveys/survey-results.service.ts';
import { listResultSurveys } from '../surveys/surveys.service.ts';
import { applicationsTable } from './applications-csv.ts';
import { attendanceTable } from './attendance-csv.ts';
import type { ExportedEventAttendance } from './attendance-csv.ts';
import { contactsTable } from './contacts-csv.ts';
import { goalSheetsTable } from './goal-sheets-csv.ts';
import { matchesTable } from './matches-csv.ts';
import { surveyResultsTable } from './survey-results-csv.ts';

/**
 * CSV exports: each reads through the owning feature's service (the same reads its pages use),
 * writes an audit entry — an export takes personal data out of the program — and hands back the
 * rows for the caller to stream. Nothing is changed but the audit log.
 */

/** Who exports: a signed-in person, or `null` for the command line on the server itself. */
export type Exporter = Actor | null;

export interface CsvExport {
  fileName: string;
  table: CsvTable;
}

/**
 * The event and survey services read as someone; the command line reads as staff would. Its id
 * matches no one, so nothing of "mine" (an own answer) is ever mixed in.
 */
const COMMAND_LINE: Actor = { userId: 0, roles: ['staff'] };

/** Letters and digits of a name, for a file name people recognise among their downloads. */
function slugOf(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return slug === '' ? fallback : slug;
}

async function audited(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: Exporter,
  what: string,
  entity: { type: 'period' | 'event' | 'survey'; id: number },
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(deps.db, {
    actorId: by?.userId ?? null,
    action: `export.${what}`,
    entityType: entity.type,
    entityId: entity.id,
    details: { ...details, via: by === null ? 'command line' : 'web' },
    at: toInstant(deps.clock.now()),
  });
}

async function periodOf(deps: Pick<Deps, 'db'>, periodId: number) {
  assertRowId(periodId, 'period');
  return getPeriod(deps, periodId);
}

export async function exportApplications(deps: Pick<Deps, 'db' | 'clock'>, by: Exporter, periodId: number): Promise<CsvExport> {
  const period = await periodOf(deps, periodId);
  const applications = await listApplicationsForPeriod(deps.db, period.id);
  await audited(deps, by, 'applications', { type: 'period', id: period.id }, { rows: applications.length });
  return { fileName: `applications-${slugOf(period.name, `period-${period.id}`)}.csv`, table: applicationsTable(applications) };
}

export async function exportMatches(deps: Pick<Deps, 'db' | 'clock'>, by: Exporter, periodId: number): Promise<CsvExport> {
  const period = await periodOf(deps, periodId);
  const matches = await listMatchesOfPeriod(deps, period.id);
  await audited(deps, by, 'matches', { type: 'period', id: period.id }, { rows: matches.length });
  return { fileName: `matches-${slugOf(period.name, `period-${period.id}`)}.csv`, table: matchesTable(matches) };
}

export async function exportGoalSheets(deps: Pick<Deps, 'db' | 'clock'>, by: Exporter, periodId: number): Promise<CsvExport> {
  const period = await periodOf(deps, periodId);
  const [sheets, goals] = await Promise.all([listGoalSheetContents(deps, period), listProgramGoals(deps)]);
  await audited(deps, by, 'goal-sheets', { type: 'period', id: period.id }, { matches: sheets.length });
  const titles = new Map(goals.map((g) => [g.id, g.title]));
  return { fileName: `goal-sheets-${slugOf(period.name, `period-${period.id}`)}.csv`, table: goalSheetsTable(sheets, titles) };
}

export async function exportContacts(deps: Pick<Deps, 'db' | 'clock'>, by: Exporter, periodId: number): Promise<CsvExport> {
  const period = await periodOf(deps, periodId);
  const contacts = await listContactsOfPeriod(deps, period.id);
  await audited(deps, by, 'contacts', { type: 'period', id: period.id }, { rows: contacts.length });
  return { fileName: `contacts-${slugOf(period.name, `period-${period.id}`)}.csv`, table: contactsTable(contacts) };
}

/** The events the period's cohort was invited to that have taken place (as program health counts them). */
export async function exportPeriodAttendance(deps: Pick<Deps, 'db' | 'clock'>, by: Exporter, periodId: number): Promise<CsvExport> {
  const period = await periodOf(deps, periodId);
  const held = await eventsHeldForPeriod(deps, period);
  const events: ExportedEventAttendance[] = [];
  for (const e of held) events.push(await listAttendees(deps, by ?? COMMAND_LINE, e.id));
  await audited(deps, by, 'attendance', { type: 'period', id: period.id }, { events: events.length });
  return { fileName: `attendance-${slugOf(period.name, `period-${period.id}`)}.csv`, table: attendanceTable(events) };
}

/** One event's invitees, whether it has happened yet or not. */
export async function exportEventAttendance(deps: Pick<Deps, 'db' | 'clock'>, by: Exporter, eventId: number): Promise<CsvExport> {
  assertRowId(eventId, 'event');
  const event = await listAttendees(deps, by ?? COMMAND_LINE, eventId);
  await audited(deps, by, 'attendance', { type: 'event', id: eventId }, { rows: event.attendees.length });
  return { fileName: `attendance-${slugOf(event.event.title, `event-${eventId}`)}.csv`, table: attendanceTable([event]) };
}

/**
 * The results of the period's closed surveys, aggregates only, broken down by role as the results
 * download always was. The surveys service applies the minimum group size and the checks against
 * working out one answer by difference; a survey still open has no results yet and is left out.
 */
export async function exportPeriodSurveyResults(deps: Pick<Deps, 'db' | 'clock'>, by: Exporter, periodId: number): Promise<CsvExport> {
  const period = await periodOf(deps, periodId);
  const surveys = (await listResultSurveys(deps)).filter((s) => s.periodId === period.id && s.state === 'closed');
  const results = [];
  for (const s of surveys) results.push(await getSurveyResults(deps, s.id, ['role']));
  await audited(deps, by, 'survey-results', { type: 'period', id: period.id }, { surveys: results.map((r) => r.surveyId) });
  return { fileName: `survey-results-${slugOf(period.name, `period-${period.id}`)}.csv`, table: surveyResultsTable(results) };
}

/** One survey's results: refused, as on its results page, while it is a draft (404) or still open (409). */
export async function exportSurveyResults(deps: Pick<Deps, 'db' | 'clock'>, by: Exporter, surveyId: number): Promise<CsvExport> {
  assertRowId(surveyId, 'survey');
  const results = await getSurveyResults(deps, surveyId, ['role']);
  await audited(deps, by, 'survey-results', { type: 'survey', id: surveyId }, { surveys: [surveyId] });
  return { fileName: `${slugOf(results.title, `survey-${surveyId}`)}-results.csv`, table: surveyResultsTable([results]) };
}

/** A period's export by name, for the command line. */
export const PERIOD_EXPORTERS: Record<
  PeriodExport,
  (deps: Pick<Deps, 'db' | 'clock'>, by: Exporter, periodId: number) => Promise<CsvExport>
> = {
  applications: exportApplications,
  matches: exportMatches,
  'goal-sheets': exportGoalSheets,
  contacts: exportContacts,
  attendance: exportPeriodAttendance,
  'survey-results': exportPeriodSurveyResults,
};
