import type { SUGGESTION_FITS } from '../../shared/api/mentor-choice.ts';

export type SuggestionFit = (typeof SUGGESTION_FITS)[number];

/** Why a mentee has nothing to choose from, in words for the mentee (never about other people). */
export function noSuggestionWords(reason: 'no-eligible-mentor' | 'below-min-score' | 'mentors-full' | 'no-mentors'): string {
  switch (reason) {
    case 'no-mentors':
      return 'No mentor in this period has a place left right now. The program office has been told and will be in touch.';
    case 'mentors-full':
      return 'The mentors who fit you best have no places left right now. The program office will help you find a mentor.';
    default:
      return 'None of the mentors with places left fits what you asked for. The program office will help you find a mentor.';
  }
}
