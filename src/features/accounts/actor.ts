import type { Role } from '../../shared/roles.ts';

/** Who is asking: the signed-in person and the roles they hold. */
export interface Actor {
  userId: number;
  roles: readonly Role[];
}

export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);
