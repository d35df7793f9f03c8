import type { Deps } from '../../deps.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { findUserIdByEmail, insertUser } from '../accounts/people.service.ts';
import { insertApplication } from '../applications/applications.service.ts';
import { syncParticipantRoles } from '../applications/participant-roles.ts';
import { demoApplicants } from '../demo/demo-applicants.ts';
import { endMatchRow, insertMatch } from '../matches/matches.service.ts';
import { listProgramGoals, updateSettings } from '../programs/program.service.ts';

const DEMO_MENTOR = 'mentor@demo.tandem.test';
/** Last year's mentee of the demo mentor: someone new, so no other demo story changes. */
const ALUMNA = { name: 'Lucía Fernández', email: 'lucia.fernandez@alumni.demo.tandem.test' };

/**
 * Recognition letters in the demo: the demo mentor also mentored in last year's cohort, and her
 * match ran to the end of that year, so she has a letter to download; staff have named who signs.
 * Runs after the alumni are seeded (demo-surveys.ts), so the wrap-up survey's numbers stay as they were.
 */
export async function seedDemoLetters(
  deps: Deps,
  staff: Actor,
  o: {
    lastPeriod: { id: number; matchesAnnouncedOn: string; programEndsOn: string };
    passwordHash: string;
    /** An instant on a calendar date in the program's zone. */
    at: (date: string, time: string) => Date;
  },
): Promise<void> {
  await updateSettings(deps, staff, { letterSigner: { name: 'Dana Whitaker', title: 'Mentoring Program Coordinator' } });

  const goalIds = (await listProgramGoals(deps)).map((g) => g.id);
  const [mentorAnswers, menteeAnswers] = demoApplicants({ mentees: 1, mentors: 1, goalIds, seed: 2025 }).map((p) => p.answers);
  if (!mentorAnswers || !menteeAnswers) throw new Error('demo: no answers for the letters story');
  const matchedAt = toInstant(o.at(o.lastPeriod.matchesAnnouncedOn, '10:30'));
  await deps.db.transaction().execute(async (trx) => {
    const mentorId = await findUserIdByEmail(trx, DEMO_MENTOR);
    if (mentorId === undefined) throw new Error(`demo account ${DEMO_MENTOR} is missing`);
    const menteeId = await insertUser(trx, { ...ALUMNA, passwordHash: o.passwordHash, at: matchedAt });
    const application = (userId: number, role: 'mentor' | 'mentee', answers: typeof mentorAnswers) =>
      insertApplication(trx, { periodId: o.lastPeriod.id, userId, role, answers, status: 'matched', at: matchedAt });
    const mentorApplicationId = await application(mentorId, 'mentor', mentorAnswers);
    const menteeApplicationId = await application(menteeId, 'mentee', menteeAnswers);
    const matchId = await insertMatch(trx, {
      periodId: o.lastPeriod.id,
      mentorUserId: mentorId,
      menteeUserId: menteeId,
      mentorApplicationId,
      menteeApplicationId,
      matchingRunId: null,
      score: 0.86,
      explanation: 'Matched last year on shared goals and a love of storytime.',
      at: matchedAt,
    });
    // Like every pair of that cohort, it ran until the program year ended.
    await endMatchRow(trx, matchId, staff.userId, 'The program year ended.', toInstant(o.at(o.lastPeriod.programEndsOn, '17:00')));
    await syncParticipantRoles(trx, [mentorId, menteeId]);
  });
}
