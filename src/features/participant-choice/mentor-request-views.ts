import type { Executor } from '../../db/executor.ts';
import type { MentorRequest } from '../../shared/api/mentor-choice.ts';
import { findApplication } from '../applications/applications.service.ts';
import { friendlyPairReasons } from '../matching-runs/participant-pair-reasons.ts';
import { periodMatchingInputs } from '../matching-runs/period-matching-inputs.ts';
import { effectiveStatus } from './mentor-request.rules.ts';
import type { MentorRequestRecord } from './mentor-requests.store.ts';

/**
 * Requests as people see them. The mentor and staff see who is asking (nothing confidential, no
 * contact details) and why the pair fits; the mentee sees their own words and the answer.
 */
export async function requestViews(
  db: Executor,
  records: readonly MentorRequestRecord[],
  viewer: 'mentee' | 'mentor' | 'staff',
  now: Date,
): Promise<MentorRequest[]> {
  const inputsByPeriod = new Map<number, Awaited<ReturnType<typeof periodMatchingInputs>>>();
  const out: MentorRequest[] = [];
  for (const r of records) {
    let glimpse: MentorRequest['menteeGlimpse'] = null;
    let reasons: string[] = [];
    if (viewer !== 'mentee') {
      const [mentee, mentor] = [await findApplication(db, r.menteeApplicationId), await findApplication(db, r.mentorApplicationId)];
      if (mentee && mentor) {
        let inputs = inputsByPeriod.get(r.periodId);
        if (!inputs) inputsByPeriod.set(r.periodId, (inputs = await periodMatchingInputs(db, r.periodId)));
        const a = mentee.answers;
        glimpse = {
          jobTitle: a.jobTitle,
          careerStage: a.careerStage,
          workplaceType: a.workplaceType,
          yearsExperience: a.yearsExperience,
          interests: a.interests,
          languages: a.languages,
          region: a.region,
          timeZone: a.timeZone,
          goals: a.programGoalIds.flatMap((id) => (inputs.goalNames[id] ? [inputs.goalNames[id]] : [])),
          hopes: a.hopes,
        };
        reasons = friendlyPairReasons(mentee, mentor, inputs, now);
      }
    }
    out.push({
      id: r.id,
      periodId: r.periodId,
      periodName: r.periodName,
      status: effectiveStatus(r, now),
      mentee: { userId: r.menteeUserId, name: r.menteeName },
      mentor: { userId: r.mentorUserId, name: r.mentorName },
      note: r.note,
      answerNote: r.answerNote,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      answeredAt: r.answeredAt,
      matchId: r.matchId,
      menteeGlimpse: glimpse,
      reasons,
    });
  }
  return out;
}
