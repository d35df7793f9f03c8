import { APPLICATION_ROLES } from '../../shared/application-vocabulary.ts';
import type { ApplicationRole, ApplicationStatus } from '../../shared/application-vocabulary.ts';
import type { Role } from '../../shared/roles.ts';

/**
 * An applicant is an applicant: the mentor or mentee role (and what it unlocks: the other side's
 * resources, the participant's pages) comes with acceptance or a match, and goes when neither is
 * left. These statuses are the ones that count; submitted, waitlisted, declined, withdrawn and
 * unmatched do not.
 */
export const PARTICIPANT_STATUSES: readonly ApplicationStatus[] = ['accepted', 'matched'];

/** What decides a person's participant roles: every application of theirs, and their side in each active match. */
export interface Participation {
  applications: readonly { role: ApplicationRole; status: ApplicationStatus }[];
  activeMatchSides: readonly ApplicationRole[];
}

/** Whether the person should hold this participant role. */
export function holdsParticipantRole(role: ApplicationRole, p: Participation): boolean {
  return p.activeMatchSides.includes(role) || p.applications.some((a) => a.role === role && PARTICIPANT_STATUSES.includes(a.status));
}

/** The participant roles the person should hold, in the order of APPLICATION_ROLES. */
export function participantRoles(p: Participation): ApplicationRole[] {
  return APPLICATION_ROLES.filter((role) => holdsParticipantRole(role, p));
}

const isParticipantRole = (role: Role): role is ApplicationRole => (APPLICATION_ROLES as readonly string[]).includes(role);

/**
 * What to change in the roles a person holds now: participant roles to add and to remove. Roles
 * held for other reasons (staff, committee, task force) are never in either list.
 */
export function participantRoleChanges(current: readonly Role[], p: Participation): { add: ApplicationRole[]; remove: ApplicationRole[] } {
  const should = participantRoles(p);
  const held = current.filter(isParticipantRole);
  return {
    add: should.filter((role) => !held.includes(role)),
    remove: held.filter((role) => !should.includes(role)),
  };
}
