import { describe, expect, it } from 'vitest';
import { programContactLines } from './program-contacts.ts';

const goals = { name: 'Dana Office', email: 'goals@example.org' };
const training = { name: 'Priya Raman', email: 'training@example.org' };

describe('program contacts', () => {
  it('lists both contacts, goal sheet first', () => {
    expect(programContactLines({ goalSheetContact: goals, trainingContact: training })).toEqual([
      { intro: 'Questions about your goal sheet? Write to', contact: goals },
      { intro: 'Questions about trainings or forums? Write to', contact: training },
    ]);
  });
  it('leaves out a contact that is not set', () => {
    expect(programContactLines({ goalSheetContact: null, trainingContact: training }).map((l) => l.contact)).toEqual([training]);
    expect(programContactLines({ goalSheetContact: null, trainingContact: null })).toEqual([]);
  });
});
