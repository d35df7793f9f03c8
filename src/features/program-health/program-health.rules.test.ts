import { describe, expect, it } from 'vitest';
import { assessMatch, byRisk, chartEnd, contactsPerWeek, expectedContacts, RISK_POINTS, sheetOutcome } from './program-health.rules.ts';
import type { MatchFacts } from './program-health.rules.ts';

const CHICAGO = {
  timeZone: 'America/Chicago',
  goalSheetDeadlineDays: 30,
  guaranteeWindowDays: 45,
  quietAfterWeeks: 3,
  contactsPerMonth: 2,
};
const ENDS = '2027-09-30';
// Noon on 10 November in Chicago.
const NOW = new Date('2026-11-10T18:00:00.000Z');

const facts = (over: Partial<MatchFacts>): MatchFacts => ({
  matchedAt: '2026-10-01T15:00:00.000Z',
  sheetStatus: 'not_started',
  firstSubmittedAt: null,
  lastContactOn: null,
  contactsSinceMatch: 0,
  ...over,
});

describe('program health: a match’s risk', () => {
  it('adds up every reason, worst first, with words and numbers', () => {
    // Matched 1 Oct: the sheet was due 31 Oct (10 days ago), the window closes 15 Nov (in 5 days),
    // nothing logged for 40 days.
    const a = assessMatch(facts({}), ENDS, CHICAGO, NOW);
    expect(a).toMatchObject({
      matchedOn: '2026-10-01',
      goalSheetDueOn: '2026-10-31',
      guaranteeClosesOn: '2026-11-15',
      sheetOutcome: 'overdue',
      quiet: true,
      sheetOverdue: true,
    });
    expect(a.reasons).toEqual([
      { code: 'goal_sheet_overdue', label: 'Goal sheet overdue', text: 'Goal sheet 10 days overdue', points: 50 },
      { code: 'quiet', label: 'Quiet', text: 'No contact logged in the 5 weeks since the match', points: 49 },
      // The window is the last easy chance for a new partner: worth more when the match is in trouble.
      {
        code: 'guarantee_closing',
        label: 'Re-match window closing',
        text: 'The re-match window closes in 5 days, with no contact logged since the match',
        points: 30,
      },
    ]);
    expect(a.riskScore).toBe(129);
  });

  it('flags a closing window only with a low check-in, lightly when nothing else is wrong', () => {
    const sheetIn = { sheetStatus: 'acknowledged', firstSubmittedAt: '2026-10-20T14:00:00.000Z', lastContactOn: '2026-11-05' } as const;
    // 40 days in, twice a month suggests 2 contacts by now: 1 is a low check-in, 2 is fine.
    const fewContacts = assessMatch(facts({ ...sheetIn, contactsSinceMatch: 1 }), ENDS, CHICAGO, NOW);
    expect(fewContacts.reasons).toEqual([
      {
        code: 'guarantee_closing',
        label: 'Re-match window closing',
        text: 'The re-match window closes in 5 days, with only 1 contact logged since the match',
        points: 15,
      },
    ]);
    expect(fewContacts.sheetOutcome).toBe('on_time');
    const keepingInTouch = assessMatch(facts({ ...sheetIn, contactsSinceMatch: 2 }), ENDS, CHICAGO, NOW);
    expect(keepingInTouch).toMatchObject({ riskScore: 0, reasons: [] });
    const later = assessMatch(
      facts({
        matchedAt: '2026-10-15T15:00:00.000Z',
        sheetStatus: 'submitted',
        firstSubmittedAt: '2026-11-01T14:00:00.000Z',
        lastContactOn: '2026-11-08',
      }),
      ENDS,
      CHICAGO,
      NOW,
    );
    expect(later).toMatchObject({ riskScore: 0, reasons: [], quiet: false, sheetOverdue: false, sheetOutcome: 'on_time' });
  });

  it('flags a returned sheet past its due date as returned, not overdue; "on time" goes by the first submission', () => {
    const a = assessMatch(
      facts({ sheetStatus: 'returned', firstSubmittedAt: '2026-10-20T14:00:00.000Z', lastContactOn: '2026-11-09', contactsSinceMatch: 4 }),
      ENDS,
      CHICAGO,
      NOW,
    );
    expect(a.sheetOutcome).toBe('on_time');
    expect(a.reasons).toEqual([
      {
        code: 'goal_sheet_returned',
        label: 'Goal sheet returned',
        text: 'Goal sheet returned for changes and not sent again, 10 days after its due date',
        points: 30,
      },
    ]);
  });

  it('warns about a sheet due within a week, more as the day comes closer', () => {
    const dueIn4 = assessMatch(
      facts({ matchedAt: '2026-10-15T15:00:00.000Z', sheetStatus: 'draft', lastContactOn: '2026-11-01' }),
      ENDS,
      CHICAGO,
      NOW,
    );
    expect(dueIn4.reasons).toEqual([
      { code: 'goal_sheet_due_soon', label: 'Goal sheet due soon', text: 'Goal sheet due in 4 days', points: 13 },
    ]);
    const dueToday = assessMatch(facts({ matchedAt: '2026-10-11T15:00:00.000Z', lastContactOn: '2026-11-01' }), ENDS, CHICAGO, NOW);
    expect(dueToday.reasons[0]).toMatchObject({ code: 'goal_sheet_due_soon', text: 'Goal sheet due today (not started)', points: 17 });
    const dueIn9 = assessMatch(facts({ matchedAt: '2026-10-20T15:00:00.000Z', lastContactOn: '2026-11-01' }), ENDS, CHICAGO, NOW);
    expect(dueIn9.reasons).toEqual([]);
  });

  it('says "for N weeks" once a contact was logged, and has no window when the program has none', () => {
    const a = assessMatch(
      facts({
        sheetStatus: 'acknowledged',
        firstSubmittedAt: '2026-10-05T14:00:00.000Z',
        lastContactOn: '2026-10-12',
        contactsSinceMatch: 1,
      }),
      ENDS,
      { ...CHICAGO, guaranteeWindowDays: 0 },
      NOW,
    );
    expect(a.guaranteeClosesOn).toBeNull();
    expect(a.reasons).toEqual([{ code: 'quiet', label: 'Quiet', text: 'No contact logged for 4 weeks', points: 38 }]);
  });

  it('puts a re-match request first, and a pair asking to talk to the program office near the top', () => {
    const fine = {
      sheetStatus: 'acknowledged',
      firstSubmittedAt: '2026-10-20T14:00:00.000Z',
      lastContactOn: '2026-11-05',
      contactsSinceMatch: 4,
    } as const;
    const a = assessMatch(
      facts({
        ...fine,
        rematchRequests: [{ name: 'Amara Mensah', side: 'mentee', on: '2026-11-07' }],
        talkRequests: [{ name: 'Margaret Okafor', side: 'mentor', on: '2026-11-10' }],
      }),
      ENDS,
      CHICAGO,
      NOW,
    );
    expect(a.reasons).toEqual([
      {
        code: 'rematch_requested',
        label: 'Re-match requested',
        text: 'Amara Mensah (mentee) asked for a re-match 3 days ago',
        points: 353,
      },
      {
        code: 'check_in_talk',
        label: 'Asked to talk',
        text: 'Margaret Okafor (mentor) would like to talk to the program office (answered a check-in today)',
        points: 80,
      },
    ]);
    const both = assessMatch(
      facts({
        ...fine,
        rematchRequests: [
          { name: 'Amara Mensah', side: 'mentee', on: '2026-11-09' },
          { name: 'Margaret Okafor', side: 'mentor', on: '2026-11-08' },
        ],
      }),
      ENDS,
      CHICAGO,
      NOW,
    );
    expect(both.reasons[0]?.text).toBe(
      'Amara Mensah (mentee) and Margaret Okafor (mentor) asked for a re-match; the first asked 2 days ago',
    );
    expect(assessMatch(facts({ ...fine, talkRequests: [] }), ENDS, CHICAGO, NOW).reasons).toEqual([]);
  });

  it('scores a re-match request above every other reason at its worst put together', () => {
    const others = Object.entries(RISK_POINTS)
      .filter(([code]) => code !== 'rematch_requested')
      .reduce((sum, [, p]) => sum + p.base + p.maxExtra, 0);
    expect(RISK_POINTS.rematch_requested.base).toBeGreaterThan(others);
    const worst = assessMatch(
      facts({ matchedAt: '2026-09-27T15:00:00.000Z', talkRequests: [{ name: 'A', side: 'mentee', on: '2026-10-01' }] }),
      ENDS,
      CHICAGO,
      NOW,
    );
    const asked = assessMatch(
      facts({
        sheetStatus: 'acknowledged',
        firstSubmittedAt: '2026-10-20T14:00:00.000Z',
        lastContactOn: '2026-11-09',
        contactsSinceMatch: 9,
        rematchRequests: [{ name: 'B', side: 'mentor', on: '2026-11-10' }],
      }),
      ENDS,
      CHICAGO,
      NOW,
    );
    expect(asked.riskScore).toBeGreaterThan(worst.riskScore);
  });

  it('expects contacts at the suggested cadence', () => {
    expect(expectedContacts(14, 2)).toBe(0);
    expect(expectedContacts(15, 2)).toBe(1);
    expect(expectedContacts(40, 2)).toBe(2);
    expect(expectedContacts(40, 0)).toBe(0);
  });

  it('ranks by score, then the older match, then the id', () => {
    const rows = [
      { matchId: 3, riskScore: 30, matchedOn: '2026-10-02' },
      { matchId: 2, riskScore: 30, matchedOn: '2026-10-01' },
      { matchId: 1, riskScore: 30, matchedOn: '2026-10-02' },
      { matchId: 4, riskScore: 129, matchedOn: '2026-10-09' },
    ];
    expect(rows.sort(byRisk).map((r) => r.matchId)).toEqual([4, 2, 1, 3]);
  });
});

describe('program health: goal sheets against the deadline', () => {
  it('keeps the deadline open until the due day ends in the program time zone (a 25-hour day here)', () => {
    // Due 1 Nov 2026, the day Chicago falls back: it ends at 06:00 UTC on 2 Nov.
    expect(sheetOutcome({ firstSubmittedAt: '2026-11-02T05:59:59.999Z' }, '2026-11-01', NOW, 'America/Chicago')).toBe('on_time');
    expect(sheetOutcome({ firstSubmittedAt: '2026-11-02T06:00:00.000Z' }, '2026-11-01', NOW, 'America/Chicago')).toBe('late');
    expect(sheetOutcome({ firstSubmittedAt: null }, '2026-11-01', new Date('2026-11-02T05:59:00.000Z'), 'America/Chicago')).toBe(
      'not_yet_due',
    );
    expect(sheetOutcome({ firstSubmittedAt: null }, '2026-11-01', new Date('2026-11-02T06:00:00.000Z'), 'America/Chicago')).toBe('overdue');
  });
});

describe('program health: contacts per week', () => {
  it('buckets contacts by week across the clock change, counts distinct matches, and keeps empty weeks', () => {
    const days = [
      { matchId: 1, occurredOn: '2026-10-20', contacts: 1 }, // before the range
      { matchId: 1, occurredOn: '2026-10-31', contacts: 2 },
      { matchId: 1, occurredOn: '2026-11-01', contacts: 1 }, // the 25-hour Sunday
      { matchId: 2, occurredOn: '2026-11-02', contacts: 1 },
      { matchId: 1, occurredOn: '2026-11-08', contacts: 1 },
      { matchId: 2, occurredOn: '2026-11-13', contacts: 4 }, // after the shorter range below
    ];
    expect(contactsPerWeek(days, '2026-10-28', '2026-11-19')).toEqual([
      { weekStart: '2026-10-26', contacts: 3, matches: 1 },
      { weekStart: '2026-11-02', contacts: 2, matches: 2 },
      { weekStart: '2026-11-09', contacts: 4, matches: 1 },
      { weekStart: '2026-11-16', contacts: 0, matches: 0 },
    ]);
    expect(contactsPerWeek(days, '2026-10-28', '2026-11-12').map((w) => w.weekStart)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09']);
    expect(contactsPerWeek(days, '2026-11-12', '2026-11-01')).toEqual([]);
  });

  it('ends the chart today, or on the program’s last day once it is over', () => {
    expect(chartEnd('2026-11-10', '2027-09-30')).toBe('2026-11-10');
    expect(chartEnd('2027-10-10', '2027-09-30')).toBe('2027-09-30');
  });
});
