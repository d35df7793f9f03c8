import type { Deps } from '../../deps.ts';
import { errorResponses, okSchema } from '../../shared/api/common.ts';
import {
  acceptInvitationBodySchema,
  changePasswordBodySchema,
  csrfResponseSchema,
  currentUserResponseSchema,
  invitationPreviewSchema,
  loginBodySchema,
  meResponseSchema,
  resetCompleteBodySchema,
  resetRequestBodySchema,
  setupBodySchema,
  setupStatusSchema,
  tokenParamsSchema,
} from '../../shared/api/auth.ts';
import { authOf } from '../../http/access.ts';
import { issueCsrfToken } from '../../http/csrf.ts';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../../http/session-cookie.ts';
import type { App } from '../../http/types.ts';
import { changePassword, completePasswordReset, findPerson, requestPasswordReset, signIn, signOut, startSession } from './auth.service.ts';
import { acceptInvitation, previewInvitation } from './people.service.ts';
import { completeSetup, setupStatus } from './setup.service.ts';
import type { UserRecord } from './auth.service.ts';

const me = (u: UserRecord) => ({ user: { id: u.id, email: u.email, name: u.name, roles: u.roles } });

export function authRoutes(deps: Deps) {
  const sessionSeconds = deps.config.sessionMaxDays * 24 * 3600;
  const authLimit = { max: deps.config.rateLimitAuthPerMinute, timeWindow: '1 minute' };

  return async (app: App) => {
    app.get(
      '/api/setup/status',
      {
        config: { access: 'public' },
        schema: { tags: ['setup'], summary: 'Whether the one-time setup is still to do', response: { 200: setupStatusSchema } },
      },
      () => setupStatus(deps),
    );

    app.post(
      '/api/setup',
      {
        config: { access: 'public', rateLimit: authLimit },
        schema: {
          tags: ['setup'],
          summary: 'One-time setup: the program and the first staff account',
          body: setupBodySchema,
          response: { 201: meResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const userId = await completeSetup(deps, request.body);
        const user = await findPerson(deps, userId);
        setSessionCookie(request, reply, await startSession(deps, userId), sessionSeconds);
        return reply.code(201).send(me(user));
      },
    );

    app.post(
      '/api/auth/login',
      {
        config: { access: 'public', rateLimit: authLimit },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password',
          body: loginBodySchema,
          response: { 200: meResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        // Only a successful sign-in replaces the session: a wrong password leaves it as it was.
        const { token, user } = await signIn(deps, request.body.email, request.body.password, request.ip);
        if (request.auth) await signOut(deps, request.auth.tokenHash);
        setSessionCookie(request, reply, token, sessionSeconds);
        return me(user);
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Sign out: ends this session', response: { 200: okSchema } } },
      async (request, reply) => {
        if (request.auth) await signOut(deps, request.auth.tokenHash);
        clearSessionCookie(request, reply);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/me',
      {
        // Public: signed-out pages ask who is signed in, and "nobody" is a normal answer, not a 401.
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in person, or user: null when nobody is signed in',
          response: { 200: currentUserResponseSchema },
        },
      },
      async (request) => (request.auth ? me(request.auth.user) : { user: null }),
    );

    app.get(
      '/api/auth/csrf',
      {
        config: { access: 'public' },
        schema: { tags: ['auth'], summary: 'A token to send as x-csrf-token with every change', response: { 200: csrfResponseSchema } },
      },
      async (request) => ({ token: issueCsrfToken(sessionTokenOf(request)) }),
    );

    app.post(
      '/api/auth/password-reset/request',
      {
        config: { access: 'public', rateLimit: authLimit },
        schema: {
          tags: ['auth'],
          summary: 'E-mail a reset link (same answer whether or not the account exists)',
          body: resetRequestBodySchema,
          response: { 202: okSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(deps, request.body.email);
        return reply.code(202).send({ ok: true as const });
      },
    );

    app.post(
      '/api/auth/password-reset/complete',
      {
        config: { access: 'public', rateLimit: authLimit },
        schema: {
          tags: ['auth'],
          summary: 'Choose a new password through a reset link',
          body: resetCompleteBodySchema,
          response: { 200: okSchema, ...errorResponses },
        },
      },
      async (request) => {
        await completePasswordReset(deps, request.body.token, request.body.password);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'signed-in', rateLimit: authLimit },
        schema: {
          tags: ['auth'],
          summary: 'Change your password (other sessions end)',
          body: changePasswordBodySchema,
          response: { 200: okSchema, ...errorResponses },
        },
      },
      async (request) => {
        await changePassword(deps, authOf(request), request.body.currentPassword, request.body.newPassword);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/invitations/:token',
      {
        config: { access: 'public', rateLimit: authLimit },
        schema: {
          tags: ['auth'],
          summary: 'What an invitation link offers',
          params: tokenParamsSchema,
          response: { 200: invitationPreviewSchema, ...errorResponses },
        },
      },
      (request) => previewInvitation(deps, request.params.token),
    );

    app.post(
      '/api/invitations/:token/accept',
      {
        config: { access: 'public', rateLimit: authLimit },
        schema: {
          tags: ['auth'],
          summary: 'Create an account through an invitation and sign in',
          params: tokenParamsSchema,
          body: acceptInvitationBodySchema,
          response: { 201: meResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const userId = await acceptInvitation(deps, request.params.token, request.body);
        const user = await findPerson(deps, userId);
        if (request.auth) await signOut(deps, request.auth.tokenHash);
        setSessionCookie(request, reply, await startSession(deps, userId), sessionSeconds);
        return reply.code(201).send(me(user));
      },
    );
  };
}
