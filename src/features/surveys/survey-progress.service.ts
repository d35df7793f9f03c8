import type { Deps } from '../../deps.ts';
import type { NotYetList, NotYetQuery } from '../../shared/api/survey-not-yet.ts';
import type { SurveyProgress } from '../../shared/api/surveys.ts';
import { RESPONDENT_ROLES } from '../../shared/surveys.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { addDays } from '../../time/zoned.ts';
import { getSettings } from '../programs/program.service.ts';
import { countInvitationsByRole, respondedByDay } from './survey-invitations.store.ts';
import { countNotYet, searchNotYet } from './survey-not-yet.store.ts';
import { surveyOrNotFound } from './survey-results.service.ts';

/**
 * Staff following a survey while it runs: how many have answered, and who has not yet, so they
 * can nudge them. Who and when (a date), never what anyone said: nothing here reads an answer.
 */

/** Counts by role and by day, each counted by the database (no invitation is read one by one). */
export async function surveyProgress(deps: Pick<Deps, 'db' | 'clock'>, id: number): Promise<SurveyProgress> {
  const survey = await surveyOrNotFound(deps, id);
  const { timeZone } = await getSettings(deps);
  const [roles, byDay] = await Promise.all([countInvitationsByRole(deps.db, id), respondedByDay(deps.db, id)]);
  const invited = roles.reduce((sum, r) => sum + r.invited, 0);
  const responded = roles.reduce((sum, r) => sum + r.responded, 0);
  const today = calendarDateIn(timeZone, deps.clock.now());
  const last = [today, survey.closesOn].sort()[0]!;
  const overTime: SurveyProgress['overTime'] = [];
  if (survey.publishedAt !== null && survey.opensOn <= last) {
    let total = 0;
    const counts = new Map(byDay.map((d) => [d.on, d.count]));
    for (let date = survey.opensOn; date <= last && overTime.length < 400; date = addDays(date, 1)) {
      total += counts.get(date) ?? 0;
      overTime.push({ date, responded: total, rate: invited === 0 ? 0 : total / invited });
    }
  }
  return {
    invited,
    responded,
    byRole: RESPONDENT_ROLES.map((role) => {
      const mine = roles.find((r) => r.role === role);
      return { role, invited: mine?.invited ?? 0, responded: mine?.responded ?? 0 };
    }).filter((r) => r.invited > 0),
    overTime,
  };
}

/**
 * Who has not answered yet, searched by name or address, by role and whether they have begun, a
 * page at a time in name order. The same for a named and an anonymous survey: who has answered
 * is known either way (to remind the others); what they said is not here.
 */
export async function surveyNotYet(deps: Pick<Deps, 'db'>, id: number, query: NotYetQuery): Promise<NotYetList> {
  await surveyOrNotFound(deps, id);
  const filter = { surveyId: id, q: query.q || undefined, role: query.role, started: query.started };
  const total = await countNotYet(deps.db, filter);
  const page = await searchNotYet(deps.db, { ...filter, after: query.after, limit: query.limit, total });
  return { people: page.people, nextCursor: page.nextCursor, total };
}
