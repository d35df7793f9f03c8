import type { Settings } from '../../../../src/shared/api/settings.ts';

/** The few settings the welcome sections quote; all optional so the page works before they load. */
export type ProgramFacts = Pick<
  Settings,
  | 'goalSheetDeadlineDays'
  | 'goalsPerSheetMin'
  | 'goalsPerSheetMax'
  | 'guaranteeWindowDays'
  | 'contactsPerMonth'
  | 'goalSheetContact'
  | 'trainingContact'
>;

export function goalCount(facts: ProgramFacts): string {
  const { goalsPerSheetMin: min, goalsPerSheetMax: max } = facts;
  if (min === max) return `${min} ${min === 1 ? 'goal' : 'goals'}`;
  return `${min} to ${max} goals`;
}

export function cadence(perMonth: number): string | null {
  if (perMonth <= 0) return null;
  if (perMonth === 1) return 'about once a month';
  if (perMonth === 2) return 'about twice a month';
  return `about ${perMonth} times a month`;
}
