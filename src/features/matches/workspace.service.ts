import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import type { Audience } from '../../shared/api/resources.ts';
import type { MatchWorkspace } from '../../shared/api/workspace.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasRole } from '../accounts/actor.ts';
import { participantExplanation } from '../matching-runs/participant-pair-reasons.ts';
import { getSettings } from '../programs/program.service.ts';
import { daysUntil, matchDates, todayIn } from './match-dates.rules.ts';
import { contactCadence, meetInPersonHint, monthOf, sharedGoalIds } from './workspace.rules.ts';
import { contactSummary, findGoalSheetState, findWorkspaceMatch, listResourcesFor } from './workspace.store.ts';
import type { MatchSide } from './workspace.store.ts';

const inPerson = (side: MatchSide) => ({ region: side.person.region, meetInPerson: side.meetInPerson });

/** How many resources the match page lists; the Resources page has the rest. */
const RESOURCES_ON_PAGE = 5;

/**
 * A match's workspace for one of its two people, or for staff. Anyone else gets the same 404
 * as for a match that does not exist: they may not learn that it does.
 */
export async function getMatchWorkspace(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, matchId: number): Promise<MatchWorkspace> {
  const match = await findWorkspaceMatch(deps.db, matchId);
  if (!match) throw new NotFoundError('match');
  // A staff member who is also one of the pair sees the page as that person.
  const myRole =
    match.mentor.person.userId === actor.userId
      ? 'mentor'
      : match.mentee.person.userId === actor.userId
        ? 'mentee'
        : hasRole(actor, 'staff')
          ? 'staff'
          : null;
  if (myRole === null) throw new NotFoundError('match');

  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const tz = settings.timeZone;
  const dates = matchDates(match.matchedAt, match.programEndsOn, settings);
  const today = todayIn(tz, now);
  const month = monthOf(today);
  const sheetStatus = await findGoalSheetState(deps.db, match.id);
  const contacts = await contactSummary(deps.db, match.id, month.from, month.until);
  const audiences: Audience[] =
    myRole === 'mentor' ? ['everyone', 'mentors'] : myRole === 'mentee' ? ['everyone', 'mentees'] : ['everyone', 'mentors', 'mentees'];
  const resources = await listResourcesFor(deps.db, audiences, RESOURCES_ON_PAGE);

  return {
    match: {
      id: match.id,
      periodId: match.periodId,
      periodName: match.periodName,
      status: match.status,
      matchedAt: match.matchedAt,
      // The pair's own page says what speaks for them; staff see both sides as stored.
      explanation: myRole === 'staff' ? match.explanation : await participantExplanation(deps.db, match, now),
    },
    myRole,
    people:
      myRole === 'mentor'
        ? [match.mentee.person]
        : myRole === 'mentee'
          ? [match.mentor.person]
          : [match.mentee.person, match.mentor.person],
    liaison: match.liaison,
    dates: {
      timeZone: tz,
      today,
      matchedOn: dates.matchedOn,
      goalSheet: { on: dates.goalSheetDueOn, daysLeft: daysUntil(dates.goalSheetDueOn, now, tz), status: sheetStatus },
      guaranteeCloses:
        dates.guaranteeClosesOn === null ? null : { on: dates.guaranteeClosesOn, daysLeft: daysUntil(dates.guaranteeClosesOn, now, tz) },
      programEnds: { on: dates.programEndsOn, daysLeft: daysUntil(dates.programEndsOn, now, tz) },
    },
    meetInPersonHint: meetInPersonHint(inPerson(match.mentor), inPerson(match.mentee)),
    contact: contactCadence(
      {
        matchedOn: dates.matchedOn,
        lastContactOn: contacts.lastContactOn,
        contactsThisMonth: contacts.inRange,
        active: match.status === 'active',
      },
      settings,
      now,
    ),
    sharedProgramGoalIds: sharedGoalIds(match.mentor.programGoalIds, match.mentee.programGoalIds),
    resources,
  };
}
