import type { MentorProfile } from '../profiles.ts';

/** A public-library mentor (or, spread into a mentee, a mentee) the engine's tests vary one field at a time. */
export const librarian = (id: string, extra: Partial<MentorProfile> = {}): MentorProfile => ({
  id,
  workplaceType: 'public',
  yearsExperience: 2,
  timeZone: 'America/Chicago',
  interests: ['storytime', 'outreach', 'early literacy'],
  channels: ['video'],
  languages: ['English'],
  ...extra,
});
