import { describe, expect, it } from 'vitest';
import {
  candidateChoice,
  changeSummary,
  defaultChoice,
  newMatchNames,
  nextStepSentence,
  stillOffered,
  toNextStep,
} from './next-step-choice.ts';
import type { StepPerson } from './next-step-choice.ts';

const ana: StepPerson = { name: 'Ana', side: 'mentee', candidates: [{ applicationId: 7, name: 'Ben' }] };
const carl: StepPerson = {
  name: 'Carl',
  side: 'mentor',
  candidates: [
    { applicationId: 9, name: 'Dee' },
    { applicationId: 11, name: 'Eve' },
  ],
};

describe('toNextStep', () => {
  it('turns each radio value into the API’s next step', () => {
    expect(toNextStep(candidateChoice(42))).toEqual({ kind: 'rematch', partnerApplicationId: 42 });
    expect(toNextStep('reapply')).toEqual({ kind: 'reapply' });
    expect(toNextStep('none')).toEqual({ kind: 'none' });
  });
});

describe('defaultChoice', () => {
  it('takes the engine’s first candidate', () => {
    expect(defaultChoice(carl.candidates)).toBe('candidate:9');
  });
  it('falls back to the next period’s pool when nobody is offered', () => {
    expect(defaultChoice([])).toBe('reapply');
  });
});

describe('stillOffered', () => {
  it('keeps reapply and none, and a candidate only while it is listed', () => {
    expect(stillOffered('reapply', [])).toBe(true);
    expect(stillOffered('none', [])).toBe(true);
    expect(stillOffered('candidate:9', carl.candidates)).toBe(true);
    expect(stillOffered('candidate:9', [{ applicationId: 11 }])).toBe(false);
  });
});

describe('nextStepSentence', () => {
  it('names the new partner and their role', () => {
    expect(nextStepSentence(ana, 'candidate:7')).toBe('Ana gets Ben as a new mentor.');
    expect(nextStepSentence(carl, 'candidate:11')).toBe('Carl gets Eve as a new mentee.');
  });
  it('says what reapplying and nothing more mean', () => {
    expect(nextStepSentence(ana, 'reapply')).toBe('Ana moves to the next period’s pool, to be matched again then.');
    expect(nextStepSentence(ana, 'none')).toBe('Nothing more for Ana: no new mentor.');
    expect(nextStepSentence(carl, 'none')).toBe('Nothing more for Carl: no new mentee now (any other mentees stay as they are).');
  });
  it('still reads when the candidate is no longer listed', () => {
    expect(nextStepSentence(ana, 'candidate:99')).toBe('Ana gets the chosen person as a new mentor.');
  });
});

describe('changeSummary', () => {
  it('says the match ends, then the requester’s step, then the partner’s', () => {
    expect(changeSummary(ana, 'candidate:7', carl, 'candidate:9')).toEqual([
      'The match between Ana (mentee) and Carl (mentor) ends.',
      'Ana gets Ben as a new mentor.',
      'Carl gets Dee as a new mentee.',
    ]);
  });
  it('names the mentee first whichever side asked', () => {
    expect(changeSummary(carl, 'reapply', ana, 'none')).toEqual([
      'The match between Ana (mentee) and Carl (mentor) ends.',
      'Carl moves to the next period’s pool, to be matched again then.',
      'Nothing more for Ana: no new mentor.',
    ]);
  });
});

describe('newMatchNames', () => {
  it('names each new match in the order the server makes them', () => {
    expect(newMatchNames(ana, 'candidate:7', carl, 'candidate:11')).toEqual(['Ana and Ben', 'Carl and Eve']);
    expect(newMatchNames(ana, 'reapply', carl, 'candidate:9')).toEqual(['Carl and Dee']);
    expect(newMatchNames(ana, 'none', carl, 'reapply')).toEqual([]);
  });
});
