import { describe, expect, it } from 'vitest';
import { emptyDraft, readStoredDraft } from './answers-draft.ts';
import { errorsForStep, firstStepWithErrors, resumeStep, stepOfError, STEPS } from './application-steps.ts';

describe('application steps', () => {
  it('place each answer on the step that asks for it, server paths included', () => {
    expect(stepOfError('email')).toBe(0);
    expect(stepOfError('yearsExperience')).toBe(0);
    expect(stepOfError('answers.region')).toBe(1);
    expect(stepOfError('languages')).toBe(1);
    expect(stepOfError('answers.interests.2')).toBe(2);
    expect(stepOfError('eligibilityAnswers.association_member')).toBe(2);
    expect(stepOfError('answers.confidential.notes')).toBe(2);
    expect(stepOfError('_form')).toBe(STEPS.length - 1);
  });
  it('validate only the current step, and find the first step with a problem', () => {
    const errors = { careerStage: 'Choose one.', region: 'Choose your country.', interests: 'Name one.', timeZone: 'Choose one.' };
    expect(errorsForStep(errors, 0)).toEqual({ careerStage: 'Choose one.' });
    expect(errorsForStep(errors, 1)).toEqual({ region: 'Choose your country.', timeZone: 'Choose one.' });
    expect(errorsForStep(errors, 3)).toEqual({});
    expect(firstStepWithErrors(errors)).toBe(0);
    expect(firstStepWithErrors({ interests: 'Name one.' })).toBe(2);
    expect(firstStepWithErrors({})).toBeNull();
  });
  it('resume a stored step no later than the first unfinished one', () => {
    expect(resumeStep(3, {})).toBe(3);
    expect(resumeStep(3, { interests: 'Name one.' })).toBe(2);
    expect(resumeStep(2, { region: 'Choose your country.', interests: 'Name one.' })).toBe(1);
    expect(resumeStep(99, {})).toBe(STEPS.length - 1);
    expect(resumeStep(-4, {})).toBe(0);
  });
});

describe('stored drafts', () => {
  const fresh = emptyDraft('America/Chicago');
  it('read back what was stored, never more', () => {
    const raw = JSON.stringify({
      answers: { ...fresh, region: 'US-IL', channels: ['video'], programGoalIds: [3], meetInPerson: 'yes' },
      role: 'mentee',
      periodId: '4',
      name: 'Rosalind',
      email: 'r@example.org',
      password: 'never kept',
      step: 2,
    });
    const read = readStoredDraft(raw, fresh);
    expect(read).toMatchObject({ role: 'mentee', periodId: '4', name: 'Rosalind', email: 'r@example.org', step: 2 });
    expect(read?.answers).toMatchObject({ region: 'US-IL', channels: ['video'], programGoalIds: [3], meetInPerson: 'yes' });
    expect(read).not.toHaveProperty('password');
  });
  it('fall back field by field on anything missing or of the wrong type', () => {
    const read = readStoredDraft(
      JSON.stringify({ answers: { region: 7, channels: 'video', jobTitle: 'Librarian' }, role: 'boss', step: 'x' }),
      fresh,
    );
    expect(read?.answers).toEqual({ ...fresh, jobTitle: 'Librarian' });
    expect(read).toMatchObject({ role: '', periodId: '', step: 0 });
    expect(readStoredDraft(null, fresh)).toBeNull();
    expect(readStoredDraft('{not json', fresh)).toBeNull();
    expect(readStoredDraft('"text"', fresh)).toBeNull();
  });
});
