// Reminder worlds for job tests: an active period, many matches, a planning pass, mail counts.
import type { Deps } from '../../src/deps.ts';
import { insertPeriod, setPeriodStatus } from '../../src/features/periods/periods.store.ts';
import { findSettings } from '../../src/features/programs/settings.store.ts';
import { planReminders } from '../../src/features/reminders/reminder-planner.ts';
import type { PlanSummary } from '../../src/features/reminders/reminder-planner.ts';
import type { PeriodStatus } from '../../src/shared/period-status.ts';
import { createTestMatch } from './match-fixtures.ts';
import type { TestMatch } from './match-fixtures.ts';

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

/** `n` active matches made at the same instant, a few at a time. */
export async function manyMatches(deps: Deps, periodId: number, n: number, matchedAt: string): Promise<TestMatch[]> {
  const made: TestMatch[] = [];
  for (let i = 0; i < n; i += 8) {
    const batch = Array.from({ length: Math.min(8, n - i) }, () => createTestMatch(deps, { periodId, matchedAt }));
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
