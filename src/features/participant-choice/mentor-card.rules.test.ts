import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { mentorCardView } from './mentor-card.rules.ts';

const mentor: ApplicationRecord = {
  id: 7,
  periodId: 1,
  periodName: '2027',
  userId: 42,
  applicantName: 'Amara Nwosu',
  applicantEmail: 'amara.private@example.org',
  role: 'mentor',
  status: 'accepted',
  answers: {
    phone: '+1 555 0100 private',
    jobTitle: 'Head of conservation',
    employer: 'Secret Employer Inc',
    workplaceType: 'academic',
    yearsExperience: 18,
    careerStage: 'senior',
    region: 'US-IL',
    timeZone: 'America/Chicago',
    interests: ['conservation', 'grant writing'],
    programGoalIds: [1],
    channels: ['email'],
    meetInPerson: true,
    languages: ['English', 'Igbo'],
    hopes: 'hopes-not-for-mentees',
    eligibilityAnswers: {},
    confidential: { preferSameGender: true, gender: 'confidential-gender', notes: 'confidential-notes' },
    capacity: 2,
  },
  decisionReason: null,
  carryForward: false,
  carriedFromId: null,
  carryForwardAs: 'submitted',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('mentorCardView', () => {
  it('shows what a mentee may see before a match, and nothing private', () => {
    const card = mentorCardView(mentor, { userId: 42, offer: 'I help with grants.', photoKey: null, photoAlt: '', updatedAt: '' });
    expect(card).toMatchObject({
      userId: 42,
      name: 'Amara Nwosu',
      jobTitle: 'Head of conservation',
      expertise: ['conservation', 'grant writing'],
    });
    const text = JSON.stringify(card);
    for (const secret of [
      'amara.private',
      '555 0100',
      'Secret Employer',
      'confidential-gender',
      'confidential-notes',
      'hopes-not-for-mentees',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('gives a photo a URL that changes with the photo, and a description', () => {
    const card = mentorCardView(mentor, { userId: 42, offer: '', photoKey: 'ab'.repeat(16), photoAlt: '', updatedAt: '' });
    expect(card.photoUrl).toBe('/api/mentor-cards/42/photo?v=abababab');
    expect(card.photoAlt).toBe('Photo of Amara Nwosu');
  });
});
