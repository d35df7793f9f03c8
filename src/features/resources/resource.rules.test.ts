import { describe, expect, it } from 'vitest';
import { audiencesToList, visibleAudiences } from './resource.rules.ts';

describe('visibleAudiences', () => {
  it('gives each role its own audiences, and a person with several roles all of theirs', () => {
    expect(visibleAudiences(['mentor'])).toEqual(['everyone', 'mentors']);
    expect(visibleAudiences(['mentee'])).toEqual(['everyone', 'mentees']);
    expect(visibleAudiences(['mentee', 'mentor'])).toEqual(['everyone', 'mentors', 'mentees']);
    expect(visibleAudiences(['staff'])).toEqual(['everyone', 'mentors', 'mentees']);
    expect(visibleAudiences(['committee'])).toEqual(['everyone']);
    expect(visibleAudiences(['taskforce'])).toEqual(['everyone']);
    expect(visibleAudiences([])).toEqual(['everyone']);
  });
});

describe('audiencesToList', () => {
  it('narrows to the audience asked for, never beyond what the caller may see', () => {
    expect(audiencesToList(['staff'], 'mentees')).toEqual(['mentees']);
    expect(audiencesToList(['mentee'], 'mentors')).toEqual([]);
    expect(audiencesToList(['mentor'], undefined)).toEqual(['everyone', 'mentors']);
  });
});
