import type { MentorCard } from '../../shared/api/mentor-choice.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import type { MentorCardRecord } from './mentor-card.types.ts';

/**
 * A mentor's card from their application and what they wrote for it. Only what a mentee may see
 * before a match: no e-mail, phone, employer's name or confidential preference ever gets here.
 */
export function mentorCardView(application: ApplicationRecord, card: MentorCardRecord | undefined): MentorCard {
  const a = application.answers;
  return {
    userId: application.userId,
    name: application.applicantName,
    jobTitle: a.jobTitle,
    workplaceType: a.workplaceType,
    yearsExperience: a.yearsExperience,
    expertise: a.interests,
    languages: a.languages,
    region: a.region,
    timeZone: a.timeZone,
    offer: card?.offer ?? '',
    // The storage key changes with every new photo, so it doubles as a cache-busting version.
    photoUrl: card?.photoKey ? `/api/mentor-cards/${application.userId}/photo?v=${card.photoKey.slice(0, 8)}` : null,
    photoAlt: card?.photoKey ? card.photoAlt || `Photo of ${application.applicantName}` : '',
  };
}
