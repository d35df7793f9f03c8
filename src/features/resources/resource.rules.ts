import type { Audience } from '../../shared/api/resources.ts';
import type { Role } from '../../shared/roles.ts';

/**
 * Who sees which resources: mentors see what is for everyone and for mentors, mentees what is for
 * everyone and for mentees, someone who is both sees both, staff see all, and everyone else
 * (the committee, the task force) sees what is for everyone.
 */
export function visibleAudiences(roles: readonly Role[]): Audience[] {
  if (roles.includes('staff')) return ['everyone', 'mentors', 'mentees'];
  const audiences: Audience[] = ['everyone'];
  if (roles.includes('mentor')) audiences.push('mentors');
  if (roles.includes('mentee')) audiences.push('mentees');
  return audiences;
}

/** The audiences to list: what the caller may see, narrowed to one when they ask for it. */
export function audiencesToList(roles: readonly Role[], asked: Audience | undefined): Audience[] {
  const visible = visibleAudiences(roles);
  return asked === undefined ? visible : visible.filter((a) => a === asked);
}
