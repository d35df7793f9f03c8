import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { withoutFormulaGuard } from '../../csv/spreadsheet-cell.ts';
import { ATTENDEE_EXPORT_COLUMNS, attendeesCsv } from './attendees-export.ts';
import type { ExportedAttendee } from './attendees-export.ts';

const attendee = (over: Partial<ExportedAttendee> = {}): ExportedAttendee => ({
  name: 'Ana Díaz',
  email: 'ana@example.org',
  roles: ['mentor', 'mentee'],
  state: 'yes',
  waitlistPosition: null,
  respondedAt: '2026-12-01T15:04:05.000Z',
  attended: true,
  ...over,
});

const parsed = (csv: string) => parse(csv) as string[][];

describe('attendeesCsv', () => {
  it('writes the heading row, and only it for nobody', () => {
    expect(attendeesCsv([])).toBe('Name,E-mail,Roles,Answer,Waitlist position,Answered at,Attended\r\n');
    expect(parsed(attendeesCsv([attendee()]))[0]).toEqual([...ATTENDEE_EXPORT_COLUMNS]);
  });

  it('writes each answer and attendance in words', () => {
    const rows = parsed(
      attendeesCsv([
        attendee(),
        attendee({ state: 'no', attended: false }),
        attendee({ state: 'maybe', attended: null }),
        attendee({ state: 'waitlist', waitlistPosition: 3, attended: null }),
        attendee({ state: null, respondedAt: null, roles: [], attended: null }),
      ]),
    ).slice(1);
    expect(rows).toEqual([
      ['Ana Díaz', 'ana@example.org', 'mentor; mentee', 'Going', '', '2026-12-01T15:04:05.000Z', 'Yes'],
      ['Ana Díaz', 'ana@example.org', 'mentor; mentee', 'Not going', '', '2026-12-01T15:04:05.000Z', 'No'],
      ['Ana Díaz', 'ana@example.org', 'mentor; mentee', 'Maybe', '', '2026-12-01T15:04:05.000Z', ''],
      ['Ana Díaz', 'ana@example.org', 'mentor; mentee', 'On the waitlist', '3', '2026-12-01T15:04:05.000Z', ''],
      ['Ana Díaz', 'ana@example.org', '', 'No answer', '', '', ''],
    ]);
  });

  it('guards a name a spreadsheet would run as a formula', () => {
    const [, row] = parsed(attendeesCsv([attendee({ name: '=HYPERLINK("https://evil.example","Ana")', email: '+1@example.org' })]));
    expect(row?.[0]).toBe('\'=HYPERLINK("https://evil.example","Ana")');
    expect(row?.[1]).toBe("'+1@example.org");
  });

  it('reads back unchanged through csv-parse, quotes, commas and line breaks included', () => {
    const people = [
      attendee({ name: 'Okafor, Chidi', email: 'chidi@example.org' }),
      attendee({ name: 'Zoë "Z" Müller\nsecond line', roles: ['staff'] }),
      attendee({ name: '-dash', state: 'waitlist', waitlistPosition: 12 }),
    ];
    const rows = parsed(attendeesCsv(people)).slice(1);
    expect(rows.map((r) => r.map(withoutFormulaGuard))).toEqual([
      ['Okafor, Chidi', 'chidi@example.org', 'mentor; mentee', 'Going', '', '2026-12-01T15:04:05.000Z', 'Yes'],
      ['Zoë "Z" Müller\nsecond line', 'ana@example.org', 'staff', 'Going', '', '2026-12-01T15:04:05.000Z', 'Yes'],
      ['-dash', 'ana@example.org', 'mentor; mentee', 'On the waitlist', '12', '2026-12-01T15:04:05.000Z', 'Yes'],
    ]);
  });
});
