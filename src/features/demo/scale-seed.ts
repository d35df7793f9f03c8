import type { Deps } from '../../deps.ts';
import { ConflictError } from '../../errors.ts';
import { mulberry32 } from '../../shared/seeded-random.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { DAY_MS } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import { addDays, instantAt } from '../../time/zoned.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { setUpProgramData } from '../accounts/setup.service.ts';
import { getSettings, listProgramGoals } from '../programs/program.service.ts';
import type { Executor } from '../../db/executor.ts';
import { insertMany, moveIdCounters, nextId } from './bulk-insert.ts';
import type { Row } from './bulk-insert.ts';
import { INTERESTS } from './demo-applicants.ts';
import { listCatalogue } from './demo-match-year.store.ts';
import { eventRows, periodEvents } from './scale-events.ts';
import { matchYearRows } from './scale-match-year.ts';
import { matchRows, planMatches } from './scale-matches.ts';
import type { PlannedMatch } from './scale-matches.ts';
import { applicationRows, participantRoleRows, planPeople, SEED_MENTEE_EMAIL, SEED_STAFF_EMAIL } from './scale-people.ts';
import { surveyRows } from './scale-surveys.ts';

/**
 * `tandem seed --people N`: a program of N people built in bulk, for trying Tandem at scale
 * (issue #16): two finished years and one under way, with applications, matches, goal sheets,
 * contacts, events and survey answers in the proportions of the model program. Rows are
 * generated in memory from a seeded generator (the same program every time, relative to today),
 * the password hashed once for everyone, ids chosen up front, then written with multi-row
 * INSERTs, one transaction per phase.
 */

export const SEED_PASSWORD = 'tandem-seed';
const SEED = 20261216;
const TIME_ZONE = 'America/Chicago';

/** Each period's dates, in days from today; the last one is the active year. */
const PERIODS = [
  { open: -800, close: -770, announced: -760, ends: -395, surveyOpens: -425, surveyCloses: -400 },
  { open: -435, close: -405, announced: -395, ends: -30, surveyOpens: -60, surveyCloses: -35 },
  { open: -100, close: -60, announced: -40, ends: 325, surveyOpens: 290, surveyCloses: 315 },
] as const;
const ACTIVE = PERIODS.length - 1;

export interface ScaleSeedResult {
  staffEmail: string;
  menteeEmail: string;
  password: string;
  counts: Record<string, number>;
}

export interface ScaleSeedOptions {
  people: number;
  /** Rows written so far and in all, after each statement. */
  onProgress?: (done: number, total: number) => void;
}

/** push(...rows) overflows the stack with a hundred thousand rows. */
function append<T>(to: T[], rows: readonly T[]): void {
  for (const row of rows) to.push(row);
}

function seasonOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return month === 12 || month <= 2 ? 'winter' : month <= 5 ? 'spring' : month <= 8 ? 'summer' : 'fall';
}

/** Refuses a database that already has people or a program: the seed never writes over data. */
async function requireEmpty(deps: Pick<Deps, 'db'>): Promise<void> {
  const [users, settings] = await Promise.all([
    deps.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirst(),
    deps.db.selectFrom('program_settings').select('id').executeTakeFirst(),
  ]);
  const people = Number(users?.n ?? 0);
  if (people > 0 || settings) {
    throw new ConflictError(
      'NOT_EMPTY',
      `This database already has a program${people > 0 ? ` (${people} people)` : ''}; the seed only fills an empty one. Point it at a new data directory (--data-dir) or an empty DATABASE_URL.`,
    );
  }
}

export async function seedAtScale(deps: Deps, opts: ScaleSeedOptions): Promise<ScaleSeedResult> {
  if (!Number.isInteger(opts.people) || opts.people < 50) throw new RangeError('The seed needs at least 50 people.');
  await requireEmpty(deps);
  const random = mulberry32(SEED);
  const now = deps.clock.now();
  const at = toInstant(now);
  const today = calendarDateIn(TIME_ZONE, now);
  const day = (offset: number) => addDays(today, offset);
  const passwordHash = await hashPassword(SEED_PASSWORD);

  // The program itself, as setup makes it: settings, goals, the activity catalogue and the FAQ.
  await deps.db.transaction().execute(async (trx) => {
    await setUpProgramData(trx, now, { programName: 'Youth Services Mentoring Program', timeZone: TIME_ZONE });
    await trx
      .updateTable('program_settings')
      .set({ interest_vocabulary: JSON.stringify(INTERESTS) })
      .execute();
  });
  const goalIds = (await listProgramGoals(deps)).map((g) => g.id);
  const activityIds = (await listCatalogue(deps.db)).map((a) => a.id);
  const { goalSheetDeadlineDays } = await getSettings(deps);

  const names = new Set<string>();
  const periods = PERIODS.map((p, k) => {
    const announcedOn = day(p.announced);
    let name = `${announcedOn.slice(0, 4)} ${seasonOf(announcedOn)} cohort`;
    if (names.has(name)) name = `${name} (${k + 1})`;
    names.add(name);
    return {
      ...p,
      name,
      active: k === ACTIVE,
      announcedOn,
      matchedAt: instantAt(announcedOn, '10:00', TIME_ZONE),
      openAt: instantAt(day(p.open), '09:00', TIME_ZONE),
    };
  });
  const periodIds: number[] = [];
  await deps.db.transaction().execute(async (trx) => {
    for (const p of periods) {
      const row = await trx
        .insertInto('periods')
        .values({
          name: p.name,
          status: p.active ? 'active' : 'closed',
          applications_open_on: day(p.open),
          applications_close_on: day(p.close),
          matches_announced_on: p.announcedOn,
          program_ends_on: day(p.ends),
          survey_opens_on: day(p.surveyOpens),
          survey_closes_on: day(p.surveyCloses),
          created_at: toInstant(new Date(p.openAt.getTime() - 30 * DAY_MS)),
          updated_at: toInstant(p.active ? p.matchedAt : instantAt(day(p.ends + 14), '09:00', TIME_ZONE)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      periodIds.push(row.id);
    }
  });

  // Everything in memory first, so the progress bar knows the whole.
  const people = planPeople({
    people: opts.people,
    periods: periods.length,
    goalIds,
    random,
    firstUserId: await nextId(deps.db, 'users'),
    firstApplicationId: await nextId(deps.db, 'applications'),
    passwordHash,
    at: toInstant(periods[0]!.openAt),
  });
  const staffId = people.named.staffId;
  let matchId = await nextId(deps.db, 'matches');
  let sheetId = await nextId(deps.db, 'goal_sheets');
  let eventId = await nextId(deps.db, 'events');
  let surveyId = await nextId(deps.db, 'surveys');
  const matches: Row<'matches'>[] = [];
  const matchEvents: Row<'match_events'>[] = [];
  const year = { sheets: [] as Row<'goal_sheets'>[], versions: [] as Row<'goal_sheet_versions'>[], contacts: [] as Row<'contacts'>[] };
  const events: Row<'events'>[] = [];
  const invitations: Row<'event_invitations'>[] = [];
  const surveys: Row<'surveys'>[] = [];
  const surveyInvitations: Row<'survey_invitations'>[] = [];
  const responses: Row<'survey_responses'>[] = [];
  for (const [k, p] of periods.entries()) {
    const periodId = periodIds[k]!;
    const planned: PlannedMatch[] = planMatches({
      applications: people.applications,
      periodIndex: k,
      active: p.active,
      random,
      firstMatchId: matchId,
      ...(p.active && { first: { mentorUserId: people.named.mentorId, menteeUserId: people.named.menteeId } }),
    });
    matchId += planned.length;
    const made = matchRows(planned, {
      periodId,
      random,
      matchedAt: toInstant(p.matchedAt),
      yearEndedAt: p.active ? null : toInstant(instantAt(day(p.ends), '17:00', TIME_ZONE)),
      endedEarlyAt: toInstant(new Date(p.matchedAt.getTime() + (p.active ? 20 : 120) * DAY_MS)),
      staffId,
      liaisonIds: p.active ? people.committeeIds : [],
    });
    append(matches, made.matches);
    append(matchEvents, made.events);
    const daysSoFar = p.active ? -p.announced : p.ends - p.announced;
    const rows = matchYearRows(planned, {
      people,
      random,
      goalIdsInOrder: goalIds,
      activityIds,
      matchedOn: p.announcedOn,
      matchedAtMs: p.matchedAt.getTime(),
      daysSoFar,
      finished: !p.active,
      deadlineDays: goalSheetDeadlineDays,
      firstSheetId: sheetId,
      staffIds: people.staffIds,
    });
    sheetId += rows.sheets.length;
    append(year.sheets, rows.sheets);
    append(year.versions, rows.versions);
    append(year.contacts, rows.contacts);
    const ev = eventRows(periodEvents(p.name, p.active), planned, {
      periodId,
      announcedOn: p.announcedOn,
      timeZone: TIME_ZONE,
      now,
      random,
      firstEventId: eventId,
      staffId,
    });
    eventId += ev.events.length;
    append(events, ev.events);
    append(invitations, ev.invitations);
    const sv = surveyRows(planned, {
      id: surveyId,
      periodId,
      periodName: p.name,
      kind: p.active ? 'check-in' : 'wrap-up',
      opensOn: p.active ? day(-10) : day(p.surveyOpens),
      closesOn: p.active ? day(11) : day(p.surveyCloses),
      today,
      timeZone: TIME_ZONE,
      responseShare: p.active ? 0.33 : 0.6,
      random,
      staffId,
    });
    surveyId += 1;
    surveys.push(sv.survey);
    append(surveyInvitations, sv.invitations);
    append(responses, sv.responses);
  }
  const applied = (k: number) => toInstant(new Date(periods[k]!.openAt.getTime() + Math.floor(random() * 28 * DAY_MS)));
  const applications = applicationRows(people, periodIds, applied);
  const roles = [...people.roles, ...participantRoleRows(people)];

  const phases: { name: string; write: (trx: Executor, progress: (n: number) => void) => Promise<void> }[] = [
    {
      name: 'people',
      write: async (trx, progress) => {
        await insertMany(trx, 'users', people.users, progress);
        await insertMany(trx, 'user_roles', roles, progress);
        await insertMany(trx, 'applications', applications, progress);
      },
    },
    {
      name: 'matches',
      write: async (trx, progress) => {
        await insertMany(trx, 'matches', matches, progress);
        await insertMany(trx, 'match_events', matchEvents, progress);
      },
    },
    {
      name: 'goal sheets and contacts',
      write: async (trx, progress) => {
        await insertMany(trx, 'goal_sheets', year.sheets, progress);
        await insertMany(trx, 'goal_sheet_versions', year.versions, progress);
        await insertMany(trx, 'contacts', year.contacts, progress);
      },
    },
    {
      name: 'events',
      write: async (trx, progress) => {
        await insertMany(trx, 'events', events, progress);
        await insertMany(trx, 'event_invitations', invitations, progress);
      },
    },
    {
      name: 'surveys',
      write: async (trx, progress) => {
        await insertMany(trx, 'surveys', surveys, progress);
        await insertMany(trx, 'survey_invitations', surveyInvitations, progress);
        await insertMany(trx, 'survey_responses', responses, progress);
      },
    },
  ];
  const counts: Record<string, number> = {
    users: people.users.length,
    user_roles: roles.length,
    applications: applications.length,
    matches: matches.length,
    match_events: matchEvents.length,
    goal_sheets: year.sheets.length,
    goal_sheet_versions: year.versions.length,
    contacts: year.contacts.length,
    events: events.length,
    event_invitations: invitations.length,
    surveys: surveys.length,
    survey_invitations: surveyInvitations.length,
    survey_responses: responses.length,
  };
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    opts.onProgress?.(done, total);
  };
  opts.onProgress?.(0, total);
  for (const phase of phases) await deps.db.transaction().execute((trx) => phase.write(trx, progress));

  await deps.db.transaction().execute(async (trx) => {
    await moveIdCounters(trx, deps.dialect, ['users', 'applications', 'matches', 'goal_sheets', 'events', 'surveys']);
    await recordAudit(trx, {
      actorId: staffId,
      action: 'program.seeded',
      entityType: 'settings',
      entityId: null,
      details: { people: opts.people, periods: periods.length },
      at,
    });
  });
  return { staffEmail: SEED_STAFF_EMAIL, menteeEmail: SEED_MENTEE_EMAIL, password: SEED_PASSWORD, counts };
}
