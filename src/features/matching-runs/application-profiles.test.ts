import { describe, expect, it } from 'vitest';
import { menteeProfile, mentorProfile, poolProfiles } from './application-profiles.ts';
import { testApplication } from './test-application.ts';

describe('application profiles', () => {
  it('gives the engine what an application says, keyed by the application id', () => {
    const mentor = testApplication(7, 'mentor', {
      capacity: 3,
      interests: ['teen services'],
      programGoalIds: [2, 5],
      channels: ['phone'],
      languages: ['English', 'Spanish'],
      meetInPerson: false,
      yearsExperience: 15,
      workplaceType: 'school',
      employer: 'Oak Park Academy',
      region: 'US-WA',
      timeZone: 'America/Los_Angeles',
    });
    expect(mentorProfile(mentor)).toEqual({
      id: '7',
      name: 'Person 7',
      employer: 'Oak Park Academy',
      workplaceType: 'school',
      yearsExperience: 15,
      region: 'US-WA',
      timeZone: 'America/Los_Angeles',
      interests: ['teen services'],
      programGoals: [2, 5],
      channels: ['phone'],
      languages: ['English', 'Spanish'],
      meetInPerson: false,
      preferences: { preferSameGender: false },
      capacity: 3,
    });
    expect(menteeProfile(testApplication(8, 'mentee'))).not.toHaveProperty('capacity');
  });

  it('passes a stated preference on, but never the confidential notes, and an unstated gender as unknown', () => {
    const stated = menteeProfile(
      testApplication(1, 'mentee', { confidential: { preferSameGender: true, gender: ' woman ', notes: 'Not my old boss, please.' } }),
    );
    expect(stated.preferences).toEqual({ preferSameGender: true, gender: 'woman' });
    expect(JSON.stringify(stated)).not.toContain('old boss');
    expect(
      menteeProfile(testApplication(2, 'mentee', { confidential: { preferSameGender: true, gender: '', notes: '' } })).preferences,
    ).toEqual({ preferSameGender: true });
  });

  it('splits a pool by role, keeping its order', () => {
    const pool = [testApplication(1, 'mentor'), testApplication(2, 'mentee'), testApplication(3, 'mentee'), testApplication(4, 'mentor')];
    const { mentees, mentors } = poolProfiles(pool);
    expect(mentees.map((m) => m.id)).toEqual(['2', '3']);
    expect(mentors.map((m) => m.id)).toEqual(['1', '4']);
  });
});
