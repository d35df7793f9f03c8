import { describe, expect, it } from 'vitest';
import { PERIOD_STATUSES } from '../shared/period-status.ts';
import type { PeriodStatus } from '../shared/period-status.ts';
import { ROLES } from '../shared/roles.ts';
import { storedValue, storedValues, UnknownStoredValueError } from './stored-value.ts';

describe('storedValue', () => {
  it('returns a word the column may hold, typed as its union', () => {
    const status: PeriodStatus = storedValue('periods', 'status', PERIOD_STATUSES, 'matching');
    expect(status).toBe('matching');
  });

  it('throws on any other value, naming the table, the column and the value', () => {
    expect(() => storedValue('periods', 'status', PERIOD_STATUSES, 'paused')).toThrow(
      new UnknownStoredValueError('periods', 'status', 'paused', `one of: ${PERIOD_STATUSES.join(', ')}`),
    );
    expect(() => storedValue('periods', 'status', PERIOD_STATUSES, 'paused')).toThrow(
      'periods.status holds "paused", which is not one of: draft, applications_open, matching, active, evaluation, closed.',
    );
    try {
      storedValue('user_roles', 'role', ROLES, 'admin');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UnknownStoredValueError);
      expect(err).toMatchObject({ name: 'UnknownStoredValueError', table: 'user_roles', column: 'role', value: 'admin' });
    }
  });

  it('never guesses: not a different case, not surrounding space, not a non-string, not null', () => {
    for (const value of ['Active', ' active', 'active ', '', 1, null, undefined, ['active'], { status: 'active' }]) {
      expect(() => storedValue('periods', 'status', PERIOD_STATUSES, value)).toThrow(UnknownStoredValueError);
    }
    expect(() => storedValue('periods', 'status', PERIOD_STATUSES, null)).toThrow('periods.status holds null,');
    expect(() => storedValue('periods', 'status', PERIOD_STATUSES, undefined)).toThrow('periods.status holds undefined,');
    expect(() => storedValue('periods', 'status', PERIOD_STATUSES, 7)).toThrow('periods.status holds 7,');
  });
});

describe('storedValues', () => {
  it('checks every item of a stored list and keeps their order', () => {
    expect(storedValues('invitations', 'roles', ROLES, ['mentee', 'staff'])).toEqual(['mentee', 'staff']);
    expect(storedValues('invitations', 'roles', ROLES, [])).toEqual([]);
  });

  it('throws on the first item that is not allowed rather than dropping it', () => {
    expect(() => storedValues('invitations', 'roles', ROLES, ['mentee', 'admin', 'staff'])).toThrow(
      'invitations.roles holds "admin", which is not one of:',
    );
  });

  it('throws when the value is not a list at all', () => {
    expect(() => storedValues('invitations', 'roles', ROLES, { mentee: true })).toThrow(
      'invitations.roles holds {"mentee":true}, which is not a list of: staff, committee, taskforce, mentor, mentee.',
    );
    expect(() => storedValues('invitations', 'roles', ROLES, 'mentee')).toThrow(UnknownStoredValueError);
  });
});
