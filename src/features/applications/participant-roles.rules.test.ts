import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '../../shared/application-vocabulary.ts';
import type { ApplicationRole, ApplicationStatus } from '../../shared/application-vocabulary.ts';
import { holdsParticipantRole, participantRoleChanges, participantRoles } from './participant-roles.rules.ts';
import type { Participation } from './participant-roles.rules.ts';

const applied = (...apps: [ApplicationRole, ApplicationStatus][]): Participation => ({
  applications: apps.map(([role, status]) => ({ role, status })),
  activeMatchSides: [],
});

describe('holdsParticipantRole', () => {
  it('comes with an accepted or matched application of that role, and with nothing else', () => {
    for (const status of APPLICATION_STATUSES) {
      const expected = status === 'accepted' || status === 'matched';
      expect(holdsParticipantRole('mentor', applied(['mentor', status])), status).toBe(expected);
      expect(holdsParticipantRole('mentee', applied(['mentee', status])), status).toBe(expected);
    }
  });

  it('follows the role of the application: an accepted mentee is not a mentor', () => {
    expect(holdsParticipantRole('mentor', applied(['mentee', 'accepted']))).toBe(false);
    expect(holdsParticipantRole('mentee', applied(['mentor', 'matched']))).toBe(false);
  });

  it('comes with an active match on that side, whatever the applications say', () => {
    const p: Participation = { applications: [{ role: 'mentor', status: 'declined' }], activeMatchSides: ['mentor'] };
    expect(holdsParticipantRole('mentor', p)).toBe(true);
    expect(holdsParticipantRole('mentee', p)).toBe(false);
  });

  it('needs only one application that counts among several', () => {
    expect(holdsParticipantRole('mentee', applied(['mentee', 'declined'], ['mentee', 'withdrawn'], ['mentee', 'accepted']))).toBe(true);
    expect(holdsParticipantRole('mentee', applied(['mentee', 'declined'], ['mentee', 'unmatched'], ['mentee', 'submitted']))).toBe(false);
  });
});

describe('participantRoles', () => {
  it('is empty for someone with nothing, and lists both roles in a stable order', () => {
    expect(participantRoles({ applications: [], activeMatchSides: [] })).toEqual([]);
    expect(participantRoles(applied(['mentee', 'accepted'], ['mentor', 'matched']))).toEqual(['mentor', 'mentee']);
  });
});

describe('participantRoleChanges', () => {
  it('takes the role away from an applicant who holds it without an acceptance or a match', () => {
    expect(participantRoleChanges(['mentor'], applied(['mentor', 'submitted']))).toEqual({ add: [], remove: ['mentor'] });
  });

  it('gives the role on acceptance, and changes nothing when it is already right', () => {
    expect(participantRoleChanges([], applied(['mentee', 'accepted']))).toEqual({ add: ['mentee'], remove: [] });
    expect(participantRoleChanges(['mentee'], applied(['mentee', 'accepted']))).toEqual({ add: [], remove: [] });
  });

  it('keeps the role of someone with a match when another of their applications is declined', () => {
    const p: Participation = {
      applications: [
        { role: 'mentor', status: 'matched' },
        { role: 'mentor', status: 'declined' },
      ],
      activeMatchSides: ['mentor'],
    };
    expect(participantRoleChanges(['mentor'], p)).toEqual({ add: [], remove: [] });
  });

  it('never adds or removes staff, committee or task-force roles', () => {
    const none: Participation = { applications: [], activeMatchSides: [] };
    expect(participantRoleChanges(['staff', 'committee', 'taskforce', 'mentor'], none)).toEqual({ add: [], remove: ['mentor'] });
    expect(participantRoleChanges(['staff', 'committee', 'taskforce'], applied(['mentee', 'accepted']))).toEqual({
      add: ['mentee'],
      remove: [],
    });
  });
});
