import { describe, expect, it } from 'vitest';
import { afterFailure, backoffMs, errorSummary, recurringKey, slotStart } from './job.rules.ts';

const MIN = 60_000;

describe('job rules', () => {
  it('backs off 1, 5, 25, 125 minutes, then 6 hours at most', () => {
    expect([1, 2, 3, 4, 5, 6, 40].map(backoffMs)).toEqual([1 * MIN, 5 * MIN, 25 * MIN, 125 * MIN, 360 * MIN, 360 * MIN, 360 * MIN]);
    expect(backoffMs(0)).toBe(MIN);
  });

  it('retries until the attempts are used up, then fails', () => {
    const now = new Date('2026-11-29T10:00:00.000Z');
    expect(afterFailure({ attempts: 1, maxAttempts: 3 }, now)).toEqual({
      status: 'scheduled',
      runAt: new Date('2026-11-29T10:01:00.000Z'),
    });
    expect(afterFailure({ attempts: 2, maxAttempts: 3 }, now)).toEqual({
      status: 'scheduled',
      runAt: new Date('2026-11-29T10:05:00.000Z'),
    });
    expect(afterFailure({ attempts: 3, maxAttempts: 3 }, now)).toEqual({ status: 'failed' });
  });

  it('keeps a short first line of an error, with no password from a URL', () => {
    expect(errorSummary(new Error('connect failed: postgres://tandem:s3cret@db.example.org/tandem\n    at stack frame'))).toBe(
      'connect failed: postgres://***@db.example.org/tandem',
    );
    expect(errorSummary('x'.repeat(900))).toHaveLength(500);
    expect(errorSummary(undefined)).toBe('Unknown error');
    expect(errorSummary(new Error(''))).toBe('Error');
  });

  it('names one job per slot for a recurring job', () => {
    const every = 15 * MIN;
    expect(slotStart(new Date('2026-11-29T10:14:59.999Z'), every).toISOString()).toBe('2026-11-29T10:00:00.000Z');
    expect(recurringKey('reminders.plan', new Date('2026-11-29T10:15:00.000Z'), every)).toEqual({
      dedupeKey: 'reminders.plan:2026-11-29T10:15:00.000Z',
      runAt: new Date('2026-11-29T10:15:00.000Z'),
    });
  });
});
