import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema, okSchema } from '../../shared/api/common.ts';
import {
  approveResultSchema,
  createPairRuleBodySchema,
  matchingRunSchema,
  matchingRunViewSchema,
  pairPreviewQuerySchema,
  pairPreviewSchema,
  pairRuleSchema,
  reassignBodySchema,
  runPairsPageSchema,
  runPairsQuerySchema,
  runViewQuerySchema,
  startRunBodySchema,
  workspaceSchema,
} from '../../shared/api/matching.ts';
import type { Role } from '../../shared/roles.ts';
import { approveRun } from './matching-approval.service.ts';
import {
  addPairRule,
  getRun,
  getRunSummary,
  getWorkspace,
  listRunPairs,
  previewPairInRun,
  reassign,
  removePairRule,
  startRun,
} from './matching-runs.service.ts';
import { runSummaryView } from './run-view.ts';
import { runExecutorFor } from './run-executor.ts';

const MATCHERS: readonly Role[] = ['staff', 'committee'];
const tags = ['matching'];

export function matchingRunRoutes(deps: Deps) {
  return async (app: App) => {
    // Runs compute in worker threads owned by this app; closing the app stops them.
    const executor = runExecutorFor(deps);
    app.addHook('onClose', () => executor.close());

    app.get(
      '/api/periods/:id/matching',
      {
        config: { access: MATCHERS },
        schema: {
          tags,
          summary: "A period's matching workspace",
          params: idParamsSchema,
          response: { 200: workspaceSchema, ...errorResponses },
        },
      },
      (request) => getWorkspace(deps, request.params.id),
    );

    app.post(
      '/api/periods/:id/matching-runs',
      {
        config: { access: MATCHERS },
        schema: {
          tags,
          summary: 'Start a matching run (answers at once; poll the run for progress)',
          params: idParamsSchema,
          body: startRunBodySchema,
          response: { 202: matchingRunSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(202).send(await startRun(deps, executor, actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/matching-runs/:id',
      {
        config: { access: MATCHERS },
        schema: {
          tags,
          summary: 'A matching run: progress, then its proposal (view=summary: without the pairs)',
          params: idParamsSchema,
          querystring: runViewQuerySchema,
          response: { 200: matchingRunViewSchema, ...errorResponses },
        },
      },
      (request) => (request.query.view === 'summary' ? getRunSummary(deps, request.params.id) : getRun(deps, request.params.id)),
    );

    app.get(
      '/api/matching-runs/:id/pairs',
      {
        config: { access: MATCHERS },
        schema: {
          tags,
          summary: "A run's proposed pairs: sorted, searched, filtered, a page at a time",
          params: idParamsSchema,
          querystring: runPairsQuerySchema,
          response: { 200: runPairsPageSchema, ...errorResponses },
        },
      },
      (request) => listRunPairs(deps, request.params.id, request.query),
    );

    app.post(
      '/api/periods/:id/pair-rules',
      {
        config: { access: MATCHERS },
        schema: {
          tags,
          summary: 'Lock or forbid a pair (replaces an earlier rule on the pair)',
          params: idParamsSchema,
          body: createPairRuleBodySchema,
          response: { 201: pairRuleSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await addPairRule(deps, actorOf(request), request.params.id, request.body)),
    );

    app.delete(
      '/api/pair-rules/:id',
      {
        config: { access: MATCHERS },
        schema: { tags, summary: 'Remove a pair rule', params: idParamsSchema, response: { 200: okSchema, ...errorResponses } },
      },
      async (request) => {
        await removePairRule(deps, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/matching-runs/:id/pair-preview',
      {
        config: { access: MATCHERS },
        schema: {
          tags,
          summary: 'Score, explanation and warnings for any pair of a run',
          params: idParamsSchema,
          querystring: pairPreviewQuerySchema,
          response: { 200: pairPreviewSchema, ...errorResponses },
        },
      },
      (request) => previewPairInRun(deps, request.params.id, request.query),
    );

    app.post(
      '/api/matching-runs/:id/reassign',
      {
        config: { access: MATCHERS },
        schema: {
          tags,
          summary: "Move a mentee by hand in a run's proposal (view: 'summary' answers without the pairs)",
          params: idParamsSchema,
          body: reassignBodySchema,
          response: { 200: matchingRunViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const run = await reassign(deps, actorOf(request), request.params.id, request.body);
        return request.body.view === 'summary' ? runSummaryView(run) : run;
      },
    );

    app.post(
      '/api/matching-runs/:id/approve',
      {
        config: { access: MATCHERS },
        schema: {
          tags,
          summary: 'Approve a proposal: create the matches and tell everyone',
          params: idParamsSchema,
          response: { 200: approveResultSchema, ...errorResponses },
        },
      },
      (request) => approveRun(deps, actorOf(request), request.params.id),
    );
  };
}
