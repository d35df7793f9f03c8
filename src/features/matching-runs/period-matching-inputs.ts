import type { Executor } from '../../db/executor.ts';
import { DEFAULT_WEIGHTS } from '../../matching/index.ts';
import type { Weights } from '../../matching/index.ts';
import type { PairRuleKind } from '../../shared/api/matching.ts';
import { listGoals } from '../programs/program.service.ts';
import { findLatestRunWeights } from './matching-runs.store.ts';
import { listPairRules } from './pair-rules.store.ts';

/**
 * What a period's matching is judged by outside a full run (a re-match, say): the weights and
 * minimum score of the committee's latest run for the period (the defaults before any run), its
 * pair rules, and the program goals' titles for explanations.
 */
export interface PeriodMatchingInputs {
  weights: Weights;
  minScore: number | null;
  goalNames: Record<number, string>;
  pairRules: { kind: PairRuleKind; menteeApplicationId: number; mentorApplicationId: number }[];
}

export async function periodMatchingInputs(db: Executor, periodId: number): Promise<PeriodMatchingInputs> {
  const [latest, rules, goals] = [await findLatestRunWeights(db, periodId), await listPairRules(db, periodId), await listGoals(db)];
  return {
    weights: latest?.weights ?? DEFAULT_WEIGHTS,
    minScore: latest?.minScore ?? null,
    goalNames: Object.fromEntries(goals.map((g) => [g.id, g.title])),
    pairRules: rules.map((r) => ({ kind: r.kind, menteeApplicationId: r.menteeApplicationId, mentorApplicationId: r.mentorApplicationId })),
  };
}

/** What explaining a pair needs of its period: the weights and the goals' titles (no pair rules). */
export type PeriodReasonInputs = Pick<PeriodMatchingInputs, 'weights' | 'goalNames'>;

export async function periodReasonInputs(db: Executor, periodId: number): Promise<PeriodReasonInputs> {
  const [latest, goals] = [await findLatestRunWeights(db, periodId), await listGoals(db)];
  return { weights: latest?.weights ?? DEFAULT_WEIGHTS, goalNames: Object.fromEntries(goals.map((g) => [g.id, g.title])) };
}
