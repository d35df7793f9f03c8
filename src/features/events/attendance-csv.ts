import { withoutFormulaGuard } from '../../csv/spreadsheet-cell.ts';
import { decodeCsv, MAX_IMPORT_ROWS, parseCsv } from '../../csv/uploaded-csv.ts';
import { RuleViolationError } from '../../errors.ts';
import type { ATTENDANCE_IMPORT_FIELDS } from '../../shared/api/events.ts';
import { forbiddenCharacter, forbiddenCharacterMessage } from '../../shared/text.ts';

/**
 * A web-conference tool's attendance report (Zoom, Teams, Google Meet…), read the way the
 * application import reads a file: the same decoding (UTF-8 only, BOM dropped), parser, row limit
 * and errors, and a heading mapping that staff can correct. Rows are kept as they are — Zoom lists
 * a person once per join — and matched to the invited people by `matchAttendees`, which is pure.
 */

export type AttendanceField = (typeof ATTENDANCE_IMPORT_FIELDS)[number];
export type AttendanceMapping = Partial<Record<AttendanceField, string>>;

export interface AttendanceRow {
  /** The physical line the record starts on; the heading row is line 1. */
  line: number;
  email: string;
  name: string;
  /** Why the row cannot be matched whatever the invitation list holds (a control character), or null. */
  problem: string | null;
}

export interface AttendanceReport {
  headings: string[];
  mapping: AttendanceMapping;
  rows: AttendanceRow[];
}

/**
 * Headings the tools write, in the form `headingKey` gives them, best first: where a report has
 * two candidates (Teams has "Email" and "Participant ID (UPN)"), the earlier one wins.
 */
const HEADING_GUESSES: Record<AttendanceField, readonly string[]> = {
  email: [
    'email',
    'emailaddress',
    'useremail',
    'attendeeemail',
    'participantemail',
    'guestemail',
    'registrantemail',
    'mail',
    // Teams: the sign-in name, an e-mail address for people of the organisation.
    'participantidupn',
    'upn',
  ],
  name: [
    'name',
    'fullname',
    'nameoriginalname',
    'usernameoriginalname',
    'displayname',
    'participant',
    'participantname',
    'attendee',
    'attendeename',
    'username',
    'guestname',
  ],
};

/**
 * Case, spaces, punctuation and brackets do not matter: "User Email", "user_email" and "E-mail"
 * compare as "useremail" and "email", "Name (Original Name)" as "nameoriginalname".
 */
const headingKey = (heading: string) => heading.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The heading each field most likely sits under, for a report nobody has mapped yet. */
export function guessAttendanceMapping(headings: readonly string[]): AttendanceMapping {
  const keys = headings.map(headingKey);
  const mapping: AttendanceMapping = {};
  for (const field of ['email', 'name'] as const) {
    for (const guess of HEADING_GUESSES[field]) {
      const at = keys.indexOf(guess);
      if (at !== -1) {
        mapping[field] = headings[at];
        break;
      }
    }
  }
  return mapping;
}

/**
 * Decodes, parses and maps a report. Throws for a file that cannot be used at all: not UTF-8, not
 * CSV, empty, too long, a mapping naming a heading the file lacks, or neither column found.
 *
 * Decoding and parsing yield to the event loop as the application import does; taking two cells
 * from each of at most MAX_IMPORT_ROWS rows is a few milliseconds, so the rows are read in one go.
 */
export async function readAttendanceReport(fileBase64: string, mapping?: AttendanceMapping): Promise<AttendanceReport> {
  const bytes = await decodeCsv(fileBase64);
  const {
    records: [header, ...records],
    more,
  } = await parseCsv(bytes, 1 + MAX_IMPORT_ROWS);
  if (!header) throw new RuleViolationError('CSV_EMPTY', 'The file is empty: it needs a heading row and one row per person who joined.');
  if (more) {
    throw new RuleViolationError(
      'CSV_TOO_MANY_ROWS',
      `The file has more than ${MAX_IMPORT_ROWS} rows; import at most ${MAX_IMPORT_ROWS} at a time by splitting it into smaller files.`,
    );
  }
  const headings = header.cells.map((h) => h.trim());
  const used = mapping ?? guessAttendanceMapping(headings);
  const missingHeadings = Object.entries(used).filter(([, h]) => h !== undefined && !headings.includes(h));
  if (missingHeadings.length > 0) {
    throw new RuleViolationError(
      'CSV_UNKNOWN_HEADING',
      `The file has no column headed ${missingHeadings.map(([, h]) => `"${h}"`).join(', ')}.`,
      missingHeadings.map(([field, h]) => ({ path: `mapping.${field}`, message: `No column is headed "${h}".` })),
    );
  }
  if (used.email === undefined && used.name === undefined) {
    throw new RuleViolationError(
      'ATTENDANCE_COLUMNS_NOT_FOUND',
      'No column of this file was recognised as an e-mail address or a name. Pick the column that holds the e-mail address, the name, or both.',
      [{ path: 'mapping', message: 'Pick the e-mail column, the name column, or both.' }],
    );
  }
  const emailAt = used.email === undefined ? -1 : headings.indexOf(used.email);
  const nameAt = used.name === undefined ? -1 : headings.indexOf(used.name);
  const cell = (cells: readonly string[], at: number) => withoutFormulaGuard(cells[at] ?? '').trim();
  const rows = records.map(({ line, cells }): AttendanceRow => {
    const email = cell(cells, emailAt);
    const name = cell(cells, nameAt);
    return { line, email, name, problem: unstorable([used.email, email], [used.name, name]) };
  });
  return { headings, mapping: used, rows };
}

/** The control-character sentence for the first cell holding one, prefixed by its heading. */
function unstorable(...cells: [heading: string | undefined, text: string][]): string | null {
  for (const [heading, text] of cells) {
    const character = forbiddenCharacter(text);
    if (character !== undefined) return `"${heading ?? ''}": ${forbiddenCharacterMessage(character)}`;
  }
  return null;
}

export interface InvitedPerson {
  userId: number;
  email: string;
  name: string;
}

export interface AttendanceMatch {
  line: number;
  email: string;
  name: string;
  userId: number | null;
  matchedBy: 'email' | 'name' | null;
  problem: string | null;
}

export const NO_MATCH = 'No one invited has this e-mail address or name.';
export const AMBIGUOUS_NAME = 'Two or more invited people have this name; add e-mail addresses to the report.';
export const EMPTY_ROW = 'This row has neither an e-mail address nor a name.';

const emailKey = (email: string) => email.trim().toLowerCase();

/** Case, runs of spaces and accents do not matter: "José  García" and "jose garcia" are one name. */
export const nameKey = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Zoom's "Name (Original Name)" column writes "New name (Original name)" for someone who renamed
 * themselves in the meeting, and people add pronouns the same way: the whole cell is tried first,
 * then the name outside the brackets, then the one inside.
 */
function nameCandidates(name: string): string[] {
  const whole = nameKey(name);
  const bracketed = /^(.+?)\s*\(([^()]+)\)$/.exec(whole);
  return bracketed ? [whole, bracketed[1] ?? '', bracketed[2] ?? ''].filter((n) => n !== '') : [whole];
}

/**
 * Each report row, with the invited person it stands for: by e-mail address first (any case), else
 * by name when exactly one invited person has it, else null with the reason in plain words. Rows
 * that name one person twice both match; counting people is the caller's business.
 */
export function matchAttendees(rows: readonly AttendanceRowInput[], invited: readonly InvitedPerson[]): AttendanceMatch[] {
  const byEmail = new Map<string, number>();
  const byName = new Map<string, number[]>();
  for (const person of invited) {
    const email = emailKey(person.email);
    if (email !== '' && !byEmail.has(email)) byEmail.set(email, person.userId);
    const name = nameKey(person.name);
    if (name !== '') byName.set(name, [...(byName.get(name) ?? []), person.userId]);
  }
  return rows.map((row) => {
    const base = { line: row.line, email: row.email, name: row.name };
    const unmatched = (problem: string): AttendanceMatch => ({ ...base, userId: null, matchedBy: null, problem });
    if (row.problem) return unmatched(row.problem);
    const byMail = byEmail.get(emailKey(row.email));
    if (byMail !== undefined) return { ...base, userId: byMail, matchedBy: 'email', problem: null };
    let ambiguous = false;
    for (const candidate of nameCandidates(row.name)) {
      const people = byName.get(candidate) ?? [];
      if (people.length === 1) return { ...base, userId: people[0] ?? null, matchedBy: 'name', problem: null };
      if (people.length > 1) ambiguous = true;
    }
    if (ambiguous) return unmatched(AMBIGUOUS_NAME);
    return unmatched(emailKey(row.email) === '' && nameKey(row.name) === '' ? EMPTY_ROW : NO_MATCH);
  });
}

/** A row to match: what `readAttendanceReport` gives, or any row with the same cells. */
export type AttendanceRowInput = Pick<AttendanceRow, 'line' | 'email' | 'name'> & { problem?: string | null };
