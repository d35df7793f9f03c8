import type { Channel } from '../shared/channels.ts';

export type { Channel };

export const WORKPLACE_TYPES = ['public', 'school', 'academic', 'special', 'other'] as const;
export type WorkplaceType = (typeof WORKPLACE_TYPES)[number];

/**
 * Optional, confidential preferences: only staff and the matcher see them, and explanations
 * mention them without saying what they are.
 */
export interface ConfidentialPreferences {
  readonly preferSameGender?: boolean;
  readonly gender?: string;
}

/** What the engine knows about an applicant. Every field but `id` may be unknown. */
export interface ParticipantProfile {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
  readonly employer?: string;
  readonly workplaceType?: WorkplaceType;
  readonly yearsExperience?: number;
  /** e.g. "US-IL". */
  readonly region?: string;
  /** IANA zone, e.g. "America/Chicago". */
  readonly timeZone?: string;
  /** A mentee's interests; a mentor's areas of expertise. */
  readonly interests?: readonly string[];
  /** Program goal numbers the applicant cares about. */
  readonly programGoals?: readonly number[];
  readonly channels?: readonly Channel[];
  readonly languages?: readonly string[];
  readonly meetInPerson?: boolean;
  readonly preferences?: ConfidentialPreferences;
}

export type MenteeProfile = ParticipantProfile;

export interface MentorProfile extends ParticipantProfile {
  /** How many mentees this mentor takes; default 1. */
  readonly capacity?: number;
}
