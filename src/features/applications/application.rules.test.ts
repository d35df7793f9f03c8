import { describe, expect, it } from 'vitest';
import type { ApplicationAnswers } from '../../shared/api/applications.ts';
import type { EligibilityQuestion } from '../../shared/api/settings.ts';
import type { ApplicationStatus } from '../../shared/application-vocabulary.ts';
import {
  answerProblems,
  bulkOutcome,
  canApplicantChange,
  eligibilityProblems,
  isLegalDecision,
  isWindowOpen,
  mayCarryForward,
  normaliseAnswers,
} from './application.rules.ts';

const period = { status: 'applications_open' as const, applicationsOpenOn: '2026-09-01', applicationsCloseOn: '2026-09-30' };
const CHICAGO = 'America/Chicago';

describe('isWindowOpen', () => {
  it('is open from the first to the last day inclusive, by the calendar in the program time zone', () => {
    // 2026-09-01T04:00Z is still 2026-08-31 in Chicago (UTC-5).
    expect(isWindowOpen(period, new Date('2026-09-01T04:00:00Z'), CHICAGO)).toBe(false);
    expect(isWindowOpen(period, new Date('2026-09-01T06:00:00Z'), CHICAGO)).toBe(true);
    // Late on the 30th in Chicago is already October in UTC: still open.
    expect(isWindowOpen(period, new Date('2026-10-01T04:30:00Z'), CHICAGO)).toBe(true);
    expect(isWindowOpen(period, new Date('2026-10-01T05:30:00Z'), CHICAGO)).toBe(false);
  });

  it('is closed whenever the period is not taking applications, whatever the date', () => {
    for (const status of ['draft', 'matching', 'active', 'evaluation', 'closed'] as const) {
      expect(isWindowOpen({ ...period, status }, new Date('2026-09-10T12:00:00Z'), CHICAGO)).toBe(false);
    }
  });
});

describe('canApplicantChange', () => {
  it('lets the applicant edit or withdraw while the window is open and nothing final has happened', () => {
    for (const s of ['submitted', 'accepted', 'waitlisted'] as const) expect(canApplicantChange(s, true)).toBe(true);
    for (const s of ['declined', 'withdrawn', 'matched', 'unmatched'] as const) expect(canApplicantChange(s, true)).toBe(false);
    expect(canApplicantChange('submitted', false)).toBe(false);
  });
});

describe('isLegalDecision', () => {
  it('allows reviewers to decide and change their minds, but not after withdrawal, matching or a decline', () => {
    expect(isLegalDecision('submitted', 'accepted')).toBe(true);
    expect(isLegalDecision('submitted', 'declined')).toBe(true);
    expect(isLegalDecision('waitlisted', 'accepted')).toBe(true);
    expect(isLegalDecision('accepted', 'waitlisted')).toBe(true);
    expect(isLegalDecision('accepted', 'accepted')).toBe(false);
    for (const from of ['withdrawn', 'matched', 'unmatched', 'declined'] as const) {
      expect(isLegalDecision(from, 'accepted'), from).toBe(false);
    }
  });
});

const QUESTIONS: EligibilityQuestion[] = [
  { key: 'member', text: 'Member?', appliesTo: 'mentor', requiredAnswer: 'yes', help: '' },
  { key: 'adult', text: 'Adult?', appliesTo: 'mentee', requiredAnswer: 'yes', help: '' },
  { key: 'conflict', text: 'Any conflicts?', appliesTo: 'both', requiredAnswer: 'no', help: '' },
  { key: 'newsletter', text: 'Newsletter?', appliesTo: 'both', requiredAnswer: null, help: '' },
];

describe('eligibilityProblems', () => {
  it("lists the role's questions answered the wrong way or not at all", () => {
    expect(eligibilityProblems(QUESTIONS, 'mentor', { member: 'yes', conflict: 'no' })).toEqual([]);
    expect(eligibilityProblems(QUESTIONS, 'mentor', { member: 'no', conflict: 'no', newsletter: 'no' })).toEqual(['Member?']);
    expect(eligibilityProblems(QUESTIONS, 'mentee', {})).toEqual(['Adult?', 'Any conflicts?']);
    expect(eligibilityProblems(QUESTIONS, 'mentee', { adult: 'yes', conflict: 'yes', member: 'no' })).toEqual(['Any conflicts?']);
  });
});

describe('bulkOutcome', () => {
  const mentee = (status: ApplicationStatus, eligibilityAnswers: Record<string, 'yes' | 'no'> = { adult: 'yes', conflict: 'no' }) => ({
    status,
    role: 'mentee' as const,
    eligibilityAnswers,
  });
  it('follows the single decision: an application already decided that way, or no longer decidable, is skipped', () => {
    expect(bulkOutcome(mentee('submitted'), 'waitlisted', QUESTIONS)).toBe('change');
    expect(bulkOutcome(mentee('accepted'), 'declined', QUESTIONS)).toBe('change');
    expect(bulkOutcome(mentee('waitlisted'), 'waitlisted', QUESTIONS)).toBe('already');
    for (const status of ['declined', 'withdrawn', 'matched', 'unmatched'] as const) {
      expect(bulkOutcome(mentee(status), 'accepted', QUESTIONS), status).toBe('final');
    }
    expect(bulkOutcome(mentee('declined'), 'declined', QUESTIONS)).toBe('already');
  });
  it('accepts nobody whose eligibility answers need a look, but waitlists and declines them', () => {
    const unsure = mentee('submitted', { adult: 'no', conflict: 'no' });
    expect(bulkOutcome(unsure, 'accepted', QUESTIONS)).toBe('eligibility');
    expect(bulkOutcome(unsure, 'waitlisted', QUESTIONS)).toBe('change');
    expect(bulkOutcome(unsure, 'declined', QUESTIONS)).toBe('change');
    expect(bulkOutcome({ status: 'waitlisted', role: 'mentor', eligibilityAnswers: { conflict: 'no' } }, 'accepted', QUESTIONS)).toBe(
      'eligibility',
    );
  });
});

describe('mayCarryForward', () => {
  it('is for people not matched or left on the waitlist', () => {
    expect(mayCarryForward('unmatched')).toBe(true);
    expect(mayCarryForward('waitlisted')).toBe(true);
    for (const s of ['submitted', 'accepted', 'declined', 'withdrawn', 'matched'] as const) expect(mayCarryForward(s)).toBe(false);
  });
});

describe('normaliseAnswers', () => {
  const answers: ApplicationAnswers = {
    phone: '',
    jobTitle: 'Librarian',
    employer: 'Town Library',
    workplaceType: 'public',
    yearsExperience: 3,
    careerStage: 'early_career',
    region: 'us-il',
    timeZone: CHICAGO,
    interests: [' Storytime', 'storytime ', 'Teen services', ''],
    programGoalIds: [1, 2, 1],
    channels: ['email', 'video', 'email'],
    meetInPerson: false,
    languages: ['English', 'english', 'Spanish'],
    hopes: '',
    eligibilityAnswers: { adult: 'yes', member: 'no', stranger: 'yes' },
    confidential: { preferSameGender: false, gender: '', notes: '' },
    capacity: 3,
  };

  it('trims lists, drops duplicates case-insensitively and forces a mentee capacity of 1', () => {
    const n = normaliseAnswers(answers, 'mentee', QUESTIONS);
    expect(n.interests).toEqual(['Storytime', 'Teen services']);
    expect(n.languages).toEqual(['English', 'Spanish']);
    expect(n.programGoalIds).toEqual([1, 2]);
    expect(n.channels).toEqual(['email', 'video']);
    expect(n.region).toBe('US-IL');
    expect(n.eligibilityAnswers).toEqual({ adult: 'yes' });
    expect(n.capacity).toBe(1);
  });

  it("keeps a mentor's capacity", () => {
    expect(normaliseAnswers(answers, 'mentor', QUESTIONS).capacity).toBe(3);
  });
});

describe('answerProblems', () => {
  const program = {
    goals: [
      { id: 1, retired: false },
      { id: 2, retired: true },
    ],
    channels: ['email', 'video'],
  };
  const ok = { programGoalIds: [1], channels: ['email' as const], timeZone: 'UTC' };
  const isTz = (tz: string) => tz === 'UTC';

  it('accepts current goals, offered channels and a real time zone', () => {
    expect(answerProblems(ok, program, isTz)).toEqual([]);
  });

  it('refuses unknown and retired goals, unless the application already had the retired one', () => {
    expect(answerProblems({ ...ok, programGoalIds: [1, 2, 9] }, program, isTz).map((p) => p.code)).toEqual(['UNKNOWN_PROGRAM_GOAL']);
    expect(answerProblems({ ...ok, programGoalIds: [2] }, { ...program, keepGoalIds: [2] }, isTz)).toEqual([]);
  });

  it('refuses a made-up time zone and a channel the program does not offer', () => {
    expect(answerProblems({ ...ok, timeZone: 'Mars/Olympus', channels: ['phone'] }, program, isTz).map((p) => p.code)).toEqual([
      'INVALID_TIME_ZONE',
      'CHANNEL_NOT_OFFERED',
    ]);
  });
});
