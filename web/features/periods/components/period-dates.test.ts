import { describe, expect, it } from 'vitest';
import { dateOrderProblems } from './period-dates.ts';

const good = {
  applicationsOpenOn: '2026-08-01',
  applicationsCloseOn: '2026-08-31',
  matchesAnnouncedOn: '2026-09-15',
  programEndsOn: '2027-08-31',
  surveyOpensOn: '2027-07-15',
  surveyClosesOn: '2027-08-15',
};

describe('dateOrderProblems', () => {
  it('accepts dates in order', () => {
    expect(dateOrderProblems(good)).toEqual({});
  });
  it('points at the later date when two are swapped', () => {
    expect(dateOrderProblems({ ...good, applicationsCloseOn: '2026-07-01' })).toEqual({
      applicationsCloseOn: 'Applications close (2026-07-01) must be after applications open (2026-08-01).',
    });
  });
  it('checks the survey window, allowing a one-day survey', () => {
    expect(dateOrderProblems({ ...good, surveyClosesOn: '2027-07-14' })).toHaveProperty('surveyClosesOn');
    expect(dateOrderProblems({ ...good, surveyClosesOn: '2027-07-15' })).toEqual({});
  });
  it('allows matches to be announced the day applications close', () => {
    expect(dateOrderProblems({ ...good, matchesAnnouncedOn: '2026-08-31' })).toEqual({});
  });
  it('ignores dates not yet filled in', () => {
    expect(dateOrderProblems({ applicationsOpenOn: '2026-08-01' })).toEqual({});
  });
});
