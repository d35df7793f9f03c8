import type { MatchingRun, MatchingRunSummary } from '../../shared/api/matching.ts';
import { INTERRUPTED_MESSAGE, isInterrupted } from './matching-run.rules.ts';
import type { MatchingRunRecord } from './matching-runs.store.ts';

/**
 * A run as the API shows it. `currentFingerprint` is the pool's fingerprint today (null for an
 * approved run, which nothing can make stale). A run whose instance died reads as failed.
 */
export function runView(run: MatchingRunRecord, currentFingerprint: string | null, now: Date): MatchingRun {
  const interrupted = isInterrupted(run, now);
  return {
    id: run.id,
    periodId: run.periodId,
    status: interrupted ? 'failed' : run.status,
    progress: run.progress,
    weights: run.weights,
    objective: run.objective,
    minScore: run.minScore,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    approvedAt: run.approvedAt,
    stale: run.status !== 'approved' && currentFingerprint !== null && currentFingerprint !== run.poolFingerprint,
    result: run.result,
    error: interrupted ? INTERRUPTED_MESSAGE : run.error,
  };
}

/** The run without its pairs (read a page at a time from `/pairs`); the rest of the result stays. */
export function runSummaryView(run: MatchingRun): MatchingRunSummary {
  if (!run.result) return { ...run, result: null };
  const { pairs: _pairs, ...rest } = run.result;
  return { ...run, result: rest };
}
