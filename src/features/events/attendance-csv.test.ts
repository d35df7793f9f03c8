import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '../../errors.ts';
import { MAX_IMPORT_ROWS } from '../../csv/uploaded-csv.ts';
import { AMBIGUOUS_NAME, EMPTY_ROW, guessAttendanceMapping, matchAttendees, NO_MATCH, readAttendanceReport } from './attendance-csv.ts';
import type { InvitedPerson } from './attendance-csv.ts';

const base64 = (text: string) => Buffer.from(text).toString('base64');
const read = (text: string, mapping?: Parameters<typeof readAttendanceReport>[1]) => readAttendanceReport(base64(text), mapping);

const ZOOM = [
  'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
  'Ana Díaz,ana@example.org,12/05/2026 06:01:12 PM,12/05/2026 06:20:40 PM,20,No',
  'Bo Chen (Bo C.),BO@Example.org,12/05/2026 06:02:00 PM,12/05/2026 07:00:00 PM,58,No',
  'Ana Díaz,ana@example.org,12/05/2026 06:25:03 PM,12/05/2026 07:00:00 PM,35,No',
  '"Okafor, Chidi",,12/05/2026 06:10:00 PM,12/05/2026 06:50:00 PM,40,Yes',
].join('\r\n');

const TEAMS = [
  'Full Name,Join Time,Leave Time,Duration,Email,Role,Participant ID (UPN)',
  'Ana Díaz,"12/5/26, 6:01:12 PM","12/5/26, 7:00:00 PM",58m 48s,ana@example.org,Attendee,ana@example.org',
  'Guest Person,"12/5/26, 6:03:00 PM","12/5/26, 6:30:00 PM",27m,,Attendee,',
].join('\n');

const invited: InvitedPerson[] = [
  { userId: 1, email: 'ana@example.org', name: 'Ana Díaz' },
  { userId: 2, email: 'bo@example.org', name: 'Bo Chen' },
  { userId: 3, email: 'chidi@example.org', name: 'Chidi Okafor' },
  { userId: 4, email: 'sam1@example.org', name: 'Sam Lee' },
  { userId: 5, email: 'sam2@example.org', name: 'sam  LEE' },
];

describe('readAttendanceReport', () => {
  it('reads a Zoom participants report, keeping every join as its own row', async () => {
    const report = await read(ZOOM);
    expect(report.mapping).toEqual({ email: 'User Email', name: 'Name (Original Name)' });
    expect(report.headings[0]).toBe('Name (Original Name)');
    expect(report.rows).toEqual([
      { line: 2, email: 'ana@example.org', name: 'Ana Díaz', problem: null },
      { line: 3, email: 'BO@Example.org', name: 'Bo Chen (Bo C.)', problem: null },
      { line: 4, email: 'ana@example.org', name: 'Ana Díaz', problem: null },
      { line: 5, email: '', name: 'Okafor, Chidi', problem: null },
    ]);
  });

  it('reads a Teams attendance list, preferring "Email" to the sign-in name', async () => {
    const report = await read(TEAMS);
    expect(report.mapping).toEqual({ email: 'Email', name: 'Full Name' });
    expect(report.rows.map((r) => [r.line, r.email, r.name])).toEqual([
      [2, 'ana@example.org', 'Ana Díaz'],
      [3, '', 'Guest Person'],
    ]);
  });

  it('takes a report with only one of the two columns', async () => {
    const report = await read('First name,Last name,Email,Duration\nAna,Díaz,ana@example.org,58 min\n');
    expect(report.mapping).toEqual({ email: 'Email' });
    expect(report.rows).toEqual([{ line: 2, email: 'ana@example.org', name: '', problem: null }]);
  });

  it('guesses headings whatever their case and punctuation', () => {
    expect(guessAttendanceMapping(['E-MAIL', 'display_name'])).toEqual({ email: 'E-MAIL', name: 'display_name' });
    expect(guessAttendanceMapping(['Attendee Email', 'Participant'])).toEqual({ email: 'Attendee Email', name: 'Participant' });
    expect(guessAttendanceMapping(['Join Time', 'Duration'])).toEqual({});
  });

  it('drops a byte-order mark before the first heading', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ZOOM)]).toString('base64');
    const report = await readAttendanceReport(withBom);
    expect(report.headings[0]).toBe('Name (Original Name)');
    expect(report.mapping.name).toBe('Name (Original Name)');
  });

  it('refuses a file that is not UTF-8, as the application import does', async () => {
    const latin1 = Buffer.from('Name,Email\nJos\xe9,jose@example.org\n', 'latin1').toString('base64');
    await expect(readAttendanceReport(latin1)).rejects.toMatchObject({ code: 'CSV_NOT_UTF8' });
  });

  it('uses the mapping it is given instead of guessing', async () => {
    const report = await read(TEAMS, { email: 'Participant ID (UPN)', name: 'Full Name' });
    expect(report.mapping).toEqual({ email: 'Participant ID (UPN)', name: 'Full Name' });
    expect(report.rows.map((r) => r.email)).toEqual(['ana@example.org', '']);
  });

  it('refuses a mapping naming a heading the file does not have', async () => {
    const error = await read(TEAMS, { email: 'E-mail address' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error).toMatchObject({
      code: 'CSV_UNKNOWN_HEADING',
      details: [{ path: 'mapping.email', message: 'No column is headed "E-mail address".' }],
    });
  });

  it('asks for the columns when neither is found', async () => {
    const error = await read('Join Time,Duration\n6:00 PM,20\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error).toMatchObject({ code: 'ATTENDANCE_COLUMNS_NOT_FOUND', message: expect.stringMatching(/Pick the column/) });
    await expect(read(TEAMS, {})).rejects.toMatchObject({ code: 'ATTENDANCE_COLUMNS_NOT_FOUND' });
  });

  it('refuses an empty file and a file past the row limit', async () => {
    await expect(read('')).rejects.toMatchObject({ code: 'CSV_EMPTY' });
    const long = ['Email', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `p${i}@example.org`)].join('\n');
    await expect(read(long)).rejects.toMatchObject({ code: 'CSV_TOO_MANY_ROWS' });
  });

  it('marks a row holding a control character, and matching keeps it unmatched', async () => {
    const report = await read('Name,Email\nAna Díaz,ana@example.org\u0000\n');
    expect(report.rows[0]?.problem).toMatch(/^"Email": Contains an invisible control character \(U\+0000\)/);
    expect(matchAttendees(report.rows, invited)[0]).toMatchObject({ userId: null, problem: report.rows[0]?.problem });
  });

  it("reads the program's own attendance export back, formula guard removed", async () => {
    // The columns and guard of /api/events/:id/exports/attendance.csv (src/features/exports/attendance-csv.ts).
    const csv = [
      'Event,Event starts at (UTC),Name,E-mail,Roles,Answer,Waitlist position,Answered at (UTC),Attended',
      "Kick-off,2026-12-05T18:00:00.000Z,'=Ana Díaz,ana@example.org,mentee,Yes,,,",
    ].join('\r\n');
    const report = await read(csv);
    expect(report.mapping).toEqual({ email: 'E-mail', name: 'Name' });
    expect(report.rows).toEqual([{ line: 2, email: 'ana@example.org', name: '=Ana Díaz', problem: null }]);
  });
});

describe('matchAttendees', () => {
  const row = (line: number, email: string, name: string) => ({ line, email, name });

  it('matches by e-mail address in any case, and every join of one person', async () => {
    const matches = matchAttendees((await read(ZOOM)).rows, invited);
    expect(matches.map((m) => [m.line, m.userId, m.matchedBy, m.problem])).toEqual([
      [2, 1, 'email', null],
      [3, 2, 'email', null],
      [4, 1, 'email', null],
      [5, null, null, NO_MATCH],
    ]);
  });

  it('falls back to the name when the e-mail address is unknown or missing', () => {
    expect(matchAttendees([row(2, ' other@example.org ', 'Bo Chen'), row(3, '', 'bo chen')], invited)).toEqual([
      { line: 2, email: ' other@example.org ', name: 'Bo Chen', userId: 2, matchedBy: 'name', problem: null },
      { line: 3, email: '', name: 'bo chen', userId: 2, matchedBy: 'name', problem: null },
    ]);
  });

  it('ignores accents, case and runs of spaces in names', () => {
    const [m] = matchAttendees([row(2, '', '  ANA   diaz ')], invited);
    expect(m).toMatchObject({ userId: 1, matchedBy: 'name' });
    const [decomposed] = matchAttendees([row(2, '', 'Ana Di\u0301az')], invited);
    expect(decomposed).toMatchObject({ userId: 1, matchedBy: 'name' });
  });

  it('does not guess between two invited people of the same name', () => {
    expect(matchAttendees([row(2, '', 'Sam Lee')], invited)[0]).toMatchObject({ userId: null, matchedBy: null, problem: AMBIGUOUS_NAME });
    expect(matchAttendees([row(2, 'SAM2@example.org', 'Sam Lee')], invited)[0]).toMatchObject({ userId: 5, matchedBy: 'email' });
  });

  it('tries a Zoom rename: the name outside the brackets, then the one inside', () => {
    const matches = matchAttendees([row(2, '', 'Bo C. (Bo Chen)'), row(3, '', 'Ana Díaz (she/her)')], invited);
    expect(matches.map((m) => m.userId)).toEqual([2, 1]);
  });

  it('says so when a row has neither an e-mail address nor a name', () => {
    expect(matchAttendees([row(2, ' ', '')], invited)[0]).toMatchObject({ userId: null, problem: EMPTY_ROW });
  });

  it('always matches a row whose e-mail address is an invited one, in any case and spacing', () => {
    const person = fc.record({
      email: fc.emailAddress(),
      name: fc.string(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(person, { minLength: 1, maxLength: 8, selector: (p) => p.email.toLowerCase() }),
        fc.nat(),
        fc.string(),
        fc.boolean(),
        fc.constantFrom('', ' ', '\t'),
        (people, pick, rowName, upper, pad) => {
          const list = people.map((p, i) => ({ userId: i + 1, ...p }));
          const target = list[pick % list.length]!;
          const email = pad + (upper ? target.email.toUpperCase() : target.email.toLowerCase()) + pad;
          const [m] = matchAttendees([{ line: 2, email, name: rowName }], list);
          expect(m).toMatchObject({ userId: target.userId, matchedBy: 'email', problem: null });
        },
      ),
    );
  });
});
