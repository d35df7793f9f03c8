import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { periodExportUrl } from '../../../../src/shared/exports.ts';
import type { PeriodStatus } from '../../../../src/shared/period-status.ts';
import { DownloadCsv } from '../../../components/download-csv.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useRun } from '../api/get-run.ts';
import { useRunPairs } from '../api/get-run-pairs.ts';
import { useWorkspace } from '../api/get-workspace.ts';
import type { Workspace } from '../api/get-workspace.ts';
import { ApprovePanel } from './approve-panel.tsx';
import { pairFiltersFromParams, pairFiltersToParams } from './pair-filters.tsx';
import { PairCounts } from './pair-counts.tsx';
import { PairRules } from './pair-rules.tsx';
import { Proposal } from './proposal.tsx';
import { RunProgress } from './run-progress.tsx';
import { SummaryCompare } from './summary-compare.tsx';
import { WeightsPanel } from './weights-panel.tsx';

/** Periods whose matches have been made: the matches can be downloaded. */
const MATCHED_STATUSES: readonly PeriodStatus[] = ['active', 'evaluation', 'closed'];

function Breadcrumb({
  periodId,
  periodName,
  canManagePeriods,
}: {
  periodId: number;
  periodName: string | undefined;
  canManagePeriods: boolean;
}) {
  return (
    <p className="breadcrumb">
      {canManagePeriods ? <Link to={`/periods/${periodId}`}>← {periodName ?? 'The period'}</Link> : <Link to="/review">← All periods</Link>}
      {' · '}
      <Link to={`/periods/${periodId}/applications`}>Applications{periodName ? ` for ${periodName}` : ''}</Link>
    </p>
  );
}

function Workbench({ workspace, canManagePeriods }: { workspace: Workspace; canManagePeriods: boolean }) {
  const queryClient = useQueryClient();
  const [startedRunId, setStartedRunId] = useState<number | null>(null);
  const runId = startedRunId ?? workspace.latestRun?.id ?? 0;
  const run = useRun(runId);
  const current = run.data;
  const status = current?.status;
  const periodId = workspace.period.id;
  // The pairs table's order, search and filters live in the address, so a view can be shared or reloaded.
  const [params, setParams] = useSearchParams();
  const filters = pairFiltersFromParams(params);
  const hasProposal = Boolean(current && current.status !== 'running' && current.result);
  const pairs = useRunPairs(runId, filters, hasProposal);
  const counts = pairs.data?.pages[0]?.counts;

  // When a run finishes, the workspace's "latest run" and "previous summary" move on.
  useEffect(() => {
    if (status && status !== 'running') void queryClient.invalidateQueries({ queryKey: queryKeys.matchingWorkspace(periodId) });
  }, [status, periodId, queryClient]);

  const start = current ?? workspace.latestRun;
  // Pairs can still be locked, forbidden or moved on a stale proposal: that's how a re-run is prepared.
  const editable = current?.status === 'done';
  return (
    <>
      <Card title="The pool">
        <p>
          <strong>{workspace.pool.mentees}</strong> accepted {workspace.pool.mentees === 1 ? 'mentee' : 'mentees'} and{' '}
          <strong>{workspace.pool.mentors}</strong> accepted {workspace.pool.mentors === 1 ? 'mentor' : 'mentors'} with{' '}
          <strong>{workspace.pool.mentorPlaces}</strong> {workspace.pool.mentorPlaces === 1 ? 'place' : 'places'} between them.
          {workspace.pool.mentees > workspace.pool.mentorPlaces ? ' Not every mentee can be matched this time.' : ''}
        </p>
        <p className="muted small">Only accepted applications take part. Accept or waitlist people on the applications page.</p>
      </Card>

      <Card title="How to match">
        {workspace.period.status !== 'applications_open' && workspace.period.status !== 'matching' ? (
          <p>This period’s matching is finished, so there’s nothing more to run. The approved proposal is below.</p>
        ) : (
          <WeightsPanel
            // Start again from the weights of the newest run once it exists.
            key={start?.id ?? 'defaults'}
            periodId={periodId}
            start={{
              weights: start?.weights ?? workspace.weights,
              objective: start?.objective ?? 'most-matched',
              minScore: start?.minScore ?? null,
            }}
            hasRun={runId > 0}
            running={status === 'running'}
            onStarted={setStartedRunId}
          />
        )}
      </Card>

      <Card title="Proposal">
        {runId === 0 ? <p>No run yet. Choose how to match above, then select “Run matching”.</p> : null}
        {run.isPending && runId > 0 ? <Loading label="Loading the proposal…" /> : null}
        {run.isError ? <LoadError error={run.error} what="the proposal" onRetry={() => void run.refetch()} /> : null}
        {current?.status === 'running' ? <RunProgress run={current} /> : null}
        {current?.status === 'failed' ? (
          <Alert tone="error" title="This run didn’t finish.">
            {current.error ?? 'Something went wrong while matching. Please run it again.'}
          </Alert>
        ) : null}
        {current && current.status !== 'running' && current.result ? (
          <>
            <p className="muted small" role="status">
              Run {current.id}, finished {current.finishedAt ? formatInstant(current.finishedAt) : ''}.
            </p>
            {current.stale && current.status !== 'approved' ? (
              <Alert tone="warning" title="This proposal is out of date.">
                <p>
                  The pool, the applications or the locked and forbidden pairs have changed since this run. Select “Run matching again”
                  above for a fresh proposal; it keeps your locked and forbidden pairs. Approving is off until then.
                </p>
              </Alert>
            ) : null}
            <SummaryCompare current={current.result.summary} previous={workspace.previousSummary} />
            {counts ? (
              <PairCounts
                counts={counts}
                onShow={(only) => setParams({ ...pairFiltersToParams({ sort: filters.sort }), [only]: 'true' })}
              />
            ) : null}
            <h3>Approve</h3>
            <ApprovePanel period={workspace.period} run={current} result={current.result} canManagePeriods={canManagePeriods} />
          </>
        ) : null}
      </Card>

      <Card title="Locked and forbidden pairs">
        <PairRules rules={workspace.rules} />
      </Card>

      {current && current.status !== 'running' && current.result ? (
        <Proposal
          periodId={periodId}
          run={current}
          result={current.result}
          editable={editable}
          filters={filters}
          pairs={pairs}
          onFiltersChange={(next) => setParams(pairFiltersToParams(next))}
        />
      ) : null}
    </>
  );
}

/** Staff and the committee: run the matcher, adjust its proposal and approve it. */
export function MatchingPage({ canManagePeriods }: { canManagePeriods: boolean }) {
  const params = useParams();
  const periodId = Number(params.id);
  const valid = Number.isInteger(periodId) && periodId > 0;
  const workspace = useWorkspace(valid ? periodId : 0);
  const periodName = workspace.data?.period.name;
  const back = <Breadcrumb periodId={periodId} periodName={periodName} canManagePeriods={canManagePeriods} />;

  if (!valid || (workspace.isError && isApiError(workspace.error) && workspace.error.status === 404)) {
    return (
      <Page title="Period not found" before={back}>
        <p>This address doesn’t point to a period.</p>
      </Page>
    );
  }
  if (workspace.isError) {
    return (
      <Page title="Matching" before={back}>
        <LoadError error={workspace.error} what="the matching workspace" onRetry={() => void workspace.refetch()} />
      </Page>
    );
  }
  if (workspace.isPending) {
    return (
      <Page title="Matching" before={back}>
        <Loading label="Loading the matching workspace…" />
      </Page>
    );
  }
  return (
    <Page
      title={`Matching for ${workspace.data.period.name}`}
      before={back}
      actions={
        MATCHED_STATUSES.includes(workspace.data.period.status) ? (
          <DownloadCsv
            url={(bom) => periodExportUrl(workspace.data.period.id, 'matches', bom)}
            label="Download matches (CSV)"
            what={`of ${workspace.data.period.name}`}
          />
        ) : undefined
      }
      intro={
        <p>
          Tandem proposes the pairs with the best total score, each with its reasons. Lock the pairs you like, forbid the ones you don’t,
          run it again, move people by hand, and approve when you’re happy.
        </p>
      }
    >
      <Workbench workspace={workspace.data} canManagePeriods={canManagePeriods} />
    </Page>
  );
}
