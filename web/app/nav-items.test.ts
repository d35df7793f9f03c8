import { describe, expect, it } from 'vitest';
import { currentNavItem, navGroupsFor } from './nav-items.ts';

const labelAt = (roles: Parameters<typeof navGroupsFor>[0], pathname: string) =>
  currentNavItem(
    navGroupsFor(roles).flatMap((g) => g.items),
    pathname,
  )?.label ?? null;

describe('the current page in the main navigation', () => {
  it('marks the item whose route fits best, not the first whose path is a prefix', () => {
    expect(labelAt(['staff'], '/periods/3/matching')).toBe('Matching');
    expect(labelAt(['staff'], '/periods/3/applications')).toBe('Matching');
    expect(labelAt(['staff'], '/periods/3/applications/12')).toBe('Matching');
    expect(labelAt(['staff'], '/periods/3')).toBe('Periods');
    expect(labelAt(['staff'], '/periods/3/letters')).toBe('Periods');
    expect(labelAt(['staff'], '/matches/7/goal-sheet')).toBe('Goal sheets');
    expect(labelAt(['staff'], '/events/4/edit')).toBe('Events');
    expect(labelAt(['staff'], '/outbox/9')).toBe('Outbox');
  });

  it('marks Home on the home page only, and nothing on a page no item stands for', () => {
    expect(labelAt(['staff'], '/')).toBe('Home');
    expect(labelAt(['staff'], '/account')).toBeNull();
    expect(labelAt(['mentee'], '/matches/7')).toBeNull();
    expect(labelAt(['taskforce', 'mentor'], '/surveys/2/results')).toBe('Survey results');
    expect(labelAt(['taskforce', 'mentor'], '/surveys/2')).toBe('Surveys');
  });

  it('groups the staff menu and keeps every page in it', () => {
    const groups = navGroupsFor(['staff']);
    expect(groups.map((g) => g.label)).toEqual([null, 'Program year', 'During the year', 'Content', 'Year in review', 'Admin']);
    expect(groups.flatMap((g) => g.items).length).toBe(18);
    expect(navGroupsFor(['mentee'])).toHaveLength(1);
  });
});
