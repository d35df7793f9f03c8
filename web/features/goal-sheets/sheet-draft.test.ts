import { describe, expect, it } from 'vitest';
import { EMPTY_GOAL, errorsFromDetails, fromDraft, hasChanges, saveErrors, toDraft } from './sheet-draft.ts';

const content = {
  goals: [
    { title: 'Run a storytime', programGoalIds: [1], activities: 'Shadow first.', successMeasure: 'Three sessions.', targetDate: null },
  ],
  communication: { channels: ['video' as const], cadence: 'Weekly' },
};

describe('the goal sheet editor’s draft', () => {
  it('round-trips content, with an unchosen date as an empty field', () => {
    const draft = toDraft(content);
    expect(draft.goals[0]?.targetDate).toBe('');
    expect(fromDraft(draft)).toEqual(content);
  });

  it('sees trailing spaces as no change, and a real edit as one', () => {
    const draft = toDraft(content);
    expect(hasChanges({ ...draft, cadence: 'Weekly  ' }, content)).toBe(false);
    expect(hasChanges({ ...draft, cadence: 'Monthly' }, content)).toBe(true);
  });

  it('marks a goal with no program goal, and too many goals, before saving', () => {
    const draft = { goals: [EMPTY_GOAL, { ...EMPTY_GOAL, programGoalIds: [2] }], channels: [], cadence: '' };
    expect(saveErrors(draft, 3)).toEqual({ 'goals.0.programGoalIds': 'Tie each goal to at least one program goal.' });
    expect(saveErrors({ ...draft, goals: [draft.goals[1], draft.goals[1]] as typeof draft.goals }, 1)).toEqual({
      goals: 'The program allows at most 1 goal. Remove one before saving.',
    });
  });

  it('places the server’s problems at the same fields', () => {
    expect(
      errorsFromDetails([
        { path: 'content.goals.0.programGoalIds', message: 'Tie each goal to at least one program goal.' },
        { path: 'goals.1.targetDate', message: 'Goal 2: choose a target date.' },
        { path: 'communication.cadence', message: 'Say how often.' },
      ]),
    ).toEqual({
      'goals.0.programGoalIds': 'Tie each goal to at least one program goal.',
      'goals.1.targetDate': 'Goal 2: choose a target date.',
      'communication.cadence': 'Say how often.',
    });
  });
});
