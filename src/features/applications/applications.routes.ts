import type { Deps } from '../../deps.ts';
import {
  applicationListQuerySchema,
  applicationListSchema,
  applicationSchema,
  applyBodySchema,
  applyFormSchema,
  bulkDecisionBodySchema,
  bulkDecisionResultSchema,
  carryForwardBodySchema,
  decisionBodySchema,
  editApplicationBodySchema,
  importBodySchema,
  importResultSchema,
  myApplicationListSchema,
  publicApplyBodySchema,
  publicApplyResponseSchema,
} from '../../shared/api/applications.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { actorOf } from '../../http/access.ts';
import { setSessionCookie } from '../../http/session-cookie.ts';
import type { App } from '../../http/types.ts';
import { findPerson, signOut, startSession } from '../accounts/auth.service.ts';
import { importApplications } from './applications-import.service.ts';
import {
  apply,
  applyAsNewcomer,
  applyForm,
  bulkDecide,
  decide,
  editApplication,
  getApplication,
  listApplications,
  listMyApplications,
  setCarryForward,
  withdrawApplication,
} from './applications.service.ts';

const REVIEWERS = ['staff', 'committee'] as const;

export function applicationRoutes(deps: Deps) {
  const sessionSeconds = deps.config.sessionMaxDays * 24 * 3600;

  return async (app: App) => {
    app.get(
      '/api/apply/form',
      {
        config: { access: 'public' },
        schema: {
          tags: ['applications'],
          summary: 'What the public application form offers now',
          response: { 200: applyFormSchema, ...errorResponses },
        },
      },
      () => applyForm(deps),
    );

    app.post(
      '/api/apply',
      {
        // Creates an account: limited like sign-in so it cannot be used to mass-create accounts.
        config: { access: 'public', rateLimit: { max: deps.config.rateLimitAuthPerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['applications'],
          summary: 'Apply as someone new: creates the account and the application, then signs in',
          body: publicApplyBodySchema,
          response: { 201: publicApplyResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { userId, application } = await applyAsNewcomer(deps, request.body);
        const user = await findPerson(deps, userId);
        if (request.auth) await signOut(deps, request.auth.tokenHash);
        setSessionCookie(request, reply, await startSession(deps, userId), sessionSeconds);
        return reply.code(201).send({ user: { id: user.id, email: user.email, name: user.name, roles: user.roles }, application });
      },
    );

    app.post(
      '/api/applications',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['applications'],
          summary: 'Apply as a mentor or mentee in an open period',
          body: applyBodySchema,
          response: { 201: applicationSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await apply(deps, actorOf(request), request.body)),
    );

    app.get(
      '/api/my/applications',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['applications'],
          summary: 'Your own applications, newest first',
          response: { 200: myApplicationListSchema, ...errorResponses },
        },
      },
      async (request) => ({ applications: await listMyApplications(deps, actorOf(request)) }),
    );

    app.get(
      '/api/applications/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['applications'],
          summary: 'One application (yours, or any for staff and the committee)',
          params: idParamsSchema,
          response: { 200: applicationSchema, ...errorResponses },
        },
      },
      (request) => getApplication(deps, actorOf(request), request.params.id),
    );

    app.patch(
      '/api/applications/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['applications'],
          summary: 'Change your answers while applications are open',
          params: idParamsSchema,
          body: editApplicationBodySchema,
          response: { 200: applicationSchema, ...errorResponses },
        },
      },
      (request) => editApplication(deps, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/applications/:id/withdraw',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['applications'],
          summary: 'Withdraw your application while applications are open',
          params: idParamsSchema,
          response: { 200: applicationSchema, ...errorResponses },
        },
      },
      (request) => withdrawApplication(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/api/applications/:id/carry-forward',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['applications'],
          summary: 'Ask (or stop asking) to be carried into the next period',
          params: idParamsSchema,
          body: carryForwardBodySchema,
          response: { 200: applicationSchema, ...errorResponses },
        },
      },
      (request) => setCarryForward(deps, actorOf(request), request.params.id, request.body.carryForward),
    );

    app.post(
      '/api/applications/:id/decision',
      {
        config: { access: REVIEWERS },
        schema: {
          tags: ['applications'],
          summary: 'Accept, waitlist or decline an application',
          params: idParamsSchema,
          body: decisionBodySchema,
          response: { 200: applicationSchema, ...errorResponses },
        },
      },
      (request) => decide(deps, actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/periods/:id/applications',
      {
        config: { access: REVIEWERS },
        schema: {
          tags: ['applications'],
          summary: "A period's applications: filtered, sorted, a page at a time, with counts by role and status",
          params: idParamsSchema,
          querystring: applicationListQuerySchema,
          response: { 200: applicationListSchema, ...errorResponses },
        },
      },
      (request) => listApplications(deps, request.params.id, request.query),
    );

    app.post(
      '/api/periods/:id/applications/bulk-decision',
      {
        config: { access: REVIEWERS },
        schema: {
          tags: ['applications'],
          summary: 'Accept, waitlist or decline every application a filter selects (preview first)',
          params: idParamsSchema,
          body: bulkDecisionBodySchema,
          response: { 200: bulkDecisionResultSchema, ...errorResponses },
        },
      },
      (request) => bulkDecide(deps, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/periods/:id/applications/import',
      {
        config: { access: REVIEWERS },
        // A base64 CSV of 5,000 applications (about 1.2 MB for typical rows) is far bigger than any
        // other request. The limit leaves room for long answers, and refuses a larger body before
        // it is read: parsing a JSON body of this size already holds the event loop for ~100 ms.
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags: ['applications'],
          summary: 'Import applications from CSV (preview, all-or-nothing, or good rows only)',
          params: idParamsSchema,
          body: importBodySchema,
          response: { 200: importResultSchema, 201: importResultSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await importApplications(deps, actorOf(request), request.params.id, request.body);
        return reply.code(result.imported ? 201 : 200).send(result);
      },
    );
  };
}
