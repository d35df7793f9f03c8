/**
 * Tandem's matching engine: pure functions, no I/O, no clock, no randomness.
 * - solveAssignment / verifyOptimality: the exact optimiser and its independent checker.
 * - proposeMatches: profiles + weights + hard rules (+ mentees' wishes) -> explained proposals.
 * - suggestMentors: participant choice: per mentee, mentors to pick and what each costs the program.
 */
export type { AssignmentProblem, AssignmentResult, Objective, OptimalityCertificate, SolveOptions } from './assignment-types.ts';
export { OBJECTIVES } from './assignment-types.ts';
export { MatchingInputError } from './errors.ts';
export type { MatchingInputErrorCode } from './errors.ts';
export { MAX_PAIRS, MAX_ABS_SCORE } from './limits.ts';
export { solveAssignment } from './solve.ts';
export { verifyOptimality } from './verify.ts';
export type { OptimalityReport, VerifyOptions } from './verify.ts';
export type { Channel, ConfidentialPreferences, MenteeProfile, MentorProfile, ParticipantProfile, WorkplaceType } from './profiles.ts';
export { WORKPLACE_TYPES } from './profiles.ts';
export type { Criterion } from './criteria.ts';
export { CRITERIA } from './criteria.ts';
export type { CriterionWeight, Weights, WeightsInput } from './weights.ts';
export { DEFAULT_WEIGHTS, weightsSchema } from './weights.ts';
export type { GoalNames, Reason } from './explain.ts';
export { participantReasons } from './explain.ts';
export { isValidTimeZone, utcOffsetMinutes } from './time-zones.ts';
export { DEFAULT_WISH_WEIGHT, proposeMatches } from './propose.ts';
export type {
  HardRules,
  PairRef,
  Proposal,
  ProposalSummary,
  ProposedPair,
  ProposeInput,
  UnmatchedMentee,
  UnmatchedReason,
  Wish,
} from './propose.ts';
export { suggestMentors } from './suggest.ts';
export type { MenteeSuggestions, MentorDemand, Suggestion, SuggestInput, SuggestResult } from './suggest.ts';
export { rankCandidates, rankCandidatesInSlices } from './rank-candidates.ts';
export type { CandidateExclusion, ExcludedCandidate, RankedCandidate, RankInput, Ranking } from './rank-candidates.ts';
