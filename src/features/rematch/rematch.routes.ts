import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, errorSchema, idParamsSchema } from '../../shared/api/common.ts';
import {
  endMatchBodySchema,
  matchChangeResultSchema,
  matchHistorySchema,
  matchRematchStateSchema,
  myRematchOverviewSchema,
  myRematchRequestSchema,
  rematchCandidatesSchema,
  rematchQueueQuerySchema,
  rematchQueueSchema,
  requestRematchBodySchema,
  resolveRematchBodySchema,
} from '../../shared/api/rematch.ts';
import {
  endMatch,
  getEndMatchCandidates,
  getMatchHistory,
  getMatchRematchState,
  getMyRematchOverview,
  getRematchCandidates,
  listRematchQueue,
  requestRematch,
  resolveRematchRequest,
  withdrawRematchRequest,
} from './rematch.service.ts';

const TAGS = ['re-match'];
const READERS = ['staff', 'committee'] as const;

export function rematchRoutes(deps: Deps) {
  return async (app: App) => {
    app.post(
      '/api/matches/:id/rematch-requests',
      {
        // Signed in; the service lets in only the match's two people (404 for anyone else).
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Ask for a new partner, inside the guarantee window (the reason is for the program office only)',
          params: idParamsSchema,
          body: requestRematchBodySchema,
          response: { 201: myRematchRequestSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await requestRematch(deps, actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/matches/:id/rematch',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'The guarantee on one of my matches: may I ask, until when, and my own request',
          params: idParamsSchema,
          response: { 200: matchRematchStateSchema, ...errorResponses },
        },
      },
      (request) => getMatchRematchState(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/api/my/rematch',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'My re-match requests, and the next period I was carried into',
          response: { 200: myRematchOverviewSchema, 401: errorSchema },
        },
      },
      (request) => getMyRematchOverview(deps, actorOf(request)),
    );

    app.post(
      '/api/rematch-requests/:id/withdraw',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Withdraw my request before the program office acts on it',
          params: idParamsSchema,
          response: { 200: myRematchRequestSchema, ...errorResponses },
        },
      },
      (request) => withdrawRematchRequest(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/api/rematch-requests',
      {
        config: { access: [...READERS] },
        schema: {
          tags: TAGS,
          summary: 'The re-match queue, oldest first, with reasons, wishes and both people’s history',
          querystring: rematchQueueQuerySchema,
          response: { 200: rematchQueueSchema, ...errorResponses },
        },
      },
      (request) => listRematchQueue(deps, actorOf(request), request.query.status),
    );

    app.get(
      '/api/rematch-requests/:id/candidates',
      {
        config: { access: [...READERS] },
        schema: {
          tags: TAGS,
          summary: 'New partners the engine offers the requester and the partner left behind, with explanations',
          params: idParamsSchema,
          response: { 200: rematchCandidatesSchema, ...errorResponses },
        },
      },
      (request) => getRematchCandidates(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/api/rematch-requests/:id/resolve',
      {
        // Staff; the committee when the settings let it act (the service decides).
        config: { access: [...READERS] },
        schema: {
          tags: TAGS,
          summary: 'Act on a request: keep the match, or end it with each person’s next step (re-match, reapply, none)',
          params: idParamsSchema,
          body: resolveRematchBodySchema,
          response: { 200: matchChangeResultSchema, ...errorResponses },
        },
      },
      (request) => resolveRematchRequest(deps, actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/matches/:id/end-candidates',
      {
        config: { access: [...READERS] },
        schema: {
          tags: TAGS,
          summary: 'New partners the engine offers each person of a match staff are about to end',
          params: idParamsSchema,
          response: { 200: rematchCandidatesSchema, ...errorResponses },
        },
      },
      (request) => getEndMatchCandidates(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/api/matches/:id/end',
      {
        config: { access: [...READERS] },
        schema: {
          tags: TAGS,
          summary: 'End a match (someone leaves the program), with each person’s next step',
          params: idParamsSchema,
          body: endMatchBodySchema,
          response: { 200: matchChangeResultSchema, ...errorResponses },
        },
      },
      (request) => endMatch(deps, actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/matches/:id/history',
      {
        config: { access: [...READERS] },
        schema: {
          tags: TAGS,
          summary: 'A match’s history: made, requests, re-matched, ended',
          params: idParamsSchema,
          response: { 200: matchHistorySchema, ...errorResponses },
        },
      },
      (request) => getMatchHistory(deps, actorOf(request), request.params.id),
    );
  };
}
