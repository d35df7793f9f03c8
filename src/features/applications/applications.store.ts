import type { Executor } from '../../db/executor.ts';
import { storedValue, storedValues } from '../../db/stored-value.ts';
import { CARRY_FORWARD_AS } from '../../shared/match-management.ts';
import type { CarryForwardAs } from '../../shared/match-management.ts';
import type { ApplicationAnswers } from '../../shared/api/applications.ts';
import { APPLICATION_ROLES, APPLICATION_STATUSES, CAREER_STAGES, WORKPLACE_TYPES } from '../../shared/application-vocabulary.ts';
import type { ApplicationRole, ApplicationStatus, WorkplaceTypeName } from '../../shared/application-vocabulary.ts';
import { CHANNELS } from '../../shared/channels.ts';
import type { ApplicationRecord } from './application.types.ts';

/** Filters the staff list offers; all optional, all combined with AND. */
export interface ApplicationFilters {
  role?: ApplicationRole | undefined;
  status?: ApplicationStatus | undefined;
  workplaceType?: WorkplaceTypeName | undefined;
  /** Prefix: `US` finds US-IL and US-WA. */
  region?: string | undefined;
  goal?: number | undefined;
  /** Free text over name, e-mail, employer, job title and interests. */
  q?: string | undefined;
}

export type ApplicationCounts = Record<ApplicationRole, Record<ApplicationStatus, number>>;

function selectJoined(db: Executor) {
  return db
    .selectFrom('applications as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('periods as p', 'p.id', 'a.period_id')
    .selectAll('a')
    .select(['u.name as user_name', 'u.email as user_email', 'p.name as period_name']);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof selectJoined>['executeTakeFirstOrThrow']>>;

/** JSON columns are written only by this store; a damaged value reads as empty rather than crashing a page. */
function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const roleOf = (role: string): ApplicationRole => storedValue('applications', 'role', APPLICATION_ROLES, role);
const statusOf = (status: string): ApplicationStatus => storedValue('applications', 'status', APPLICATION_STATUSES, status);

const stringList = (text: string): string[] => parseJson<unknown[]>(text, []).filter((x): x is string => typeof x === 'string');

function toRecord(r: JoinedRow): ApplicationRecord {
  const confidential = parseJson<Partial<ApplicationAnswers['confidential']>>(r.confidential, {});
  return {
    id: r.id,
    periodId: r.period_id,
    periodName: r.period_name,
    userId: r.user_id,
    applicantName: r.user_name,
    applicantEmail: r.user_email,
    role: roleOf(r.role),
    status: statusOf(r.status),
    answers: {
      phone: r.phone,
      jobTitle: r.job_title,
      employer: r.employer,
      workplaceType: storedValue('applications', 'workplace_type', WORKPLACE_TYPES, r.workplace_type),
      yearsExperience: Number(r.years_experience),
      careerStage: storedValue('applications', 'career_stage', CAREER_STAGES, r.career_stage),
      region: r.region,
      timeZone: r.time_zone,
      interests: stringList(r.interests),
      programGoalIds: parseJson<unknown[]>(r.program_goal_ids, []).filter((x): x is number => typeof x === 'number'),
      channels: storedValues('applications', 'channels', CHANNELS, parseJson<unknown>(r.channels, [])),
      meetInPerson: Number(r.meet_in_person) === 1,
      languages: stringList(r.languages),
      hopes: r.hopes,
      eligibilityAnswers: parseJson<Record<string, 'yes' | 'no'>>(r.eligibility_answers, {}),
      confidential: {
        preferSameGender: confidential.preferSameGender === true,
        gender: typeof confidential.gender === 'string' ? confidential.gender : '',
        notes: typeof confidential.notes === 'string' ? confidential.notes : '',
      },
      capacity: Number(r.capacity),
    },
    decisionReason: r.decision_reason,
    carryForward: Number(r.carry_forward) === 1,
    carriedFromId: r.carried_from_id,
    carryForwardAs: storedValue('applications', 'carry_forward_as', CARRY_FORWARD_AS, r.carry_forward_as),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Answers as columns (country is the part of the region before the dash). */
function answerColumns(a: ApplicationAnswers) {
  return {
    phone: a.phone,
    job_title: a.jobTitle,
    employer: a.employer,
    workplace_type: a.workplaceType,
    years_experience: a.yearsExperience,
    career_stage: a.careerStage,
    region: a.region,
    country: a.region.slice(0, 2),
    time_zone: a.timeZone,
    interests: JSON.stringify(a.interests),
    program_goal_ids: JSON.stringify(a.programGoalIds),
    channels: JSON.stringify(a.channels),
    meet_in_person: a.meetInPerson ? 1 : 0,
    languages: JSON.stringify(a.languages),
    hopes: a.hopes,
    eligibility_answers: JSON.stringify(a.eligibilityAnswers),
    confidential: JSON.stringify(a.confidential),
    capacity: a.capacity,
  };
}

export interface NewApplication {
  periodId: number;
  userId: number;
  role: ApplicationRole;
  answers: ApplicationAnswers;
  status?: ApplicationStatus;
  carriedFromId?: number | null;
  at: string;
}

export async function insertApplication(db: Executor, a: NewApplication): Promise<number> {
  const row = await db
    .insertInto('applications')
    .values({
      period_id: a.periodId,
      user_id: a.userId,
      role: a.role,
      status: a.status ?? 'submitted',
      ...answerColumns(a.answers),
      decision_reason: null,
      carry_forward: 0,
      carried_from_id: a.carriedFromId ?? null,
      created_at: a.at,
      updated_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateApplicationAnswers(db: Executor, id: number, answers: ApplicationAnswers, at: string): Promise<void> {
  await db
    .updateTable('applications')
    .set({ ...answerColumns(answers), updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Moves the status only if it is still `from` (two reviewers deciding at once cannot both win).
 * The reason is replaced, so an acceptance after a decline does not keep the old reason.
 */
export async function setApplicationStatus(
  db: Executor,
  id: number,
  from: ApplicationStatus,
  to: ApplicationStatus,
  reason: string | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set({ status: to, decision_reason: reason, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Bulk move (matching approval: accepted → matched | unmatched), only for rows still in `from`.
 * Returns how many rows changed, so the caller can tell that one moved under its feet.
 */
export async function setApplicationStatuses(
  db: Executor,
  ids: readonly number[],
  from: ApplicationStatus,
  to: ApplicationStatus,
  at: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  let changed = 0;
  // Chunked: SQLite and PostgreSQL both limit bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const result = await db
      .updateTable('applications')
      .set({ status: to, updated_at: at })
      .where('id', 'in', chunk)
      .where('status', '=', from)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}

/**
 * Marks an application to be carried into the next period, and with which status the copy starts
 * ('submitted' when the applicant asks, 'accepted' when staff place the person in the next pool).
 */
export async function setCarryForwardPlan(db: Executor, id: number, as: CarryForwardAs, at: string): Promise<void> {
  await db.updateTable('applications').set({ carry_forward: 1, carry_forward_as: as, updated_at: at }).where('id', '=', id).execute();
}

export async function setCarryForwardFlag(db: Executor, id: number, carryForward: boolean, at: string): Promise<void> {
  await db
    .updateTable('applications')
    .set({ carry_forward: carryForward ? 1 : 0, carry_forward_as: 'submitted', updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findApplication(db: Executor, id: number): Promise<ApplicationRecord | undefined> {
  const row = await selectJoined(db).where('a.id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function findApplicationFor(
  db: Executor,
  periodId: number,
  userId: number,
  role: ApplicationRole,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('period_id', '=', periodId)
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
  return row?.id;
}

/** `email|role` keys of everyone who already applied in the period (CSV import's duplicate check). */
export async function listAppliedKeys(db: Executor, periodId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['u.email', 'a.role'])
    .where('a.period_id', '=', periodId)
    .execute();
  return new Set(rows.map((r) => `${r.email.toLowerCase()}|${r.role}`));
}

const contains = (haystack: string, needle: string): boolean => haystack.toLowerCase().includes(needle);

/**
 * Column filters run in SQL; the goal (a JSON array) and free text (which includes the JSON
 * interests) run here, so the behaviour is the same on SQLite and PostgreSQL without JSON
 * operators or collation differences. A period holds hundreds of applications, not millions.
 */
export async function listApplicationsForPeriod(db: Executor, periodId: number, f: ApplicationFilters = {}): Promise<ApplicationRecord[]> {
  let query = selectJoined(db).where('a.period_id', '=', periodId);
  if (f.role) query = query.where('a.role', '=', f.role);
  if (f.status) query = query.where('a.status', '=', f.status);
  if (f.workplaceType) query = query.where('a.workplace_type', '=', f.workplaceType);
  const rows = await query.orderBy('a.id').execute();
  const region = f.region?.trim().toUpperCase();
  const q = f.q?.trim().toLowerCase();
  return rows
    .map(toRecord)
    .filter((a) => !region || a.answers.region.startsWith(region))
    .filter((a) => f.goal === undefined || a.answers.programGoalIds.includes(f.goal))
    .filter(
      (a) =>
        !q ||
        contains(a.applicantName, q) ||
        contains(a.applicantEmail, q) ||
        contains(a.answers.employer, q) ||
        contains(a.answers.jobTitle, q) ||
        a.answers.interests.some((i) => contains(i, q)),
    );
}

export async function countApplications(db: Executor, periodId: number): Promise<ApplicationCounts> {
  const zero = (): Record<ApplicationStatus, number> =>
    Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  const counts: ApplicationCounts = { mentor: zero(), mentee: zero() };
  const rows = await db
    .selectFrom('applications')
    .select(['role', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('period_id', '=', periodId)
    .groupBy(['role', 'status'])
    .execute();
  for (const r of rows) {
    counts[roleOf(r.role)][statusOf(r.status)] += Number(r.n);
  }
  return counts;
}

export async function listApplicationsOfUser(db: Executor, userId: number): Promise<ApplicationRecord[]> {
  const rows = await selectJoined(db).where('a.user_id', '=', userId).orderBy('a.id', 'desc').execute();
  return rows.map(toRecord);
}

/** The role and status of every application of these people (what their participant roles follow). */
export async function listApplicationStatusesOf(
  db: Executor,
  userIds: readonly number[],
): Promise<{ userId: number; role: ApplicationRole; status: ApplicationStatus }[]> {
  const out: { userId: number; role: ApplicationRole; status: ApplicationStatus }[] = [];
  // Chunked: SQLite and PostgreSQL both limit bound parameters per statement.
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('applications')
      .select(['user_id', 'role', 'status'])
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      out.push({ userId: r.user_id, role: roleOf(r.role), status: statusOf(r.status) });
    }
  }
  return out;
}

/** Who the matcher considers: accepted applications of both roles, in a stable order. */
export async function listMatchingPool(db: Executor, periodId: number): Promise<ApplicationRecord[]> {
  const rows = await selectJoined(db).where('a.period_id', '=', periodId).where('a.status', '=', 'accepted').orderBy('a.id').execute();
  return rows.map(toRecord);
}

/**
 * Flagged applications of other periods not yet copied into `periodId`. Latest first per
 * person and role, so someone who flagged two earlier applications is copied once.
 */
export async function listCarryForwardCandidates(db: Executor, periodId: number): Promise<ApplicationRecord[]> {
  const rows = await selectJoined(db)
    .where('a.period_id', '!=', periodId)
    .where('a.carry_forward', '=', 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('applications as c')
            .select('c.id')
            .where('c.period_id', '=', periodId)
            .where((inner) =>
              inner.or([
                inner('c.carried_from_id', '=', inner.ref('a.id')),
                inner.and([inner('c.user_id', '=', inner.ref('a.user_id')), inner('c.role', '=', inner.ref('a.role'))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('a.id', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.map(toRecord).filter((a) => {
    const key = `${a.userId}|${a.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
