// Reminder worlds for job tests: an active period, many matches, a planning pass, mail counts.
import type { Deps } from '../../src/deps.ts';
import { insertPeriod, setPeriodStatus } from '../../src/features/periods/periods.store.ts';
import { findSettings } from '../../src/features/programs/settings.store.ts';
import { planReminders } from '../../src/features/reminders/reminder-planner.ts';
import type { PlanSummary } from '../../src/features/reminders/reminder-planner.ts';
import type { PeriodStatus } from '../../src/shared/period-status.ts';
import { insertApplication } from '../../src/features/applications/applications.store.ts';
import { insertMatch } from '../../src/features/matches/matches.store.ts';
import { applicationAnswersSchema } from '../../src/shared/api/applications.ts';
import type { TestMatch } from './match-fixtures.ts';
import { createPerson } from './test-app.ts';

const PATH: PeriodStatus[] = ['draft', 'applications_open', 'matching', 'active'];
let periodSeq = 0;

/** A period moved straight to active, ending on `programEndsOn`. */
export async function activePeriod(deps: Deps, programEndsOn = '2027-08-31'): Promise<number> {
  periodSeq += 1;
  const at = deps.clock.now().toISOString();
  const id = await insertPeriod(deps.db, {
    name: `Reminder period ${periodSeq}`,
    applicationsOpenOn: '2026-08-01',
    applicationsCloseOn: '2026-08-25',
    matchesAnnouncedOn: '2026-09-15',
    programEndsOn,
    surveyOpensOn: '2027-08-01',
    surveyClosesOn: '2027-08-21',
    at,
  });
  for (let k = 1; k < PATH.length; k++) await setPeriodStatus(deps.db, id, PATH[k - 1] as PeriodStatus, PATH[k] as PeriodStatus, at);
  return id;
}

const ANSWERS = applicationAnswersSchema.parse({
  workplaceType: 'public',
  yearsExperience: 3,
  careerStage: 'mid_career',
  region: 'US-IL',
  timeZone: 'America/Chicago',
  interests: ['Storytime'],
  programGoalIds: [1],
  channels: ['email', 'video'],
  meetInPerson: false,
  languages: ['English'],
});

/**
 * An active match made straight in the database, with accepted applications for both people
 * (like createTestMatch in match-fixtures.ts, whose answers the application schema refuses at the
 * moment: it sends a `country` the strict schema does not know).
 */
export async function reminderMatch(
  deps: Deps,
  opts: { periodId: number; matchedAt: string; mentorId?: number; menteeId?: number; names?: [string, string] },
): Promise<TestMatch> {
  const mentorId = opts.mentorId ?? (await createPerson(deps, ['mentor'], opts.names?.[0])).id;
  const menteeId = opts.menteeId ?? (await createPerson(deps, ['mentee'], opts.names?.[1])).id;
  const at = opts.matchedAt;
  const application = (userId: number, role: 'mentor' | 'mentee') =>
    insertApplication(deps.db, { periodId: opts.periodId, userId, role, status: 'accepted', answers: ANSWERS, at });
  const mentorApplicationId = await application(mentorId, 'mentor');
  const menteeApplicationId = await application(menteeId, 'mentee');
  const id = await insertMatch(deps.db, {
    periodId: opts.periodId,
    mentorUserId: mentorId,
    menteeUserId: menteeId,
    mentorApplicationId,
    menteeApplicationId,
    matchingRunId: null,
    score: 0.8,
    explanation: 'both in public libraries',
    at,
  });
  return { id, periodId: opts.periodId, mentorId, menteeId, matchedAt: at };
}

/** `n` active matches made at the same instant, a few at a time. */
export async function manyMatches(deps: Deps, periodId: number, n: number, matchedAt: string): Promise<TestMatch[]> {
  const made: TestMatch[] = [];
  for (let i = 0; i < n; i += 8) {
    const batch = Array.from({ length: Math.min(8, n - i) }, () => reminderMatch(deps, { periodId, matchedAt }));
    made.push(...(await Promise.all(batch)));
  }
  return made;
}

/** One planning pass, as the planner job runs it (in a transaction of its own). */
export async function planNow(deps: Deps, now: Date): Promise<PlanSummary> {
  const settings = await findSettings(deps.db);
  if (!settings) throw new Error('set the program up first');
  return deps.db.transaction().execute((trx) => planReminders(trx, settings, now));
}

/** Reminder e-mails in the outbox, counted per kind and recipient. */
export async function reminderMailCounts(deps: Deps): Promise<Map<string, number>> {
  const rows = await deps.db.selectFrom('outbox').select(['kind', 'to_address']).where('kind', 'like', 'reminder.%').execute();
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.kind} ${r.to_address}`, (counts.get(`${r.kind} ${r.to_address}`) ?? 0) + 1);
  return counts;
}
