import type { MentorProfile, PairRef } from '../../matching/index.ts';
import { proposeMatches } from '../../matching/index.ts';
import type { RunResult } from '../../shared/api/matching.ts';
import type { RunJob } from './run-job.ts';
import { buildRunResult } from './run-result.ts';

const samePair = (a: PairRef, b: PairRef): boolean => a.menteeId === b.menteeId && a.mentorId === b.mentorId;

/**
 * The locks the engine can honour all at once. A lock the pool no longer allows (it breaks a hard
 * rule or the minimum score, the mentee is locked twice, or the mentor has more locks than
 * places) is set aside with a note instead of failing the whole run: the committee sees why and
 * can fix the rule.
 */
export function usableLocks(job: RunJob, notes: string[]): PairRef[] {
  const mentees = new Map(job.mentees.map((m) => [m.id, m]));
  const mentors = new Map(job.mentors.map((m) => [m.id, m]));
  const lockedMentees = new Set<string>();
  const placesTaken = new Map<string, number>();
  const usable: PairRef[] = [];
  for (const lock of job.locks) {
    const mentee = mentees.get(lock.menteeId);
    const mentor = mentors.get(lock.mentorId);
    if (!mentee || !mentor) {
      notes.push(`A lock on applications ${lock.menteeId} and ${lock.mentorId} was set aside: one of them is no longer in the pool.`);
      continue;
    }
    const label = `${mentee.name ?? mentee.id} and ${mentor.name ?? mentor.id}`;
    if (lockedMentees.has(lock.menteeId)) {
      notes.push(`The lock on ${label} was set aside: ${mentee.name ?? mentee.id} is already locked to another mentor.`);
      continue;
    }
    // The pair on its own, under the same rules: if the engine would not propose it, it cannot be locked.
    const alone: MentorProfile = { ...mentor, capacity: 1 };
    const check = proposeMatches({
      mentees: [mentee],
      mentors: [alone],
      weights: job.weights,
      hardRules: {
        previousPartners: job.previousPartners.filter((p) => samePair(p, lock)),
        forbidden: job.forbidden.filter((p) => samePair(p, lock)),
      },
      minScore: job.minScore ?? undefined,
      objective: 'most-matched',
      referenceDate: job.referenceDate,
    });
    const refused = check.unmatched[0];
    if (refused) {
      notes.push(`The lock on ${label} was set aside: ${refused.explanation}.`);
      continue;
    }
    const taken = placesTaken.get(lock.mentorId) ?? 0;
    const capacity = mentor.capacity ?? 1;
    if (taken >= capacity) {
      notes.push(
        capacity === 0
          ? `The lock on ${label} was set aside: ${mentor.name ?? mentor.id} has no place left in this run.`
          : `The lock on ${label} was set aside: ${mentor.name ?? mentor.id} takes ${capacity} ${capacity === 1 ? 'mentee' : 'mentees'} and earlier locks fill those places.`,
      );
      continue;
    }
    lockedMentees.add(lock.menteeId);
    placesTaken.set(lock.mentorId, taken + 1);
    usable.push(lock);
  }
  return usable;
}

/** One whole run, pure: the same function runs in the worker thread and in unit tests. */
export function runMatching(job: RunJob, onProgress?: (fraction: number) => void): RunResult {
  const notes = [...job.notes];
  const locked = usableLocks(job, notes);
  const proposal = proposeMatches({
    mentees: job.mentees,
    mentors: job.mentors,
    weights: job.weights,
    hardRules: { previousPartners: job.previousPartners, forbidden: job.forbidden, locked },
    minScore: job.minScore ?? undefined,
    objective: job.objective,
    referenceDate: job.referenceDate,
    onProgress,
    ...(job.goalNames && { goalNames: job.goalNames }),
    ...(job.wishes && job.wishes.length > 0 && { wishes: job.wishes }),
  });
  return buildRunResult(proposal, job.mentees, job.mentors, notes, job.alreadyMatched ?? []);
}
