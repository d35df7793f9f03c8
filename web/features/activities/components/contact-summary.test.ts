import { describe, expect, it } from 'vitest';
import { contactSummaryLine } from './contact-summary.ts';

const base = { today: '2026-09-20', matchedOn: '2026-09-01', suggestedPerMonth: 2 };

describe('contactSummaryLine', () => {
  it('says how long ago, how many this month and the suggestion', () => {
    expect(contactSummaryLine({ ...base, lastContactOn: '2026-09-15', daysSinceLastContact: 5, thisMonth: 2 })).toBe(
      'Last contact 5 days ago · 2 this month (suggested: 2 a month)',
    );
  });

  it('speaks plainly about today, yesterday and never', () => {
    expect(contactSummaryLine({ ...base, lastContactOn: '2026-09-20', daysSinceLastContact: 0, thisMonth: 1 })).toBe(
      'Last contact today · 1 this month (suggested: 2 a month)',
    );
    expect(contactSummaryLine({ ...base, lastContactOn: '2026-09-19', daysSinceLastContact: 1, thisMonth: 1 })).toMatch(
      /^Last contact yesterday/,
    );
    expect(contactSummaryLine({ ...base, lastContactOn: null, daysSinceLastContact: null, thisMonth: 0 })).toBe(
      'No contacts logged yet · 0 this month (suggested: 2 a month)',
    );
  });

  it('leaves out the suggestion when the program sets none', () => {
    expect(contactSummaryLine({ ...base, suggestedPerMonth: 0, lastContactOn: null, daysSinceLastContact: null, thisMonth: 0 })).toBe(
      'No contacts logged yet · 0 this month',
    );
  });
});
