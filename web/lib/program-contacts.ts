import type { Settings } from '../../src/shared/api/settings.ts';

export type ProgramContactFacts = Pick<Settings, 'goalSheetContact' | 'trainingContact'>;
export type ProgramContact = NonNullable<Settings['goalSheetContact']>;

/**
 * Whom a mentor or mentee writes to, and about what: the goal-sheet and training contacts from the
 * program settings, each once it is set. Both people see both, on the home page and on their
 * match's page (the FAQ promises it).
 */
export function programContactLines(facts: ProgramContactFacts): { intro: string; contact: ProgramContact }[] {
  return [
    ...(facts.goalSheetContact ? [{ intro: 'Questions about your goal sheet? Write to', contact: facts.goalSheetContact }] : []),
    ...(facts.trainingContact ? [{ intro: 'Questions about trainings or forums? Write to', contact: facts.trainingContact }] : []),
  ];
}
