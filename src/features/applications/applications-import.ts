import { withoutFormulaGuard } from '../../csv/spreadsheet-cell.ts';
import { readCsv } from '../../csv/uploaded-csv.ts';
import type { ParsedRecord } from '../../csv/uploaded-csv.ts';
import { RuleViolationError } from '../../errors.ts';
import { applicationAnswersSchema, applicationRoleSchema, IMPORT_FIELDS } from '../../shared/api/applications.ts';
import type { ApplicationAnswers, ImportField, ImportResult } from '../../shared/api/applications.ts';
import type { ImportStep } from '../../shared/api/application-imports.ts';
import { emailSchema, personNameSchema } from '../../shared/api/common.ts';
import type { ApplicationRole } from '../../shared/application-vocabulary.ts';
import { forbiddenCharacter, forbiddenCharacterMessage } from '../../shared/text.ts';
import { isValidTimeZone } from '../../time/calendar-date.ts';
import { answerProblems } from './application.rules.ts';
import { goalIdsFromCells } from './program-goal-cells.rules.ts';
import type { GoalForCells } from './program-goal-cells.rules.ts';

/**
 * CSV import of applications, without I/O: bytes in, mapped and validated rows out. The service
 * decides what to write. Columns are the IMPORT_FIELDS; lists are separated by ";", yes/no columns
 * take yes/no (or true/false) in any case, and `program_goals` names program goals by title or by
 * id (program-goal-cells.rules.ts).
 *
 * The small import runs on the server's one thread: each row is checked as it is read, a few
 * hundred rows between two turns of the event loop, so other requests are answered while it runs.
 * The background import runs the same code in a worker thread. Each step is linear, and reading
 * stops at the first row past the limit.
 */

/**
 * What to write in a cell, said the way a spreadsheet user needs it; zod's own wording
 * ("Invalid option: expected one of …") is kept only for fields without a hint here.
 */
const CELL_HINTS: Partial<Record<string, string>> = {
  meet_in_person: 'Use yes or no.',
  workplace_type: 'Use one of: public, school, academic, special, other.',
  career_stage: 'Use one of: student, early_career, mid_career, senior, career_changer, retired.',
  years_experience: 'Use a whole number of years from 0 to 70.',
  region: 'Use a region code like US-IL or CA-ON, or a country code like GB.',
  interests: 'List at least one interest, separated by ";".',
  program_goals: 'List at least one program goal, by title or id, separated by ";".',
  channels: 'List at least one of phone; email; video; chat; in_person.',
  languages: 'List at least one language, separated by ";".',
  capacity: 'Use a whole number of mentees from 1 to 10.',
  time_zone: 'Use a time zone name like America/Chicago.',
};

/** Columns a file may leave out; every other import field must have a heading. */
const OPTIONAL_IMPORT_FIELDS: ReadonlySet<ImportField> = new Set(['phone', 'job_title', 'employer', 'hopes', 'capacity']);
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = IMPORT_FIELDS.filter((f) => !OPTIONAL_IMPORT_FIELDS.has(f));

/** Headings other tools write for the same thing, already in comparable form (see `comparable`). */
const SYNONYMS: Record<string, ImportField> = {
  emailaddress: 'email',
  mail: 'email',
  fullname: 'name',
  yourname: 'name',
  applicantname: 'name',
  applyingas: 'role',
  telephone: 'phone',
  phonenumber: 'phone',
  title: 'job_title',
  position: 'job_title',
  organization: 'employer',
  organisation: 'employer',
  librarytype: 'workplace_type',
  workplace: 'workplace_type',
  yearsofexperience: 'years_experience',
  experienceyears: 'years_experience',
  stage: 'career_stage',
  state: 'region',
  province: 'region',
  timezone: 'time_zone',
  tz: 'time_zone',
  areasofinterest: 'interests',
  expertise: 'interests',
  goals: 'program_goals',
  programgoalids: 'program_goals',
  communicationchannels: 'channels',
  preferredchannels: 'channels',
  inperson: 'meet_in_person',
  meetinperson: 'meet_in_person',
  language: 'languages',
  mentorcapacity: 'capacity',
};

/** Case, spaces, dashes and underscores do not matter: "E-mail", "email" and "E_MAIL" are one heading. */
const comparable = (s: string) => s.toLowerCase().replace(/[\s_\-.]+/g, '');

export function automaticMapping(headings: readonly string[]): Partial<Record<ImportField, string>> {
  const mapping: Partial<Record<ImportField, string>> = {};
  for (const heading of headings) {
    const key = comparable(heading);
    const field = IMPORT_FIELDS.find((f) => comparable(f) === key) ?? SYNONYMS[key];
    if (field && mapping[field] === undefined) mapping[field] = heading;
  }
  return mapping;
}

const splitList = (cell: string) =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
const asWord = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** Each import field's place in IMPORT_FIELDS. */
const FIELD_INDEX = Object.fromEntries(IMPORT_FIELDS.map((f, i) => [f, i])) as Record<ImportField, number>;

/** Answer field → the CSV field it comes from, so errors name the column staff know. */
const FIELD_OF_ANSWER: Record<string, ImportField> = {
  phone: 'phone',
  jobTitle: 'job_title',
  employer: 'employer',
  workplaceType: 'workplace_type',
  yearsExperience: 'years_experience',
  careerStage: 'career_stage',
  region: 'region',
  timeZone: 'time_zone',
  interests: 'interests',
  programGoalIds: 'program_goals',
  channels: 'channels',
  meetInPerson: 'meet_in_person',
  languages: 'languages',
  hopes: 'hopes',
  capacity: 'capacity',
};

export interface ImportRow {
  line: number;
  email: string;
  name: string;
  role: string;
  errors: { field: string; message: string }[];
  /** Present when the row is good. */
  good?: { email: string; name: string; role: ApplicationRole; answers: ApplicationAnswers };
}

export interface ImportProgram {
  goals: readonly GoalForCells[];
  channels: readonly string[];
  /** `email|role` of everyone who already applied in the period. */
  appliedKeys: ReadonlySet<string>;
}

function numberCell(cell: string | undefined): number | string | undefined {
  if (cell === undefined || cell.trim() === '') return undefined;
  return /^\s*\d+\s*$/.test(cell) ? Number(cell) : cell;
}

/**
 * Cells holding a character no stored text may hold (src/shared/text.ts), one error per column. They
 * must not reach the database — PostgreSQL refuses NUL outright, SQLite would store it.
 */
function forbiddenCells(get: (f: ImportField) => string | undefined): { field: string; message: string }[] {
  // Nearly every row has none: one look at all its cells, then one per cell only when it has.
  if (forbiddenCharacter(IMPORT_FIELDS.map((f) => get(f) ?? '').join(',')) === undefined) return [];
  return IMPORT_FIELDS.flatMap((field) => {
    const character = forbiddenCharacter(get(field) ?? '');
    return character === undefined ? [] : [{ field, message: forbiddenCharacterMessage(character) }];
  });
}

function validateRow(
  get: (f: ImportField) => string | undefined,
  line: number,
  program: ImportProgram,
  isTimeZone: (tz: string) => boolean,
): ImportRow {
  const unstorable = forbiddenCells(get);
  const errors: { field: string; message: string }[] = [];
  const rawEmail = get('email') ?? '';
  const rawName = get('name') ?? '';
  const rawRole = (get('role') ?? '').trim().toLowerCase();
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) errors.push({ field: 'email', message: 'Enter a valid e-mail address.' });
  const name = personNameSchema.safeParse(rawName);
  if (!name.success) errors.push({ field: 'name', message: name.error.issues[0]?.message ?? 'Enter a name.' });
  const role = applicationRoleSchema.safeParse(rawRole);
  if (!role.success) errors.push({ field: 'role', message: 'Use mentor or mentee.' });

  const yesNo = get('meet_in_person')?.trim().toLowerCase() ?? '';
  const goals = goalIdsFromCells(splitList(get('program_goals') ?? ''), program.goals);
  if (!goals.ok) errors.push({ field: 'program_goals', message: goals.message });
  const candidate = {
    phone: get('phone') ?? '',
    jobTitle: get('job_title') ?? '',
    employer: get('employer') ?? '',
    workplaceType: asWord(get('workplace_type') ?? ''),
    yearsExperience: numberCell(get('years_experience')),
    careerStage: asWord(get('career_stage') ?? ''),
    region: get('region') ?? '',
    timeZone: (get('time_zone') ?? '').trim(),
    interests: splitList(get('interests') ?? ''),
    programGoalIds: goals.ok ? goals.ids : [],
    channels: splitList(get('channels') ?? '').map(asWord),
    meetInPerson: YES.has(yesNo) ? true : NO.has(yesNo) ? false : yesNo,
    languages: splitList(get('languages') ?? ''),
    hopes: get('hopes') ?? '',
    ...(numberCell(get('capacity')) !== undefined && { capacity: numberCell(get('capacity')) }),
  };
  const answers = applicationAnswersSchema.safeParse(candidate);
  if (!answers.success) {
    for (const issue of answers.error.issues) {
      const field = FIELD_OF_ANSWER[String(issue.path[0])] ?? String(issue.path[0]);
      if (field === 'program_goals' && !goals.ok) continue;
      const message = CELL_HINTS[field] ?? issue.message;
      if (!errors.some((e) => e.field === field)) errors.push({ field, message });
    }
  } else {
    for (const p of answerProblems(answers.data, program, isTimeZone)) {
      errors.push({ field: FIELD_OF_ANSWER[p.path.replace('answers.', '')] ?? p.path, message: p.message });
    }
  }
  // The control character is what to fix in such a column; what else it breaks there follows from it.
  const allErrors = [...unstorable, ...errors.filter((e) => !unstorable.some((u) => u.field === e.field))];
  const row: ImportRow = {
    line,
    email: email.success ? email.data : rawEmail.trim(),
    name: rawName.trim(),
    role: rawRole,
    errors: allErrors,
  };
  if (allErrors.length === 0 && email.success && name.success && role.success && answers.success) {
    row.good = { email: email.data, name: name.data, role: role.data, answers: answers.data };
  }
  return row;
}

/** Bytes of the file read and checked, then rows written of all to write; the command line draws progress bars from it. */
export type ImportProgress = (step: ImportStep, done: number, total: number) => void;

export interface PreparedImport {
  result: Omit<ImportResult, 'counts' | 'imported'>;
  rows: ImportRow[];
}

/**
 * Reads, maps and validates a whole file, given its checked bytes (decodeCsv, checkedCsvBytes)
 * and the caller's row limit. Throws only for a file that cannot be read at all. Each row is
 * checked as it is read, so only what was made of it is kept.
 */
export async function prepareImportBytes(
  input: { bytes: Buffer; mapping?: Partial<Record<ImportField, string>> | undefined },
  program: ImportProgram,
  maxRows: number,
  onProgress?: ImportProgress,
): Promise<PreparedImport> {
  let result: PreparedImport['result'] | undefined;
  let checkRow: ((r: ParsedRecord) => ImportRow) | undefined;
  const rows: ImportRow[] = [];
  // The header and one row past the limit are all it takes to know the file is too long.
  const { more } = await readCsv(
    input.bytes,
    1 + maxRows,
    (record) => {
      if (result === undefined) {
        const header = readHeader(record, input.mapping);
        result = header.result;
        checkRow = header.checkRow;
      } else if (checkRow) {
        rows.push(checkRow(record));
      }
      // Without every required column each row would fail the same way: the rows are only read
      // (the file must still be CSV, and not too long), and the answer is the mapping to fix.
    },
    onProgress && ((read, total) => checkRow && onProgress('reading', read, total)),
  );
  if (!result) throw new RuleViolationError('CSV_EMPTY', 'The file is empty: it needs a heading row and one row per application.');
  if (more) {
    const count = maxRows.toLocaleString('en-US');
    throw new RuleViolationError(
      'CSV_TOO_MANY_ROWS',
      `The file has more than ${count} rows; import at most ${count} at a time by splitting it into smaller files.`,
    );
  }
  return { result: { ...result, rows: rows.map(({ good: _good, ...shown }) => shown) }, rows };

  /** The mapping the heading row gives, and the check of a row under it (none while fields are unmapped). */
  function readHeader(
    header: ParsedRecord,
    chosen: Partial<Record<ImportField, string>> | undefined,
  ): { result: PreparedImport['result']; checkRow?: (r: ParsedRecord) => ImportRow } {
    const headings = header.cells.map((h) => h.trim());
    const mapping = chosen ?? automaticMapping(headings);
    const missingHeadings = Object.entries(mapping).filter(([, h]) => !headings.includes(h));
    if (missingHeadings.length > 0) {
      throw new RuleViolationError(
        'CSV_UNKNOWN_HEADING',
        `The file has no column headed ${missingHeadings.map(([, h]) => `"${h}"`).join(', ')}.`,
        missingHeadings.map(([field, h]) => ({ path: `mapping.${field}`, message: `No column is headed "${h}".` })),
      );
    }
    const unmapped = REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === undefined);
    const headerResult = { headings, mapping, unmapped: [...unmapped], rows: [] };
    if (unmapped.length > 0) return { result: headerResult };
    return { result: headerResult, checkRow: rowChecker(headings, mapping, program) };
  }
}

/** Checks one record after another under a mapping: each on its own, and against the rows before it. */
function rowChecker(headings: readonly string[], mapping: Partial<Record<ImportField, string>>, program: ImportProgram) {
  // Each field's column, in IMPORT_FIELDS order; a row's cells are read and unguarded once each.
  const columns = IMPORT_FIELDS.map((f) => (mapping[f] === undefined ? -1 : headings.indexOf(mapping[f])));
  const seen = new Map<string, number>();
  // Checking a time zone builds an Intl formatter (~0.1 ms); a file names only a few zones.
  const zoneChecks = new Map<string, boolean>();
  const isTimeZone = (tz: string) => {
    let valid = zoneChecks.get(tz);
    if (valid === undefined) zoneChecks.set(tz, (valid = isValidTimeZone(tz)));
    return valid;
  };
  return (r: ParsedRecord): ImportRow => {
    const values = columns.map((i) => {
      const cell = i < 0 ? undefined : r.cells[i];
      return cell === undefined ? undefined : withoutFormulaGuard(cell);
    });
    const row = validateRow((f) => values[FIELD_INDEX[f]], r.line, program, isTimeZone);
    if (row.good) {
      const key = `${row.good.email}|${row.good.role}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        row.errors.push({ field: 'email', message: `Line ${earlier} already has a ${row.good.role} application for ${row.good.email}.` });
      else if (program.appliedKeys.has(key))
        row.errors.push({ field: 'email', message: `${row.good.email} has already applied as a ${row.good.role} in this period.` });
      else seen.set(key, r.line);
      if (row.errors.length > 0) delete row.good;
    }
    return row;
  };
}
