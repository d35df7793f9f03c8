import type { Deps } from '../../deps.ts';
import type { Role } from '../../shared/roles.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { DAY_MS, fixedClock } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { completeSetup } from '../accounts/setup.service.ts';
import { findUserIdByEmail, insertUser, replaceRoles } from '../accounts/people.service.ts';
import { createPeriod, transitionPeriod } from '../periods/periods.service.ts';
import { listProgramGoals, updateSettings } from '../programs/program.service.ts';
import { insertApplication } from '../applications/applications.service.ts';
import { syncParticipantRoles } from '../applications/participant-roles.ts';
import type { ApplicationStatus } from '../../shared/application-vocabulary.ts';
import { demoApplicants, INTERESTS } from './demo-applicants.ts';
import { seedMatchYear } from './demo-match-year.ts';
import { seedDemoImports } from './demo-imports.ts';
import { seedDemoResources } from './demo-resources.ts';
import { listUserEmails } from './demo-match-year.store.ts';
import { seedDemoSurveys } from '../surveys/demo-surveys.ts';
import { seedDemoLetters } from '../recognition-letters/demo-letters.ts';
import { seedDemoReports } from '../reports/demo-reports.ts';
import { seedDemoChoice } from '../participant-choice/demo-choice.ts';
import { seedDemoBackups } from '../backup/demo-backups.ts';
import { instantAt } from '../../time/zoned.ts';

export const DEMO_PASSWORD = 'tandem-demo';
export const DEMO_STAFF_EMAIL = 'staff@demo.tandem.test';

/**
 * The named demo accounts, with roles set as staff would set them on the People page. The demo
 * mentor and mentee also apply and are accepted (and matched) below, so their roles hold by the
 * rule too; the applicants the generator makes get theirs only from acceptance.
 */
const PEOPLE: { name: string; email: string; roles: Role[] }[] = [
  { name: 'Priya Raman', email: 'committee@demo.tandem.test', roles: ['committee'] },
  { name: 'Tomás Herrera', email: 'taskforce@demo.tandem.test', roles: ['taskforce'] },
  { name: 'Margaret Okafor', email: 'mentor@demo.tandem.test', roles: ['mentor'] },
  { name: 'Jun Watanabe', email: 'jun.watanabe@demo.tandem.test', roles: ['mentor', 'committee'] },
  { name: 'Eleanor Whitfield', email: 'eleanor.whitfield@demo.tandem.test', roles: ['mentor'] },
  { name: 'Amara Mensah', email: 'mentee@demo.tandem.test', roles: ['mentee'] },
  { name: 'Lucas Petit', email: 'lucas.petit@demo.tandem.test', roles: ['mentee'] },
  { name: 'Sofia Lindqvist', email: 'sofia.lindqvist@demo.tandem.test', roles: ['mentee'] },
];

const dateIn = (tz: string, now: Date, days: number) => calendarDateIn(tz, new Date(now.getTime() + days * DAY_MS));

/**
 * A small, realistic program people can click around in: accounts for every role, last year's
 * closed cohort, an intake in the middle of its match year, this year's cohort taking
 * applications, and a period in which mentees choose their mentor.
 */
/** The applicants of this year's cohort, besides the named demo mentor and mentee. */
const DEMO_POOL = { mentees: 58, mentors: 19 };

export async function seedDemo(deps: Deps): Promise<{ staffEmail: string; password: string }> {
  const timeZone = 'America/Chicago';
  const staffId = await completeSetup(deps, {
    programName: 'Youth Services Mentoring Program',
    timeZone,
    name: 'Dana Whitaker',
    email: DEMO_STAFF_EMAIL,
    password: DEMO_PASSWORD,
  });
  const staff = { userId: staffId, roles: ['staff'] as Role[] };
  await updateSettings(deps, staff, {
    goalSheetContact: { name: 'Dana Whitaker', email: DEMO_STAFF_EMAIL },
    trainingContact: { name: 'Priya Raman', email: 'committee@demo.tandem.test' },
    interestVocabulary: INTERESTS,
  });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = toInstant(deps.clock.now());
  for (const p of PEOPLE) {
    const id = await insertUser(deps.db, { email: p.email, name: p.name, passwordHash, at });
    await replaceRoles(deps.db, id, p.roles);
  }

  const now = deps.clock.now();
  const last = await createPeriod(deps, staff, {
    name: `${new Date(now.getTime() - 365 * DAY_MS).getUTCFullYear()} cohort`,
    applicationsOpenOn: dateIn(timeZone, now, -420),
    applicationsCloseOn: dateIn(timeZone, now, -390),
    matchesAnnouncedOn: dateIn(timeZone, now, -380),
    programEndsOn: dateIn(timeZone, now, -15),
    surveyOpensOn: dateIn(timeZone, now, -45),
    surveyClosesOn: dateIn(timeZone, now, -5),
  });
  // The archived cohort moved through its statuses a year ago: replay that on a clock set back then.
  const lastYear = { ...deps, clock: fixedClock(new Date(now.getTime() - 410 * DAY_MS)) };
  for (const to of ['applications_open', 'matching', 'active', 'evaluation', 'closed'] as const) {
    await transitionPeriod(lastYear, staff, last.id, to);
  }

  // This year's cohort: applications close in a few days and the pool is ready for a first run.
  const current = await createPeriod(deps, staff, {
    name: `${now.getUTCFullYear()} cohort`,
    applicationsOpenOn: dateIn(timeZone, now, -30),
    applicationsCloseOn: dateIn(timeZone, now, 5),
    matchesAnnouncedOn: dateIn(timeZone, now, 12),
    programEndsOn: dateIn(timeZone, now, 377),
    surveyOpensOn: dateIn(timeZone, now, 345),
    surveyClosesOn: dateIn(timeZone, now, 370),
  });
  await transitionPeriod(deps, staff, current.id, 'applications_open');
  await seedApplications(deps, current.id, passwordHash);
  await seedDemoImports(deps, { periodId: current.id, staffId, imported: DEMO_POOL.mentees + DEMO_POOL.mentors });

  // An earlier intake in the middle of its year, for the match pages and the program-health view.
  const matchYear = await seedMatchYear(deps, staff, passwordHash);
  await seedDemoResources(deps.db, staffId, deps.clock.now().toISOString());

  // Last year's alumni answered the wrap-up survey; the cohort in its year has a check-in open.
  await seedDemoSurveys(deps, staff, {
    lastPeriod: last,
    activePeriodId: matchYear.periodId,
    passwordHash,
    takenEmails: await listUserEmails(deps.db),
    at: (date, time) => instantAt(date, time, timeZone),
    day: (offset) => dateIn(timeZone, now, offset),
  });
  // The demo mentor saw last year's cohort through: her letter of recognition is ready.
  await seedDemoLetters(deps, staff, { lastPeriod: last, passwordHash, at: (date, time) => instantAt(date, time, timeZone) });
  // The task force published last year's annual report and has started this year's.
  await seedDemoReports(deps, {
    lastPeriod: last,
    currentPeriodId: current.id,
    publishOn: instantAt(dateIn(timeZone, now, -2), '15:00', timeZone),
  });
  // A third period lets mentees choose: chooser@ has suggestions to compare, one mentor is already full.
  await seedDemoChoice(deps, staff, {
    passwordHash,
    takenEmails: await listUserEmails(deps.db),
    day: (offset) => dateIn(timeZone, now, offset),
    at: (date, time) => instantAt(date, time, timeZone),
  });
  await seedDemoBackups(deps);
  return { staffEmail: DEMO_STAFF_EMAIL, password: DEMO_PASSWORD };
}

/**
 * About 60 mentees and 20 mentors, most already accepted, a few still to review; the named demo
 * mentor and mentee are in the pool too, so signing in as them after approval shows a partner.
 */
async function seedApplications(deps: Deps, periodId: number, passwordHash: string): Promise<void> {
  const goalIds = (await listProgramGoals(deps)).map((g) => g.id);
  const pool = demoApplicants({ ...DEMO_POOL, goalIds });
  const named = demoApplicants({ mentees: 1, mentors: 1, goalIds, seed: 7 });
  const at = toInstant(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const applicants: number[] = [];
    for (const [i, person] of pool.entries()) {
      const userId = await insertUser(trx, { email: person.email, name: person.name, passwordHash, at });
      applicants.push(userId);
      const status: ApplicationStatus = i % 16 === 5 ? 'submitted' : i % 23 === 7 ? 'waitlisted' : 'accepted';
      await insertApplication(trx, { periodId, userId, role: person.role, answers: person.answers, status, at });
    }
    for (const person of named) {
      const email = person.role === 'mentor' ? 'mentor@demo.tandem.test' : 'mentee@demo.tandem.test';
      const userId = await findUserIdByEmail(trx, email);
      if (userId === undefined) throw new Error(`demo account ${email} is missing`);
      await insertApplication(trx, { periodId, userId, role: person.role, answers: person.answers, status: 'accepted', at });
      applicants.push(userId);
    }
    // As the app would have it: the accepted hold the mentor or mentee role, those still in review or waitlisted do not.
    await syncParticipantRoles(trx, applicants);
  });
}
