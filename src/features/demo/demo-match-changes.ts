import type { Deps } from '../../deps.ts';
import { fixedClock } from '../../time/clock.ts';
import type { Actor } from '../accounts/actor.ts';
import type { NextStep } from '../../shared/api/rematch.ts';
import { getRematchCandidates, requestRematch, resolveRematchRequest } from '../rematch/rematch.service.ts';

/** A pair of the demo cohort, as the re-match story needs it. */
export interface DemoPairRef {
  matchId: number;
  mentorId: number;
  menteeId: number;
}

/**
 * The second half of the guarantee, played through the real use cases on clocks set back in time
 * (so the queue, the match histories, the e-mails and the audit log are what the app itself would
 * have written): a mentee who asked for a new mentor twelve days ago and was re-matched last week,
 * and a mentor whose request is waiting in the queue today.
 */
export async function seedMatchChanges(
  deps: Deps,
  staff: Actor,
  story: { rematched: DemoPairRef; waiting: DemoPairRef; at: (dayOffset: number, time: string) => Date },
): Promise<void> {
  const on = (day: number, time: string): Deps => ({ ...deps, clock: fixedClock(story.at(day, time)) });
  const mentee: Actor = { userId: story.rematched.menteeId, roles: ['mentee'] };
  const request = await requestRematch(on(-12, '19:40'), mentee, story.rematched.matchId, {
    reason:
      'We have tried three times to find a time to talk and it has not worked: my mentor works evenings and I work early mornings. No hard feelings at all.',
    wishes: 'Someone who is free in the late afternoon, ideally also in a public library.',
  });
  const offers = await getRematchCandidates(on(-7, '10:15'), staff, request.id);
  const first = (list: { applicationId: number }[]): number | undefined => list[0]?.applicationId;
  const requesterPick = first(offers.requester.candidates);
  const partnerPick = first(offers.partner.candidates);
  const step = (id: number | undefined, otherwise: NextStep): NextStep =>
    id === undefined ? otherwise : { kind: 'rematch', partnerApplicationId: id };
  await resolveRematchRequest(on(-7, '10:20'), staff, request.id, {
    action: 'end',
    requester: step(requesterPick, { kind: 'reapply' }),
    partner: step(partnerPick, { kind: 'none' }),
    note: 'Schedules never met; both agreed a fresh start would help.',
  });

  const mentor: Actor = { userId: story.waiting.mentorId, roles: ['mentor'] };
  await requestRematch(on(-2, '08:05'), mentor, story.waiting.matchId, {
    reason:
      'My mentee is hoping to move into academic libraries, which I know little about. I think someone from a university library would help her far more than I can.',
    wishes: '',
  });
}
