import { describe, expect, it } from 'vitest';
import { describeAction, describeDetails } from './audit-action.ts';

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
});
