import type { FastifyRequest } from 'fastify';
import { AuthenticationError, PermissionError } from '../errors.ts';
import type { Actor } from '../features/accounts/actor.ts';
import type { Authenticated } from '../features/accounts/auth.service.ts';
import type { Access } from './types.ts';

export const SIGNED_OUT = () => new AuthenticationError('UNAUTHENTICATED', 'Please sign in.');

/** Role check on the server for every request; ownership is each service's own check. */
export function checkAccess(access: Access, request: FastifyRequest): void {
  if (access === 'public') return;
  if (!request.auth) throw SIGNED_OUT();
  if (access === 'signed-in') return;
  if (!access.some((role) => request.auth?.user.roles.includes(role))) {
    throw new PermissionError('FORBIDDEN', 'Your role does not allow this.');
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw SIGNED_OUT();
  return { userId: request.auth.user.id, roles: request.auth.user.roles };
}

export function authOf(request: FastifyRequest): Authenticated {
  if (!request.auth) throw SIGNED_OUT();
  return request.auth;
}
