import type { MenteeProfile, MentorProfile, Weights } from '../../matching/index.ts';
import { proposeMatches } from '../../matching/index.ts';
// The engine's own normalisation, so "same employer" here means exactly what it means in a run.
import { employerKey } from '../../matching/criteria.ts';
import type { PairPreview, Warning } from '../../shared/api/matching.ts';
import { menteeBookedWords } from './active-matches.rules.ts';
import { reasonViews } from './run-result.ts';

export interface PreviewInput {
  mentee: MenteeProfile;
  mentor: MentorProfile;
  weights: Weights;
  minScore: number | null;
  /** Epoch ms; the run's own, so the score is the one the run would have given. */
  referenceDate: number;
  goalNames?: Record<number, string>;
  forbidden: boolean;
  previousPartner: boolean;
  samePerson: boolean;
  /** The mentor's places, and how many other mentees the run currently gives them. */
  capacity: number;
  assignedOthers: number;
  /** Periods of the mentee's active matches: a mentee has one at a time (empty: none). */
  menteeActiveIn?: readonly string[];
  /** The mentor's active matches, in any period: they take places too. */
  mentorActive?: { matches: number; periods: readonly string[] };
  /** The mentee's current pair in the run when it is locked to someone else. */
  lockedToOther: string | null;
}

const plural = (n: number, word: string, words = `${word}s`): string => `${n} ${n === 1 ? word : words}`;
const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Score, explanation and warnings for any mentee–mentor pair. The engine scores the pair on its
 * own (a 1×1 instance) with the hard rules left out, so a pair the rules forbid still gets its
 * score; the rules come back as warnings instead. Employer is no scoring criterion, only a rule,
 * so leaving it out changes nothing else.
 */
export function previewPair(p: PreviewInput): PairPreview {
  const menteeName = p.mentee.name ?? p.mentee.id;
  const mentorName = p.mentor.name ?? p.mentor.id;
  const scored = proposeMatches({
    mentees: [{ ...p.mentee, employer: undefined }],
    mentors: [{ ...p.mentor, employer: undefined, capacity: 1 }],
    weights: p.weights,
    objective: 'most-matched',
    referenceDate: p.referenceDate,
    ...(p.goalNames && { goalNames: p.goalNames }),
  });
  const warnings: Warning[] = [];
  const pair = scored.pairs[0];
  const employer = employerKey(p.mentee.employer);
  if (p.samePerson)
    warnings.push({ code: 'SAME_PERSON', message: `${menteeName} would be mentoring themself: both applications are the same person's.` });
  if (employer !== undefined && employer === employerKey(p.mentor.employer)) {
    warnings.push({
      code: 'SAME_EMPLOYER',
      message: `Both work at ${p.mentor.employer?.trim() ?? ''}; the program does not pair colleagues.`,
    });
  }
  if (p.forbidden) warnings.push({ code: 'FORBIDDEN', message: 'The committee has ruled this pair out.' });
  if (p.previousPartner) warnings.push({ code: 'PREVIOUS_PARTNER', message: `${menteeName} and ${mentorName} were matched before.` });
  if (!pair) {
    warnings.push({
      code: 'REQUIRED_CRITERION',
      message: `A required criterion fails: ${scored.unmatched[0]?.explanation ?? 'not eligible'}.`,
    });
  } else if (p.minScore !== null && pair.score < p.minScore) {
    warnings.push({
      code: 'BELOW_MIN_SCORE',
      message: `The pair scores ${round1(pair.score)}, below this run's minimum of ${p.minScore}.`,
    });
  }
  if (p.menteeActiveIn && p.menteeActiveIn.length > 0) {
    warnings.push({
      code: 'ALREADY_MATCHED',
      message: `${menteeName} ${menteeBookedWords(p.menteeActiveIn)}. Approval refuses a second one.`,
    });
  }
  const active = p.mentorActive?.matches ?? 0;
  if (active + p.assignedOthers + 1 > p.capacity) {
    warnings.push({
      code: 'OVER_CAPACITY',
      message:
        active > 0
          ? `${mentorName} takes ${plural(p.capacity, 'mentee')}, already has ${plural(active, 'active match', 'active matches')} (${p.mentorActive?.periods.join(', ') ?? ''}) and ${p.assignedOthers} in this proposal. Approval refuses to go over.`
          : `${mentorName} takes ${plural(p.capacity, 'mentee')} and already has ${p.assignedOthers} in this proposal.`,
    });
  }
  if (p.lockedToOther !== null) {
    warnings.push({
      code: 'LOCKED_PAIR',
      message: `${menteeName} is locked to ${p.lockedToOther}; moving them breaks the lock in this proposal.`,
    });
  }
  return {
    score: pair ? pair.score : null,
    explanation: pair ? pair.explanation : (scored.unmatched[0]?.explanation ?? ''),
    reasons: pair ? reasonViews(pair.reasons) : [],
    warnings,
  };
}
