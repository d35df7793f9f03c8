import type { Deps } from '../../deps.ts';
import type { Role } from '../../shared/roles.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { DAY_MS, fixedClock } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { completeSetup } from '../accounts/setup.service.ts';
import { insertUser, replaceRoles } from '../accounts/users.store.ts';
import { createPeriod, transitionPeriod } from '../periods/periods.service.ts';
import { updateSettings } from '../programs/program.service.ts';

export const DEMO_PASSWORD = 'tandem-demo';
export const DEMO_STAFF_EMAIL = 'staff@demo.tandem.test';

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

/** A small, realistic program people can click around in: accounts for every role and two periods. */
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

  const current = await createPeriod(deps, staff, {
    name: `${now.getUTCFullYear()} cohort`,
    applicationsOpenOn: dateIn(timeZone, now, -10),
    applicationsCloseOn: dateIn(timeZone, now, 20),
    matchesAnnouncedOn: dateIn(timeZone, now, 30),
    programEndsOn: dateIn(timeZone, now, 395),
    surveyOpensOn: dateIn(timeZone, now, 365),
    surveyClosesOn: dateIn(timeZone, now, 390),
  });
  await transitionPeriod(deps, staff, current.id, 'applications_open');
  return { staffEmail: DEMO_STAFF_EMAIL, password: DEMO_PASSWORD };
}
