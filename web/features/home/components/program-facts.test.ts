import { describe, expect, it } from 'vitest';
import { cadence, goalCount } from './program-facts.ts';

const facts = {
  goalSheetDeadlineDays: 30,
  goalsPerSheetMin: 1,
  goalsPerSheetMax: 3,
  guaranteeWindowDays: 45,
  contactsPerMonth: 2,
  goalSheetContact: null,
  trainingContact: null,
};

describe('program facts in words', () => {
  it('describes the goal range', () => {
    expect(goalCount(facts)).toBe('1 to 3 goals');
    expect(goalCount({ ...facts, goalsPerSheetMin: 2, goalsPerSheetMax: 2 })).toBe('2 goals');
    expect(goalCount({ ...facts, goalsPerSheetMax: 1 })).toBe('1 goal');
  });
  it('describes the contact cadence', () => {
    expect(cadence(2)).toBe('about twice a month');
    expect(cadence(4)).toBe('about 4 times a month');
    expect(cadence(0)).toBeNull();
  });
});
