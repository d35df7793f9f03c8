import { describe, expect, it } from 'vitest';
import { charactersLeft } from '../../../components/ui/character-count.tsx';
import type { Suggestion } from '../api/get-my-suggestions.ts';
import { answerBy, askLimitInWords, firstName, fitNote, initials, placesLeftInWords } from './choice-words.ts';

const suggestion = (over: Partial<Suggestion>): Suggestion => ({
  mentorId: 7,
  name: 'Graciela Montoya',
  reasons: [],
  score: 80,
  fit: 'best',
  pointsLost: 0,
  leavesSomeoneWithout: false,
  inHighDemand: false,
  placesLeft: 2,
  card: {
    userId: 7,
    name: 'Graciela Montoya',
    jobTitle: 'Head of Children’s Services',
    workplaceType: 'public',
    yearsExperience: 17,
    expertise: [],
    languages: [],
    region: 'US-NM',
    timeZone: 'America/Denver',
    offer: '',
    photoUrl: null,
    photoAlt: '',
  },
  pendingRequestId: null,
  wishRank: null,
  ...over,
});

describe('the words of participant choice', () => {
  it('names people short, and by their initials when there is no photo', () => {
    expect(firstName('  Tuấn Phạm ')).toBe('Tuấn');
    expect(initials('Hyun-woo Park')).toBe('HP');
    expect(initials('Marguerite Anne Lefebvre')).toBe('ML');
    expect(initials('Cher')).toBe('C');
  });

  it('counts places, requests at once and characters left', () => {
    expect(placesLeftInWords(1)).toBe('1 place left');
    expect(placesLeftInWords(3)).toBe('3 places left');
    expect(placesLeftInWords(0)).toBe('No places left');
    expect(askLimitInWords(1)).toBe('You can ask 1 mentor at a time.');
    expect(askLimitInWords(3)).toBe('You can ask 3 mentors at a time.');
    expect(charactersLeft('abc', 1000)).toBe('997 characters left of 1000');
    expect(charactersLeft('ab', 3)).toBe('1 character left of 3');
    expect(charactersLeft('abcd', 3)).toBe('1 character too many (at most 3)');
  });

  it('says what a costly or much-asked-for suggestion means, kindly and without naming anyone', () => {
    expect(fitNote(suggestion({ fit: 'best' }))).toBeNull();
    expect(fitNote(suggestion({ fit: 'costly' }))).toMatch(/^Other mentees have few good fits besides Graciela\. You can still ask;/);
    expect(fitNote(suggestion({ fit: 'costly', leavesSomeoneWithout: true }), 'wish')).toMatch(
      /^Graciela may be the only good fit for another mentee\. You can still name them;/,
    );
    expect(fitNote(suggestion({ fit: 'good', inHighDemand: true }))).toMatch(/^More mentees fit Graciela best than Graciela has places/);
  });

  it('gives the last day to answer: the day before the instant a request lapses', () => {
    const lapses = new Date(2026, 11, 12, 0, 0, 0).toISOString();
    const day = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(2026, 11, 11));
    expect(answerBy(lapses)).toBe(day);
  });
});
