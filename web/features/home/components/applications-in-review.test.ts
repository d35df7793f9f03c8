import { describe, expect, it } from 'vitest';
import { periodsInReview } from './applications-in-review.ts';

const dates = { applicationsCloseOn: '2026-09-30', matchesAnnouncedOn: '2026-10-15', programEndsOn: '2027-09-30' };
const app = (periodId: number, role: 'mentor' | 'mentee', status: 'submitted' | 'accepted' | 'waitlisted' | 'declined' | 'withdrawn') => ({
  periodId,
  periodName: `Period ${periodId}`,
  role,
  status,
});

describe('periodsInReview', () => {
  it('lists each period with a submitted application once, with its dates and the roles applied for', () => {
    const periods = [{ id: 1, ...dates }];
    expect(periodsInReview([app(1, 'mentor', 'submitted'), app(1, 'mentee', 'submitted')], periods)).toEqual([
      { periodId: 1, periodName: 'Period 1', roles: ['mentor', 'mentee'], dates },
    ]);
  });

  it('leaves out applications already decided or withdrawn', () => {
    const decided = (['accepted', 'waitlisted', 'declined', 'withdrawn'] as const).map((s) => app(2, 'mentee', s));
    expect(periodsInReview(decided, [{ id: 2, ...dates }])).toEqual([]);
  });

  it('has no dates while the periods are unknown', () => {
    expect(periodsInReview([app(3, 'mentee', 'submitted')], undefined)).toEqual([
      { periodId: 3, periodName: 'Period 3', roles: ['mentee'], dates: null },
    ]);
  });
});
