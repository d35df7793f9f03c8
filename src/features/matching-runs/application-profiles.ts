import type { ConfidentialPreferences, MenteeProfile, MentorProfile } from '../../matching/index.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';

/** The engine's ids are strings; ours are application ids. */
export const profileId = (applicationId: number): string => String(applicationId);

/**
 * Only what the matcher scores on: the confidential notes stay behind, and an empty gender
 * means "not said" (the engine would otherwise treat "" as a gender of its own).
 */
function preferences(a: ApplicationRecord): ConfidentialPreferences {
  const { preferSameGender, gender } = a.answers.confidential;
  const said = gender.trim();
  return said === '' ? { preferSameGender } : { preferSameGender, gender: said };
}

function baseProfile(a: ApplicationRecord): MenteeProfile {
  const x = a.answers;
  return {
    id: profileId(a.id),
    name: a.applicantName,
    employer: x.employer,
    workplaceType: x.workplaceType,
    yearsExperience: x.yearsExperience,
    region: x.region,
    timeZone: x.timeZone,
    interests: x.interests,
    programGoals: x.programGoalIds,
    channels: x.channels,
    languages: x.languages,
    meetInPerson: x.meetInPerson,
    preferences: preferences(a),
  };
}

export function menteeProfile(a: ApplicationRecord): MenteeProfile {
  return baseProfile(a);
}

export function mentorProfile(a: ApplicationRecord): MentorProfile {
  return { ...baseProfile(a), capacity: a.answers.capacity };
}

/** Splits a matching pool into the engine's two sides, keeping the pool's order. */
export function poolProfiles(pool: readonly ApplicationRecord[]): { mentees: MenteeProfile[]; mentors: MentorProfile[] } {
  return {
    mentees: pool.filter((a) => a.role === 'mentee').map(menteeProfile),
    mentors: pool.filter((a) => a.role === 'mentor').map(mentorProfile),
  };
}
