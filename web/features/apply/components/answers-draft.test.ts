import { describe, expect, it } from 'vitest';
import { answerErrorKey, checkAnswers, emptyDraft, errorsFromPaths, splitList, toAnswers } from './answers-draft.ts';

const good = {
  ...emptyDraft('America/Chicago'),
  workplaceType: 'public' as const,
  yearsExperience: '4',
  careerStage: 'early_career' as const,
  region: 'us-il',
  interests: 'storytime, teen services',
  programGoalIds: [1],
  channels: ['video' as const],
  meetInPerson: 'no' as const,
  languages: 'English',
  eligibilityAnswers: { field_connection: 'yes' as const },
};

describe('splitList', () => {
  it('splits on commas, semicolons and new lines, dropping blanks', () => {
    expect(splitList(' storytime,, teen services;STEM\nmaker spaces ')).toEqual(['storytime', 'teen services', 'STEM', 'maker spaces']);
    expect(splitList('   ')).toEqual([]);
  });
});

describe('answerErrorKey', () => {
  it('points server and form paths at the same field', () => {
    expect(answerErrorKey('answers.region')).toBe('region');
    expect(answerErrorKey('interests.2')).toBe('interests');
    expect(answerErrorKey('answers.confidential.notes')).toBe('confidential.notes');
    expect(answerErrorKey('answers.eligibilityAnswers.member')).toBe('eligibilityAnswers.member');
    expect(answerErrorKey('email')).toBe('email');
  });
  it('keeps the first message per field', () => {
    expect(
      errorsFromPaths([
        { path: 'answers.interests.0', message: 'a' },
        { path: 'answers.interests.1', message: 'b' },
      ]),
    ).toEqual({ interests: 'a' });
  });
});

describe('checkAnswers', () => {
  it('accepts a complete draft and normalises the region', () => {
    const checked = checkAnswers(good, 'mentee', ['field_connection']);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.answers.region).toBe('US-IL');
      expect(checked.answers.interests).toEqual(['storytime', 'teen services']);
      expect(checked.answers.capacity).toBe(1);
    }
  });
  it('asks for an answer to every eligibility question that applies, and for in-person', () => {
    const checked = checkAnswers({ ...good, meetInPerson: '' }, 'mentor', ['association_member']);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors).toHaveProperty('meetInPerson');
      expect(checked.errors).toHaveProperty(['eligibilityAnswers.association_member']);
    }
  });
  it('reports empty lists and a missing number against their fields', () => {
    const checked = checkAnswers({ ...good, interests: ' , ', yearsExperience: '' }, 'mentee', []);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors).sort()).toEqual(['interests', 'yearsExperience']);
  });
  it("sends a mentor's capacity and a mentee's as 1", () => {
    expect(toAnswers({ ...good, capacity: '3' }, 'mentor').capacity).toBe(3);
    expect(toAnswers({ ...good, capacity: '3' }, 'mentee').capacity).toBe(1);
  });
});
