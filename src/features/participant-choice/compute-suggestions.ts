import { participantReasons, suggestMentors } from '../../matching/index.ts';
import { noSuggestionWords } from './choice-words.ts';
import type { StoredSuggestions, SuggestionJob } from './suggestion-job.ts';

/** Most suggestions kept per mentee. */
export const SUGGESTIONS_PER_MENTEE = 6;
/** Score points of the program's total a "good" suggestion may cost (decision 0014). */
export const GOOD_FIT_SLACK = 10;

/** One period's suggestions, pure: the same function runs in the worker thread and inline. */
export function computeSuggestions(job: SuggestionJob, onProgress?: (fraction: number) => void): StoredSuggestions {
  const result = suggestMentors({
    mentees: job.mentees,
    mentors: job.mentors,
    weights: job.weights,
    hardRules: { previousPartners: job.previousPartners, forbidden: job.forbidden },
    ...(job.minScore !== null && { minScore: job.minScore }),
    referenceDate: job.referenceDate,
    goalNames: job.goalNames,
    slack: GOOD_FIT_SLACK,
    limit: SUGGESTIONS_PER_MENTEE,
    ...(onProgress && { onProgress }),
  });
  const byMentee: StoredSuggestions['byMentee'] = {};
  const none: StoredSuggestions['none'] = {};
  for (const m of result.byMentee) {
    byMentee[m.menteeId] = m.suggestions.map((s) => ({
      mentorApplicationId: Number(s.mentorId),
      score: Math.round(s.score * 10) / 10,
      fit: s.fit,
      pointsLost: Math.round(s.pointsLost * 10) / 10,
      leavesSomeoneWithout: s.leavesSomeoneWithout,
      reasons: participantReasons(s.reasons).map((r) => r.text),
    }));
    if (m.suggestions.length === 0)
      none[m.menteeId] = noSuggestionWords(job.mentors.length === 0 ? 'no-mentors' : (m.none?.reason ?? 'no-eligible-mentor'));
  }
  return { byMentee, none, inHighDemand: result.demand.filter((d) => d.inHighDemand).map((d) => Number(d.mentorId)) };
}
