import type { MenteeProfile, MentorProfile, PairRef, Weights } from '../../matching/index.ts';
import type { SuggestionFit } from './choice-words.ts';

/**
 * Everything the engine needs to suggest mentors for a period, as plain data: it crosses into a
 * worker thread by structured clone. Profile ids are application ids; a mentor's capacity is the
 * places they have left.
 */
export interface SuggestionJob {
  mentees: MenteeProfile[];
  mentors: MentorProfile[];
  weights: Weights;
  minScore: number | null;
  /** Epoch milliseconds: the instant time-zone offsets are taken at. */
  referenceDate: number;
  previousPartners: PairRef[];
  forbidden: PairRef[];
  goalNames: Record<number, string>;
}

export interface StoredSuggestion {
  mentorApplicationId: number;
  score: number;
  fit: SuggestionFit;
  pointsLost: number;
  leavesSomeoneWithout: boolean;
  /** The pair's reasons in friendly words (only what speaks for it). */
  reasons: string[];
}

/** The engine's answer for a whole period, as stored (JSON) and read back. */
export interface StoredSuggestions {
  /** Mentee application id → suggested mentors, best first. */
  byMentee: Record<string, StoredSuggestion[]>;
  /** Mentee application id → why there is nothing to suggest. */
  none: Record<string, string>;
  /** Mentor application ids more mentees have as their best fit than they have places. */
  inHighDemand: number[];
}
