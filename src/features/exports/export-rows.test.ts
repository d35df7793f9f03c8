import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvText, spreadsheetCsv } from '../../csv/spreadsheet-csv-stream.ts';
import { withoutFormulaGuard } from '../../csv/spreadsheet-cell.ts';
import { APPLICATION_COLUMNS, applicationRows, applicationsTable } from './applications-csv.ts';
import { ATTENDANCE_COLUMNS, attendanceRows } from './attendance-csv.ts';
import { CONTACT_COLUMNS, contactRows } from './contacts-csv.ts';
import { GOAL_SHEET_COLUMNS, goalSheetRows } from './goal-sheets-csv.ts';
import type { ExportedGoalSheet } from './goal-sheets-csv.ts';
import { MATCH_COLUMNS, matchRows } from './matches-csv.ts';
import { SURVEY_RESULT_COLUMNS, surveyResultRows } from './survey-results-csv.ts';

const EVIL = '=HYPERLINK("http://evil.example","x")';

const application = {
  applicantEmail: 'ann@example.org',
  applicantName: EVIL,
  role: 'mentee',
  status: 'accepted',
  decisionReason: null,
  createdAt: '2026-09-01T15:00:00.000Z',
  answers: {
    phone: '',
    jobTitle: 'Librarian',
    employer: 'Maple, "Street" Library',
    workplaceType: 'public' as const,
    yearsExperience: 2,
    careerStage: 'early_career' as const,
    region: 'US-IL',
    timeZone: 'America/Chicago',
    interests: ['Storytime', 'Early literacy'],
    programGoalIds: [3, 1],
    channels: ['email' as const],
    meetInPerson: true,
    languages: ['English'],
    hopes: 'Line one\nline two',
    capacity: 1,
  },
};

describe('row builders', () => {
  it('applications: one row per application, in the headings’ order, lists joined as the import reads them', () => {
    const [row] = [...applicationRows([application])];
    expect(row).toHaveLength(APPLICATION_COLUMNS.length);
    const cell = (c: (typeof APPLICATION_COLUMNS)[number]) => row![APPLICATION_COLUMNS.indexOf(c)];
    expect(cell('Name')).toBe(EVIL); // the guard is the stream's job, applied to every cell alike
    expect(cell('Interests')).toBe('Storytime; Early literacy');
    expect(cell('Program goal ids')).toBe('3; 1');
    expect(cell('Meet in person')).toBe('yes');
    expect(cell('Decision reason')).toBe('');
    expect(cell('Applied at (UTC)')).toBe('2026-09-01T15:00:00.000Z');
  });

  it('matches: words for the status, a fixed-point score, blanks for what has not happened', () => {
    const rows = [
      ...matchRows([
        {
          id: 7,
          status: 'ended',
          matchedAt: '2026-09-01T15:00:00.000Z',
          endedAt: '2026-10-01T15:00:00.000Z',
          endReason: 'Moved away',
          score: 0.8123,
          explanation: 'Both in public libraries',
          mentor: { name: 'Mo', email: 'mo@example.org' },
          mentee: { name: 'Me', email: 'me@example.org' },
          liaisonName: null,
        },
      ]),
    ];
    expect(rows).toEqual([
      [
        '7',
        'Mo',
        'mo@example.org',
        'Me',
        'me@example.org',
        'Ended',
        '2026-09-01T15:00:00.000Z',
        '2026-10-01T15:00:00.000Z',
        'Moved away',
        '0.81',
        'Both in public libraries',
        '',
      ],
    ]);
    expect(rows[0]).toHaveLength(MATCH_COLUMNS.length);
  });

  it('goal sheets: a row per goal with the match repeated, one row for a sheet without goals', () => {
    const goal = { programGoalIds: [1, 9], activities: 'Mock interview', successMeasure: 'An offer', targetDate: null };
    const sheets: ExportedGoalSheet[] = [
      {
        matchId: 1,
        mentorName: 'Mo',
        menteeName: 'Me',
        dueOn: '2026-10-01',
        sheet: {
          status: 'acknowledged',
          content: {
            goals: [
              { ...goal, title: 'A' },
              { ...goal, title: 'B' },
            ],
            communication: { channels: ['video', 'fax'], cadence: 'Weekly' },
          },
          submittedAt: '2026-09-20T10:00:00.000Z',
          reviewedAt: null,
        },
      },
      { matchId: 2, mentorName: 'Al', menteeName: 'Bo', dueOn: '2026-10-02', sheet: null },
    ];
    const rows = [...goalSheetRows(sheets, new Map([[1, 'Find a job']]))];
    expect(rows.map((r) => r.length)).toEqual([GOAL_SHEET_COLUMNS.length, GOAL_SHEET_COLUMNS.length, GOAL_SHEET_COLUMNS.length]);
    expect(rows[0]).toEqual([
      '1',
      'Mo',
      'Me',
      'Acknowledged',
      '2026-10-01',
      '2026-09-20T10:00:00.000Z',
      '',
      '1',
      'A',
      'Find a job; 9',
      'Mock interview',
      'An offer',
      '',
      'Video call; fax',
      'Weekly',
    ]);
    expect(rows[1]!.slice(7, 9)).toEqual(['2', 'B']);
    expect(rows[2]).toEqual(['2', 'Al', 'Bo', 'Not started', '2026-10-02', '', '', '', '', '', '', '', '', '', '']);
  });

  it('contacts: the channel in words, the note as written', () => {
    const rows = [
      ...contactRows([
        {
          matchId: 3,
          mentorName: 'Mo',
          menteeName: 'Me',
          occurredOn: '2026-09-08',
          channel: 'in_person',
          activityTitle: null,
          note: EVIL,
          loggedByName: null,
          createdAt: '2026-09-08T20:00:00.000Z',
        },
      ]),
    ];
    expect(rows).toEqual([['3', 'Mo', 'Me', '2026-09-08', 'In person', '', EVIL, '', '2026-09-08T20:00:00.000Z']]);
    expect(rows[0]).toHaveLength(CONTACT_COLUMNS.length);
  });

  it('attendance: a row per invitee per event; attendance not taken stays blank', () => {
    const person = { email: 'a@example.org', roles: ['mentor', 'mentee'], waitlistPosition: null, respondedAt: null };
    const rows = [
      ...attendanceRows([
        {
          event: { title: 'Forum', startsAt: '2026-10-20T23:00:00.000Z' },
          attendees: [
            { ...person, name: 'A', state: 'yes', attended: true },
            { ...person, name: 'B', state: null, attended: null },
            { ...person, name: 'C', state: 'waitlist', waitlistPosition: 2, attended: false },
          ],
        },
      ]),
    ];
    expect(rows.map((r) => [r[2], r[4], r[5], r[6], r[8]])).toEqual([
      ['A', 'mentor; mentee', 'Going', '', 'Yes'],
      ['B', 'mentor; mentee', 'No answer', '', ''],
      ['C', 'mentor; mentee', 'On the waitlist', '2', 'No'],
    ]);
    expect(rows[0]).toHaveLength(ATTENDANCE_COLUMNS.length);
  });

  it('survey results: counts, mean and median per group, hidden groups with their reason, never free text', () => {
    const rows = [
      ...surveyResultRows([
        {
          title: 'Check-in',
          questions: [
            {
              questionId: 'q',
              section: 'Overall',
              kind: 'likert',
              text: 'How is it going?',
              audience: 'both',
              overall: {
                suppressed: false,
                answered: 6,
                counts: [{ label: 'Good', count: 6 }],
                mean: 4,
                median: 4,
                texts: null,
                textsTotal: null,
              },
              breakdowns: [{ by: 'role', groups: { suppressed: true, reason: 'Too few.' } }],
            },
            {
              questionId: 't',
              section: '',
              kind: 'short-text',
              text: 'Anything else?',
              audience: 'both',
              overall: {
                suppressed: false,
                answered: 6,
                counts: null,
                mean: null,
                median: null,
                texts: ['my secret words'],
                textsTotal: 1,
              },
              breakdowns: [],
            },
          ],
        },
      ]),
    ];
    expect(rows).toEqual([
      ['Check-in', 'Overall', 'How is it going?', 'Everyone', '6', 'Answers', '6'],
      ['Check-in', 'Overall', 'How is it going?', 'Everyone', '6', 'Good', '6'],
      ['Check-in', 'Overall', 'How is it going?', 'Everyone', '6', 'Mean', '4'],
      ['Check-in', 'Overall', 'How is it going?', 'Everyone', '6', 'Median', '4'],
      ['Check-in', 'Overall', 'How is it going?', 'By role', '', 'Hidden', 'Too few.'],
      ['Check-in', '', 'Anything else?', 'Everyone', '6', 'Answers', '6'],
    ]);
    expect(rows[0]).toHaveLength(SURVEY_RESULT_COLUMNS.length);
  });
});

describe('spreadsheetCsv', () => {
  it('guards every cell, quotes what needs it, and parses back to the same cells', async () => {
    const text = await csvText(spreadsheetCsv(applicationsTable([application]), { bom: false }));
    const [header, row] = parse(text) as string[][];
    expect(header).toEqual([...APPLICATION_COLUMNS]);
    expect(row![1]).toBe(`'${EVIL}`);
    expect(row!.map(withoutFormulaGuard)).toEqual([...applicationRows([application])][0]);
    expect(text).toContain('\r\n');
  });

  it('starts with a byte-order mark only when asked', async () => {
    const table = () => ({ header: ['Name'], rows: [['Zoë']] });
    const plain = await csvText(spreadsheetCsv(table(), { bom: false }));
    const bom = await csvText(spreadsheetCsv(table(), { bom: true }));
    expect(plain).toBe('Name\r\nZoë\r\n');
    expect(bom).toBe(`\uFEFF${plain}`);
  });

  it('streams a long file while other work gets turns of the event loop', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    function* rows() {
      for (let i = 0; i < 20_000; i++) yield [`Person ${i}`, `p${i}@example.org`];
    }
    const text = await csvText(spreadsheetCsv({ header: ['Name', 'E-mail'], rows: rows() }, { bom: false }));
    clearInterval(timer);
    expect(text.split('\r\n')).toHaveLength(20_002);
    expect(ticks).toBeGreaterThan(5);
  });

  it('ends the stream with the error when the rows fail part way, rather than passing off half a file', async () => {
    function* rows() {
      yield ['one'];
      throw new Error('database went away');
    }
    await expect(csvText(spreadsheetCsv({ header: ['A'], rows: rows() }, { bom: false }))).rejects.toThrow('database went away');
  });
});
