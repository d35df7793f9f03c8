import { describe, expect, it } from 'vitest';
import { attendanceRate, contactsSummary, dayIn, defaultPeriodId, eventsSummary, goalSheetSummary, mailtoBoth } from './health-words.ts';

const sheets = { onTime: 17, late: 2, overdue: 8, notYetDue: 3, awaitingReview: 7, returned: 3, acknowledged: 9 };

describe('program health in words', () => {
  it('opens on the active period, else the latest', () => {
    expect(
      defaultPeriodId([
        { id: 3, status: 'applications_open' },
        { id: 2, status: 'active' },
        { id: 1, status: 'closed' },
      ]),
    ).toBe(2);
    expect(
      defaultPeriodId([
        { id: 3, status: 'draft' },
        { id: 1, status: 'closed' },
      ]),
    ).toBe(1);
    expect(
      defaultPeriodId([
        { id: 3, status: 'draft' },
        { id: 2, status: 'matching' },
      ]),
    ).toBe(3);
    expect(defaultPeriodId([])).toBeNull();
  });

  it('says what the goal-sheet chart shows', () => {
    expect(
      goalSheetSummary({ goalSheets: sheets, totals: { activeMatches: 30, quietMatches: 0, overdueSheets: 0, needingAttention: 0 } }),
    ).toBe(
      'Of 30 active matches, 17 sent their goal sheet on time and 2 late; 8 are overdue and 3 are not due yet. Of the sheets sent, 9 are acknowledged, 7 are waiting for review and 3 were returned for changes.',
    );
    const none = { onTime: 0, late: 0, overdue: 0, notYetDue: 1, awaitingReview: 0, returned: 0, acknowledged: 0 };
    expect(
      goalSheetSummary({ goalSheets: none, totals: { activeMatches: 1, quietMatches: 0, overdueSheets: 0, needingAttention: 0 } }),
    ).toBe('Of 1 active match, 0 sent their goal sheet on time and 0 late; 0 are overdue and 1 is not due yet.');
    expect(
      goalSheetSummary({ goalSheets: none, totals: { activeMatches: 0, quietMatches: 0, overdueSheets: 0, needingAttention: 0 } }),
    ).toMatch(/no active matches/);
  });

  it('says what the contacts chart shows', () => {
    const weeks = [
      { weekStart: '2026-10-19', contacts: 4, matches: 3 },
      { weekStart: '2026-10-26', contacts: 9, matches: 6 },
      { weekStart: '2026-11-02', contacts: 1, matches: 1 },
    ];
    // The week's date is in the reader's own locale.
    expect(contactsSummary(weeks)).toMatch(
      /^14 contacts logged over 3 weeks\. The busiest was the week of .*2026, with 9 contacts from 6 matches\. The latest week so far: 1 contact from 1 match\.$/,
    );
    expect(contactsSummary([{ weekStart: '2026-10-19', contacts: 0, matches: 0 }])).toBe(
      'No contacts have been logged in the 1 week since the first match.',
    );
    expect(contactsSummary([])).toMatch(/no matches/);
  });

  it('says what the events chart shows, and never counts unrecorded attendance as 0', () => {
    const event = (id: number, invited: number, attended: number, attendanceTaken = true) => ({
      id,
      title: `Event ${id}`,
      kind: 'forum',
      startsAt: '2026-10-26T14:00:00.000Z',
      invited,
      yes: invited,
      attended,
      attendanceTaken,
    });
    expect(eventsSummary([])).toBe('No forums, trainings or meet-ups have taken place for this cohort yet.');
    expect(eventsSummary([event(1, 10, 6), event(2, 10, 7)])).toBe('2 events held; on average 65% of those invited came.');
    expect(eventsSummary([event(1, 10, 6), event(2, 10, 7), event(3, 10, 0, false)])).toBe(
      '3 events held; on average 65% of those invited came, where attendance was recorded (2 of the 3).',
    );
    expect(eventsSummary([event(1, 4, 1)])).toBe('1 event held; 25% of those invited came.');
    expect(eventsSummary([event(1, 4, 0, false)])).toBe('1 event held; attendance has not been recorded for it yet.');
    expect(eventsSummary([event(1, 4, 0, false), event(2, 4, 0, false)])).toBe(
      '2 events held; attendance has not been recorded for any of them yet.',
    );
    expect(attendanceRate(event(1, 3, 2))).toBe(67);
    expect(attendanceRate(event(1, 3, 0, false))).toBeNull();
    expect(attendanceRate(event(1, 0, 0))).toBeNull();
  });

  it('dates an event in the program’s time zone', () => {
    // 02:00 UTC on the 27th is still the evening of the 26th in Chicago, and morning of the 27th in Auckland.
    expect(dayIn('2026-10-27T02:00:00.000Z', 'America/Chicago')).toBe('2026-10-26');
    expect(dayIn('2026-10-27T02:00:00.000Z', 'Pacific/Auckland')).toBe('2026-10-27');
    expect(dayIn('2026-10-27T02:00:00.000Z', 'Not/A_Zone')).toBe('2026-10-27');
  });

  it('writes to both people at once', () => {
    expect(mailtoBoth('a@example.org', 'b+x@example.org')).toBe('mailto:a@example.org,b+x@example.org');
  });
});
