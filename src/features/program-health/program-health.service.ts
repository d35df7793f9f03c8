import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import type { HealthMatch, ProgramHealth } from '../../shared/api/program-health.ts';
import { todayIn } from '../matches/match-dates.rules.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { assessMatch, byRisk, chartEnd, contactsPerWeek } from './program-health.rules.ts';
import { listContactDays, listPeriodMatchFacts } from './program-health.store.ts';

const OUTCOME_COUNTER = { on_time: 'onTime', late: 'late', overdue: 'overdue', not_yet_due: 'notYetDue' } as const;

/**
 * One period's health for the program office. A handful of queries whatever the size: the
 * matches with their sheets and last contacts in one, the contact counts per day in another;
 * the rest is arithmetic in program-health.rules.ts.
 */
export async function getProgramHealth(deps: Pick<Deps, 'db' | 'clock'>, periodId: number): Promise<ProgramHealth> {
  const period = await findPeriod(deps.db, periodId);
  if (!period) throw new NotFoundError('period');
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const tz = settings.timeZone;
  const today = todayIn(tz, now);

  const all = await listPeriodMatchFacts(deps.db, periodId);
  const goalSheets = { onTime: 0, late: 0, overdue: 0, notYetDue: 0, awaitingReview: 0, returned: 0, acknowledged: 0 };
  const totals = { activeMatches: 0, quietMatches: 0, overdueSheets: 0, needingAttention: 0 };
  const matches: HealthMatch[] = [];
  let firstMatchedOn: string | null = null;

  for (const m of all) {
    const a = assessMatch(m, period.programEndsOn, settings, now);
    if (firstMatchedOn === null || a.matchedOn < firstMatchedOn) firstMatchedOn = a.matchedOn;
    if (m.status !== 'active') continue;
    totals.activeMatches += 1;
    if (a.quiet) totals.quietMatches += 1;
    if (a.sheetOverdue) totals.overdueSheets += 1;
    goalSheets[OUTCOME_COUNTER[a.sheetOutcome]] += 1;
    if (m.sheetStatus === 'submitted') goalSheets.awaitingReview += 1;
    if (m.sheetStatus === 'returned') goalSheets.returned += 1;
    if (m.sheetStatus === 'acknowledged') goalSheets.acknowledged += 1;
    if (a.riskScore === 0) continue;
    totals.needingAttention += 1;
    matches.push({
      matchId: m.matchId,
      matchedOn: a.matchedOn,
      mentee: m.mentee,
      mentor: m.mentor,
      riskScore: a.riskScore,
      reasons: a.reasons.map(({ code, label, text }) => ({ code, label, text })),
      goalSheet: { status: m.sheetStatus, dueOn: a.goalSheetDueOn },
      lastContactOn: m.lastContactOn,
      guaranteeClosesOn: a.guaranteeClosesOn,
      links: { goalSheet: `/matches/${m.matchId}/goal-sheet`, match: `/matches/${m.matchId}` },
    });
  }
  matches.sort(byRisk);

  let weeks: ProgramHealth['contactsPerWeek'] = [];
  if (firstMatchedOn !== null) {
    const to = chartEnd(today, period.programEndsOn);
    weeks = contactsPerWeek(await listContactDays(deps.db, periodId, firstMatchedOn, to), firstMatchedOn, to);
  }

  return {
    period: { id: period.id, name: period.name, status: period.status, programEndsOn: period.programEndsOn },
    today,
    timeZone: tz,
    quietAfterWeeks: settings.quietAfterWeeks,
    totals,
    goalSheets,
    contactsPerWeek: weeks,
    matches,
    matchesWithoutConcerns: totals.activeMatches - totals.needingAttention,
  };
}
