import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../programs/default-settings.ts';
import { defaultFaq } from './default-faq.ts';

describe('defaultFaq', () => {
  it('quotes the program’s own deadline, window and cadence', () => {
    const text = JSON.stringify(defaultFaq(DEFAULT_SETTINGS));
    expect(text).toContain('due 30 days after your match is made');
    expect(text).toContain('first 45 days');
    expect(text).toContain('at least twice a month');
    expect(text).toContain('one to three goals');
    expect(text).toContain('The mentee sends it');
  });

  it('reads true for a program set up with other numbers', () => {
    const entries = defaultFaq({
      ...DEFAULT_SETTINGS,
      goalSheetDeadlineDays: 21,
      guaranteeWindowDays: 0,
      contactsPerMonth: 4,
      goalsPerSheetMax: 1,
      goalSheetSubmitter: 'either',
    });
    const text = JSON.stringify(entries);
    expect(text).toContain('due 21 days');
    expect(text).toContain('four times a month');
    expect(text).toContain('the plan for your year: one goal you set together');
    expect(text).not.toContain('45 days');
    expect(text).toContain('Either of you can send it');
  });

  it('asks each question once', () => {
    const questions = defaultFaq(DEFAULT_SETTINGS).map((e) => e.question);
    expect(new Set(questions).size).toBe(questions.length);
    expect(questions.length).toBeGreaterThanOrEqual(8);
  });
});
