import { describe, expect, it } from 'vitest';
import { PERIOD_STATUSES } from '../../shared/period-status.ts';
import { nextStatuses, periodDateProblems, transitionProblem } from './period.rules.ts';

const DATES = {
  applicationsOpenOn: '2026-09-01',
  applicationsCloseOn: '2026-09-30',
  matchesAnnouncedOn: '2026-10-15',
  programEndsOn: '2027-09-30',
  surveyOpensOn: '2027-09-01',
  surveyClosesOn: '2027-09-21',
};

describe('period dates', () => {
  it('accepts dates in the program order', () => {
    expect(periodDateProblems(DATES)).toEqual([]);
  });

  it('allows announcing matches on the closing day and a one-day survey', () => {
    expect(periodDateProblems({ ...DATES, matchesAnnouncedOn: '2026-09-30', surveyClosesOn: '2027-09-01' })).toEqual([]);
  });

  it.each([
    ['applicationsCloseOn', { applicationsCloseOn: '2026-09-01' }],
    ['matchesAnnouncedOn', { matchesAnnouncedOn: '2026-09-29' }],
    ['programEndsOn', { programEndsOn: '2026-10-15' }],
    ['surveyOpensOn', { surveyOpensOn: '2026-10-01' }],
    ['surveyClosesOn', { surveyClosesOn: '2027-08-31' }],
  ])('names %s when it breaks the order', (path, change) => {
    expect(periodDateProblems({ ...DATES, ...change }).map((p) => p.path)).toContain(path);
  });

  it('rejects impossible calendar dates', () => {
    expect(periodDateProblems({ ...DATES, programEndsOn: '2027-02-29' })[0]?.path).toBe('programEndsOn');
    expect(periodDateProblems({ ...DATES, programEndsOn: '2028-02-29' })).toEqual([]);
  });
});

describe('period status transitions', () => {
  const now = new Date('2026-09-10T12:00:00Z');

  it('walks forward one step at a time and never leaves closed', () => {
    const forward = ['draft', 'applications_open', 'matching', 'active', 'evaluation', 'closed'] as const;
    for (let i = 0; i + 1 < forward.length; i++) {
      expect(transitionProblem(forward[i]!, forward[i + 1]!, DATES, now, 'UTC')).toBeNull();
    }
    expect(nextStatuses('closed')).toEqual([]);
  });

  it('refuses skipping ahead and going back from an active year', () => {
    expect(transitionProblem('draft', 'active', DATES, now, 'UTC')?.code).toBe('ILLEGAL_TRANSITION');
    expect(transitionProblem('active', 'matching', DATES, now, 'UTC')?.code).toBe('ILLEGAL_TRANSITION');
    for (const s of PERIOD_STATUSES) expect(transitionProblem(s, s, DATES, now, 'UTC')?.code).toBe('ILLEGAL_TRANSITION');
  });

  it("judges the application window by the calendar in the program's time zone", () => {
    // 03:00 UTC on 1 October is still 30 September in Chicago, but 1 October in Berlin.
    const at = new Date('2026-10-01T03:00:00Z');
    expect(transitionProblem('draft', 'applications_open', DATES, at, 'America/Chicago')).toBeNull();
    expect(transitionProblem('draft', 'applications_open', DATES, at, 'Europe/Berlin')?.code).toBe('APPLICATION_WINDOW_PASSED');
  });
});
