import type { Deps } from '../../src/deps.ts';
import { insertApplication } from '../../src/features/applications/applications.store.ts';
import { insertMatch } from '../../src/features/matches/matches.store.ts';
import { applicationAnswersSchema } from '../../src/shared/api/applications.ts';
import type { ApplicationAnswers } from '../../src/shared/api/applications.ts';
import { createPerson } from './test-app.ts';

const BASE_ANSWERS = {
  workplaceType: 'public',
  yearsExperience: 3,
  careerStage: 'mid_career',
  region: 'US-IL',
  timeZone: 'America/Chicago',
  interests: ['Storytime'],
  programGoalIds: [1],
  channels: ['email', 'video'],
  meetInPerson: true,
  languages: ['English'],
};

export function testAnswers(overrides: Record<string, unknown> = {}): ApplicationAnswers {
  return applicationAnswersSchema.parse({ ...BASE_ANSWERS, ...overrides });
}

export interface TestMatch {
  id: number;
  periodId: number;
  mentorId: number;
  menteeId: number;
  matchedAt: string;
}

/**
 * An active match made directly in the database (accepted applications for both people, then the
 * match), for tests of what happens after approval. People not given are created, named
 * `names` ([mentor, mentee]) when given.
 */
export async function createTestMatch(
  deps: Deps,
  opts: {
    periodId: number;
    mentorId?: number;
    menteeId?: number;
    names?: [mentorName: string, menteeName: string];
    matchedAt?: string;
    mentorAnswers?: Record<string, unknown>;
    menteeAnswers?: Record<string, unknown>;
  },
): Promise<TestMatch> {
  const at = opts.matchedAt ?? deps.clock.now().toISOString();
  const mentorId = opts.mentorId ?? (await createPerson(deps, ['mentor'], opts.names?.[0])).id;
  const menteeId = opts.menteeId ?? (await createPerson(deps, ['mentee'], opts.names?.[1])).id;
  const mentorApplicationId = await insertApplication(deps.db, {
    periodId: opts.periodId,
    userId: mentorId,
    role: 'mentor',
    status: 'accepted',
    answers: testAnswers({ yearsExperience: 12, ...opts.mentorAnswers }),
    at,
  });
  const menteeApplicationId = await insertApplication(deps.db, {
    periodId: opts.periodId,
    userId: menteeId,
    role: 'mentee',
    status: 'accepted',
    answers: testAnswers({ careerStage: 'early_career', yearsExperience: 1, ...opts.menteeAnswers }),
    at,
  });
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
