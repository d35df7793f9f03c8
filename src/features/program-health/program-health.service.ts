import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { HEALTH_LIST_MAX, HEALTH_PAGE } from '../../shared/api/program-health.ts';
import type { HealthMatch, LiaisonMatch, LiaisonMatches, ProgramHealth } from '../../shared/api/program-health.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { eventsHeldForPeriod } from '../events/events.service.ts';
import { todayIn } from '../matches/match-dates.rules.ts';
import { findPeriod } from '../periods/periods.service.ts';
import type { ProgramSettings } from '../programs/program.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { assessMatch, byRisk, chartEnd, contactsPerWeek } from './program-health.rules.ts';
import type { MatchAssessment, PersonOnDay } from './program-health.rules.ts';
import { INLINE_MAX_MATCHES } from './health-runner.ts';
import type { HealthWorker } from './health-runner.ts';
import {
  countMatchesOfPeriod,
  listContactDays,
  listMatchFacts,
  listOpenRematchRequests,
  listOpenTalkRequests,
} from './program-health.store.ts';
import type { MatchScope, PeriodMatchFacts } from './program-health.store.ts';
import { memoUnlessChanged } from '../../db/unchanged-cache.ts';

const OUTCOME_COUNTER = { on_time: 'onTime', late: 'late', overdue: 'overdue', not_yet_due: 'notYetDue' } as const;

interface Assessed {
  facts: PeriodMatchFacts;
  assessment: MatchAssessment;
}

/**
 * The matches in scope, each assessed as of now: its dates, its sheet against the deadline and
 * its risk, counting open re-match requests and unhandled "I'd like to talk" check-in answers.
 * Three queries whatever the number of matches.
 */
async function assessScope(deps: Pick<Deps, 'db' | 'clock'>, scope: MatchScope, settings: ProgramSettings): Promise<Assessed[]> {
  const now = deps.clock.now();
  const tz = settings.timeZone;
  const all = await listMatchFacts(deps.db, scope);
  const byId = new Map(all.map((m) => [m.matchId, m]));
  const personOnDay = (matchId: number, userId: number, at: string): PersonOnDay | null => {
    const m = byId.get(matchId);
    if (!m) return null;
    const side = m.mentee.userId === userId ? 'mentee' : m.mentor.userId === userId ? 'mentor' : null;
    if (side === null) return null;
    return { name: m[side].name, side, on: calendarDateIn(tz, new Date(at)) };
  };
  const rematch = new Map<number, PersonOnDay[]>();
  const talk = new Map<number, PersonOnDay[]>();
  const add = (map: Map<number, PersonOnDay[]>, matchId: number, p: PersonOnDay | null) => {
    if (p) map.set(matchId, [...(map.get(matchId) ?? []), p]);
  };
  if (all.some((m) => m.status === 'active')) {
    for (const r of await listOpenRematchRequests(deps.db, scope)) add(rematch, r.matchId, personOnDay(r.matchId, r.userId, r.at));
    for (const t of await listOpenTalkRequests(deps.db, scope)) add(talk, t.matchId, personOnDay(t.matchId, t.userId, t.answeredAt));
  }
  return all.map((m) => ({
    facts: m,
    assessment: assessMatch(
      { ...m, rematchRequests: rematch.get(m.matchId) ?? [], talkRequests: talk.get(m.matchId) ?? [] },
      m.programEndsOn,
      settings,
      now,
    ),
  }));
}

/** What both views show of one match. */
function matchLine({ facts: m, assessment: a }: Assessed) {
  return {
    matchId: m.matchId,
    matchedOn: a.matchedOn,
    mentee: m.mentee,
    mentor: m.mentor,
    riskScore: a.riskScore,
    reasons: a.reasons.map(({ code, label, text }) => ({ code, label, text })),
    goalSheet: { status: m.sheetStatus, dueOn: a.goalSheetDueOn },
    lastContactOn: m.lastContactOn,
    guaranteeClosesOn: a.guaranteeClosesOn,
  };
}

/** What a period's health is made of (checked under tests: memoUnlessChanged). */
const HEALTH_READS = [
  'periods',
  'program_settings',
  'matches',
  'users',
  'goal_sheets',
  'contacts',
  'check_ins',
  'rematch_requests',
  'events',
  'event_invitations',
  'event_media',
];

/**
 * One period's health for the program office. A handful of queries whatever the size: the
 * matches with their sheets and last contacts in one, the contact counts per day in another;
 * the rest is arithmetic in program-health.rules.ts. Given a `worker` (health-runner.ts), a period
 * of more than INLINE_MAX_MATCHES matches is worked out there, off the server's thread.
 */
export async function getProgramHealth(
  deps: Pick<Deps, 'db' | 'clock'>,
  periodId: number,
  limit = HEALTH_PAGE,
  { worker }: { worker?: HealthWorker | undefined } = {},
): Promise<ProgramHealth> {
  // Assessing every active match takes the better part of a second at 26,000 matches, and staff
  // open this page again and again: kept until a table it reads is written, within the minute
  // (every date here turns at a minute boundary), the lists' rule (unchanged-cache.ts).
  const minute = deps.clock.now().toISOString().slice(0, 16);
  const workOut = async (): Promise<ProgramHealth> =>
    worker && (await countMatchesOfPeriod(deps.db, periodId)) > INLINE_MAX_MATCHES
      ? worker.health(periodId, deps.clock.now())
      : computeProgramHealth(deps, periodId);
  const whole = await memoUnlessChanged(deps.db, `program-health ${periodId}`, workOut, { stamp: minute, reads: HEALTH_READS });
  if (whole.matches.length <= limit) return whole;
  // Each page size is one answer kept as well, so fifty staff asking for the first page share it.
  return memoUnlessChanged(
    deps.db,
    `program-health ${periodId} first ${limit}`,
    () => Promise.resolve({ ...whole, matches: whole.matches.slice(0, limit) }),
    { stamp: minute, reads: HEALTH_READS },
  );
}

/** One period's health, worked out on this thread (health-worker.ts calls it on its own). */
export async function computeProgramHealth(deps: Pick<Deps, 'db' | 'clock'>, periodId: number): Promise<ProgramHealth> {
  const period = await findPeriod(deps.db, periodId);
  if (!period) throw new NotFoundError('period');
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const tz = settings.timeZone;
  const today = todayIn(tz, now);

  const all = await assessScope(deps, { periodId }, settings);
  const goalSheets = { onTime: 0, late: 0, overdue: 0, notYetDue: 0, awaitingReview: 0, returned: 0, acknowledged: 0 };
  const totals = { activeMatches: 0, quietMatches: 0, overdueSheets: 0, needingAttention: 0 };
  const matches: HealthMatch[] = [];
  let firstMatchedOn: string | null = null;

  for (const item of all) {
    const { facts: m, assessment: a } = item;
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
      ...matchLine(item),
      liaison: m.liaison,
      lastCheckInSentAt: m.lastCheckInSentAt,
      links: { goalSheet: `/matches/${m.matchId}/goal-sheet`, match: `/matches/${m.matchId}` },
    });
  }
  matches.sort(byRisk);
  // The most at risk first, and no more than a person can work through: a year of 24,000
  // matches made this answer 12 MB. totals.needingAttention still counts them all; an answer
  // lists the first `limit` of these.
  matches.splice(HEALTH_LIST_MAX);

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
    events: await eventsHeldForPeriod(deps, period),
  };
}

/**
 * The active matches one liaison looks after, in every period, with the same reasons as program
 * health (those with nothing to worry about too), highest risk first. Only the liaison's own:
 * the query filters by liaison, so someone else's pair can never appear.
 */
export async function listLiaisonMatches(deps: Pick<Deps, 'db' | 'clock'>, liaisonUserId: number): Promise<LiaisonMatches> {
  const settings = await getSettings(deps);
  const all = await assessScope(deps, { liaisonUserId }, settings);
  const matches: LiaisonMatch[] = all
    .filter((item) => item.facts.status === 'active' && item.facts.liaison?.userId === liaisonUserId)
    .map((item) => ({ ...matchLine(item), periodId: item.facts.periodId, periodName: item.facts.periodName }))
    .sort(byRisk);
  return { today: todayIn(settings.timeZone, deps.clock.now()), timeZone: settings.timeZone, matches };
}
