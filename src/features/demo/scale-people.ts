import type { ApplicationRole, ApplicationStatus } from '../../shared/application-vocabulary.ts';
import type { Channel } from '../../shared/channels.ts';
import type { Role } from '../../shared/roles.ts';
import { pick } from '../../shared/seeded-random.ts';
import { answerColumns } from '../applications/applications.service.ts';
import type { Row } from './bulk-insert.ts';
import { demoApplicants } from './demo-applicants.ts';

/**
 * The people of a program at scale, and what each applied for: the demo's applicant generator
 * makes a few hundred distinct, valid applications, and every person of the big program takes
 * one of them as a template under a name and an e-mail of their own. Ids are chosen here, so
 * later phases can refer to rows before they are written.
 */

export const SEED_DOMAIN = 'seed.tandem.test';
export const SEED_STAFF_EMAIL = `staff@${SEED_DOMAIN}`;
export const SEED_MENTEE_EMAIL = `mentee@${SEED_DOMAIN}`;
export const SEED_MENTOR_EMAIL = `mentor@${SEED_DOMAIN}`;

/** Share of each period's newcomers, oldest period first; and of an earlier cohort that applies again. */
const PERIOD_SHARES = [0.3, 0.33, 0.37];
const RETURNING_SHARE = 0.1;
/** About one mentor for three or four mentees. */
const MENTOR_SHARE = 0.22;
const MENTOR_CAPACITIES = [2, 3, 3, 4, 4, 5];
const INITIALS = 'ABCDEFGHIJKLMNOPRSTVW';

export interface PlannedApplication {
  id: number;
  userId: number;
  periodIndex: number;
  role: ApplicationRole;
  status: ApplicationStatus;
  capacity: number;
  template: number;
}

export interface PeoplePlan {
  users: Row<'users'>[];
  roles: Row<'user_roles'>[];
  applications: PlannedApplication[];
  /** One entry per template: the answers as columns, and what later phases read of them. */
  templates: { columns: ReturnType<typeof answerColumns>; channels: Channel[]; goalIds: number[] }[];
  staffIds: number[];
  committeeIds: number[];
  named: { staffId: number; menteeId: number; mentorId: number };
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\p{Letter}]+/gu, '')
    .toLowerCase();

export function planPeople(o: {
  people: number;
  periods: number;
  goalIds: readonly number[];
  random: () => number;
  firstUserId: number;
  firstApplicationId: number;
  passwordHash: string;
  /** Instant the accounts were made. */
  at: string;
}): PeoplePlan {
  const { random } = o;
  const pool = demoApplicants({ mentees: 400, mentors: 400, goalIds: o.goalIds, seed: 20261216 });
  const templates = pool.map((p) => ({
    columns: answerColumns(p.answers),
    channels: p.answers.channels,
    goalIds: p.answers.programGoalIds,
  }));
  const mentorTemplates = pool.flatMap((p, k) => (p.role === 'mentor' ? [k] : []));
  const menteeTemplates = pool.flatMap((p, k) => (p.role === 'mentee' ? [k] : []));

  const users: Row<'users'>[] = [];
  const roles: Row<'user_roles'>[] = [];
  const addUser = (name: string, email: string, userRoles: readonly Role[]): number => {
    const id = o.firstUserId + users.length;
    users.push({ id, email, name, password_hash: o.passwordHash, created_at: o.at, updated_at: o.at });
    for (const role of userRoles) roles.push({ user_id: id, role });
    return id;
  };
  /** A generated person: a template's name with a middle initial, and an e-mail nobody else has. */
  const addPerson = (template: number, userRoles: readonly Role[]): number => {
    const [first = 'Alex', last = 'Lee'] = (pool[template]?.name ?? '').split(' ');
    const name = `${first} ${pick(random, [...INITIALS])}. ${last}`;
    return addUser(name, `${slug(first)}.${slug(last)}.${o.firstUserId + users.length}@${SEED_DOMAIN}`, userRoles);
  };

  // The program office, the matching committee and the task force: a few per ten thousand people.
  const staffId = addUser('Dana Whitaker', SEED_STAFF_EMAIL, ['staff']);
  const staffIds = [staffId];
  for (let i = 0; i < 2; i++) staffIds.push(addPerson(pick(random, mentorTemplates), ['staff']));
  const committeeIds: number[] = [];
  for (let i = 0; i < Math.max(2, Math.round(o.people / 2500)); i++)
    committeeIds.push(addPerson(pick(random, mentorTemplates), ['committee']));
  for (let i = 0; i < Math.max(1, Math.round(o.people / 20000)); i++) addPerson(pick(random, mentorTemplates), ['taskforce']);

  // Applicants: newcomers in each period, and some of the cohort before applying again in the same role.
  const applications: PlannedApplication[] = [];
  const apply = (userId: number, periodIndex: number, role: ApplicationRole, template: number) => {
    applications.push({
      id: o.firstApplicationId + applications.length,
      userId,
      periodIndex,
      role,
      status: 'submitted',
      capacity: role === 'mentor' ? pick(random, MENTOR_CAPACITIES) : 1,
      template,
    });
  };
  const named = { staffId, menteeId: 0, mentorId: 0 };
  const newcomers = Math.max(0, o.people - users.length - 2);
  const byPeriod: { userId: number; role: ApplicationRole; template: number }[][] = [];
  let placed = 0;
  for (let p = 0; p < o.periods; p++) {
    const last = p === o.periods - 1;
    const count = last ? newcomers - placed : Math.round(newcomers * (PERIOD_SHARES[p] ?? 1 / o.periods));
    placed += count;
    const cohort: { userId: number; role: ApplicationRole; template: number }[] = [];
    if (last) {
      // The two named participants apply in the active period: the sign-in printed at the end.
      const mentorT = mentorTemplates[0] ?? 0;
      const menteeT = menteeTemplates[0] ?? 0;
      named.mentorId = addUser('Margaret Okafor', SEED_MENTOR_EMAIL, ['mentor']);
      named.menteeId = addUser('Amara Mensah', SEED_MENTEE_EMAIL, ['mentee']);
      cohort.push(
        { userId: named.mentorId, role: 'mentor', template: mentorT },
        { userId: named.menteeId, role: 'mentee', template: menteeT },
      );
    }
    const before = byPeriod[p - 1] ?? [];
    for (const earlier of before) if (random() < RETURNING_SHARE) cohort.push(earlier);
    for (let i = 0; i < count; i++) {
      const role: ApplicationRole = random() < MENTOR_SHARE ? 'mentor' : 'mentee';
      const template = pick(random, role === 'mentor' ? mentorTemplates : menteeTemplates);
      cohort.push({ userId: addPerson(template, []), role, template });
    }
    for (const c of cohort) apply(c.userId, p, c.role, c.template);
    byPeriod.push(cohort);
  }
  return { users, roles, applications, templates, staffIds, committeeIds, named };
}

/** The participant roles the applications give (accepted or matched), as the app keeps them. */
export function participantRoleRows(plan: PeoplePlan): Row<'user_roles'>[] {
  const held = new Set(plan.roles.map((r) => `${r.user_id}:${r.role}`));
  const rows: Row<'user_roles'>[] = [];
  for (const a of plan.applications) {
    if (a.status !== 'accepted' && a.status !== 'matched') continue;
    const key = `${a.userId}:${a.role}`;
    if (held.has(key)) continue;
    held.add(key);
    rows.push({ user_id: a.userId, role: a.role });
  }
  return rows;
}

export function applicationRows(
  plan: PeoplePlan,
  periodIds: readonly number[],
  at: (periodIndex: number) => string,
): Row<'applications'>[] {
  return plan.applications.map((a) => {
    const t = plan.templates[a.template];
    if (!t) throw new Error(`seed: no template ${a.template}`);
    const when = at(a.periodIndex);
    return {
      id: a.id,
      period_id: periodIds[a.periodIndex] ?? 0,
      user_id: a.userId,
      role: a.role,
      status: a.status,
      ...t.columns,
      capacity: a.capacity,
      decision_reason: a.status === 'declined' ? 'We could not offer a place this year; please apply again next year.' : null,
      carry_forward: 0,
      carried_from_id: null,
      created_at: when,
      updated_at: when,
    };
  });
}
