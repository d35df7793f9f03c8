import type { ApplicationAnswers } from '../../shared/api/applications.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';

/** An accepted application with plausible answers, for unit tests of this feature. */
export function testApplication(
  id: number,
  role: 'mentor' | 'mentee',
  answers: Partial<ApplicationAnswers> = {},
  extra: Partial<ApplicationRecord> = {},
): ApplicationRecord {
  return {
    id,
    periodId: 1,
    periodName: '2026–27',
    userId: 1000 + id,
    applicantName: `Person ${id}`,
    applicantEmail: `person${id}@example.org`,
    role,
    status: 'accepted',
    answers: {
      phone: '+1 312 555 0100',
      jobTitle: 'Librarian',
      employer: `Library ${id}`,
      workplaceType: 'public',
      yearsExperience: role === 'mentor' ? 12 : 2,
      careerStage: role === 'mentor' ? 'senior' : 'early_career',
      region: 'US-IL',
      timeZone: 'America/Chicago',
      interests: ['storytime', 'outreach'],
      programGoalIds: [1, 4],
      channels: ['video', 'email'],
      meetInPerson: true,
      languages: ['English'],
      hopes: 'To grow.',
      eligibilityAnswers: {},
      confidential: { preferSameGender: false, gender: '', notes: '' },
      capacity: role === 'mentor' ? 2 : 1,
      ...answers,
    },
    decisionReason: null,
    carryForward: false,
    carriedFromId: null,
    carryForwardAs: 'submitted',
    createdAt: '2026-08-01T10:00:00.000Z',
    updatedAt: '2026-08-01T10:00:00.000Z',
    ...extra,
  };
}
