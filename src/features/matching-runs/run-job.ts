import type { MenteeProfile, MentorProfile, Objective, PairRef, Weights } from '../../matching/index.ts';

/**
 * Everything a run needs, as plain data: it crosses into a worker thread by structured clone,
 * so nothing here may be a class, a function or a database handle.
 */
export interface RunJob {
  mentees: MenteeProfile[];
  mentors: MentorProfile[];
  weights: Weights;
  objective: Objective;
  minScore: number | null;
  /** Epoch milliseconds: the instant time-zone offsets are taken at. */
  referenceDate: number;
  previousPartners: PairRef[];
  forbidden: PairRef[];
  /** The committee's locks, oldest first: when two cannot both hold, the earlier one stands. */
  locks: PairRef[];
  /** Notes made while preparing the job (e.g. a lock whose mentee left the pool). */
  notes: string[];
  /** Mentees left out because they already have a mentor in an active match; listed as unmatched, with why. */
  alreadyMatched?: { menteeApplicationId: number; menteeName: string; explanation: string }[];
  /** Hybrid periods: the mentees' ranked wishes (profile ids), which the run counts as a bonus. */
  wishes?: { menteeId: string; mentorId: string; rank: number }[];
  /** Program goal titles by id, for explanations people read. */
  goalNames?: Record<number, string>;
}

/** What the worker tells the main thread. */
export type WorkerReport =
  { type: 'progress'; fraction: number } | { type: 'done'; resultJson: string } | { type: 'failed'; message: string };
