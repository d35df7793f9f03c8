import { describe, expect, it } from 'vitest';
import { describeAction, describeDetails, describeRecord } from './audit-action.ts';

describe('audit wording', () => {
  it('turns an action code into words', () => {
    expect(describeAction('invitation.created')).toBe('Invitation created');
    expect(describeAction('period_transitioned')).toBe('Period transitioned');
  });
  it('summarises details', () => {
    expect(describeDetails({ to: 'active', roles: ['mentee', 'mentor'] })).toBe('to: active; roles: mentee, mentor');
    expect(describeDetails({ contact: { name: 'A' } })).toBe('contact: {"name":"A"}');
    expect(describeDetails({})).toBe('');
  });
  it('names a person or a period, and numbers other records', () => {
    expect(describeRecord({ entityType: 'user', entityId: '12', entityName: 'Amara Mensah' })).toBe('Person: Amara Mensah');
    expect(describeRecord({ entityType: 'period', entityId: '3', entityName: '2026 fall cohort' })).toBe('Period: 2026 fall cohort');
    expect(describeRecord({ entityType: 'program_goal', entityId: '3', entityName: null })).toBe('Program goal #3');
    expect(describeRecord({ entityType: 'settings', entityId: null, entityName: null })).toBe('Settings');
  });
});
