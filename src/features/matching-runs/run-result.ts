import type { MenteeProfile, MentorProfile, Proposal, Reason } from '../../matching/index.ts';
import type { RunResult } from '../../shared/api/matching.ts';

type RunPair = RunResult['pairs'][number];
type RunUnmatched = RunResult['unmatched'][number];
type ReasonView = RunPair['reasons'][number];

const nameOf = (p: { id: string; name?: string | undefined }): string => p.name ?? `Application ${p.id}`;

/** Reasons as the API shows them; weights and points stay in the engine's own output. */
export const reasonViews = (reasons: readonly Reason[]): ReasonView[] =>
  reasons.map((r) => ({ criterion: r.criterion, polarity: r.polarity, text: r.text }));

export function summarize(pairs: readonly RunPair[], unmatched: number): RunResult['summary'] {
  let total = 0;
  let worst = Infinity;
  for (const p of pairs) {
    total += p.score;
    worst = Math.min(worst, p.score);
  }
  return {
    matched: pairs.length,
    unmatched,
    total,
    meanScore: pairs.length === 0 ? null : total / pairs.length,
    worstScore: pairs.length === 0 ? null : worst,
  };
}

function withLoads(mentors: RunResult['mentors'], pairs: readonly RunPair[]): RunResult['mentors'] {
  const assigned = new Map<number, number>();
  for (const p of pairs) assigned.set(p.mentorApplicationId, (assigned.get(p.mentorApplicationId) ?? 0) + 1);
  return mentors.map((m) => ({ ...m, assigned: assigned.get(m.mentorApplicationId) ?? 0 }));
}

/**
 * The engine's proposal with names resolved and each mentor's load, as a run saves it. Mentees
 * the run left out because they already have a mentor come last among the unmatched.
 */
export function buildRunResult(
  proposal: Proposal,
  mentees: readonly MenteeProfile[],
  mentors: readonly MentorProfile[],
  notes: readonly string[],
  alreadyMatched: readonly Omit<RunUnmatched, 'reason'>[] = [],
): RunResult {
  const menteeById = new Map(mentees.map((m) => [m.id, m]));
  const mentorById = new Map(mentors.map((m) => [m.id, m]));
  const pairs: RunPair[] = proposal.pairs.map((p) => ({
    menteeApplicationId: Number(p.menteeId),
    menteeName: nameOf(menteeById.get(p.menteeId) ?? { id: p.menteeId }),
    mentorApplicationId: Number(p.mentorId),
    mentorName: nameOf(mentorById.get(p.mentorId) ?? { id: p.mentorId }),
    score: p.score,
    explanation: p.explanation,
    reasons: reasonViews(p.reasons),
    locked: p.locked,
    editedByHand: false,
  }));
  const unmatched: RunUnmatched[] = proposal.unmatched.map((u) => ({
    menteeApplicationId: Number(u.menteeId),
    menteeName: nameOf(menteeById.get(u.menteeId) ?? { id: u.menteeId }),
    reason: u.reason,
    explanation: u.explanation,
  }));
  for (const m of alreadyMatched) unmatched.push({ ...m, reason: 'already-matched' });
  const mentorRows = mentors.map((m) => ({ mentorApplicationId: Number(m.id), name: nameOf(m), capacity: m.capacity ?? 1, assigned: 0 }));
  return {
    pairs,
    unmatched,
    mentors: withLoads(mentorRows, pairs),
    summary: summarize(pairs, unmatched.length),
    ...(notes.length > 0 && { notes: [...notes] }),
  };
}

/**
 * The result with one mentee moved by hand: to `pair` (its mentor), or out of the proposal when
 * `pair` is null. Loads and the summary are recomputed; lists stay in application order.
 */
export function reassignInResult(result: RunResult, menteeApplicationId: number, menteeName: string, pair: RunPair | null): RunResult {
  const pairs = result.pairs.filter((p) => p.menteeApplicationId !== menteeApplicationId);
  const unmatched = result.unmatched.filter((u) => u.menteeApplicationId !== menteeApplicationId);
  if (pair) pairs.push(pair);
  else unmatched.push({ menteeApplicationId, menteeName, reason: 'removed-by-hand', explanation: 'taken out of the proposal by hand' });
  pairs.sort((a, b) => a.menteeApplicationId - b.menteeApplicationId);
  unmatched.sort((a, b) => a.menteeApplicationId - b.menteeApplicationId);
  return { ...result, pairs, unmatched, mentors: withLoads(result.mentors, pairs), summary: summarize(pairs, unmatched.length) };
}
