import { withoutFormulaGuard } from '../../csv/spreadsheet-cell.ts';
import { decodeCsv, MAX_IMPORT_ROWS, nextTurn, parseCsv } from '../../csv/uploaded-csv.ts';
import { RuleViolationError } from '../../errors.ts';
import { applicationAnswersSchema, applicationRoleSchema, IMPORT_FIELDS } from '../../shared/api/applications.ts';
import type { ApplicationAnswers, ImportField, ImportResult } from '../../shared/api/applications.ts';
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
 * A file can be 10 MB, and the server has one thread for everybody: the file is parsed in chunks
 * and its rows validated in slices, with a turn of the event loop in between, so other requests
 * are answered while an import runs. Each step is linear, and reading stops at the first row past
 * the limit.
 */

/** Rows validated between two turns of the event loop (see src/csv/uploaded-csv.ts). */
const ROWS_PER_SLICE = 50;

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

/** Bytes read of the file, then rows done of all rows, per step; the command line draws a progress bar from it. */
export type ImportProgress = (step: 'reading' | 'checking' | 'writing', done: number, total: number) => void;

export interface PreparedImport {
  result: Omit<ImportResult, 'counts' | 'imported'>;
  rows: ImportRow[];
}

/**
 * Runs `step` over the items in order, a slice at a time, with a turn of the event loop between
 * slices so that other requests are answered meanwhile.
 */
async function inSlices<T, R>(items: readonly T[], step: (item: T) => R, onSlice?: (done: number) => void): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_SLICE) {
    if (start > 0) await nextTurn();
    for (const item of items.slice(start, start + ROWS_PER_SLICE)) out.push(step(item));
    onSlice?.(out.length);
  }
  return out;
}

/** Reads, maps and validates the whole file. Throws only for a file that cannot be read at all. */
export async function prepareImport(
  input: { fileBase64: string; mapping?: Partial<Record<ImportField, string>> | undefined },
  program: ImportProgram,
  onProgress?: ImportProgress,
): Promise<PreparedImport> {
  return prepareImportBytes({ bytes: await decodeCsv(input.fileBase64), mapping: input.mapping }, program, MAX_IMPORT_ROWS, onProgress);
}

/** As prepareImport, for a file's checked bytes (see checkedCsvBytes) and a row limit of the caller's. */
export async function prepareImportBytes(
  input: { bytes: Buffer; mapping?: Partial<Record<ImportField, string>> | undefined },
  program: ImportProgram,
  maxRows: number,
  onProgress?: ImportProgress,
): Promise<PreparedImport> {
  // The header and one row past the limit are all it takes to know the file is too long.
  const {
    records: [header, ...records],
    more,
  } = await parseCsv(input.bytes, 1 + maxRows, onProgress && ((read, total) => onProgress('reading', read, total)));
  if (!header) throw new RuleViolationError('CSV_EMPTY', 'The file is empty: it needs a heading row and one row per application.');
  if (more) {
    const count = maxRows.toLocaleString('en-US');
    throw new RuleViolationError(
      'CSV_TOO_MANY_ROWS',
      `The file has more than ${count} rows; import at most ${count} at a time by splitting it into smaller files.`,
    );
  }
  const headings = header.cells.map((h) => h.trim());
  const mapping = input.mapping ?? automaticMapping(headings);
  const missingHeadings = Object.entries(mapping).filter(([, h]) => !headings.includes(h));
  if (missingHeadings.length > 0) {
    throw new RuleViolationError(
      'CSV_UNKNOWN_HEADING',
      `The file has no column headed ${missingHeadings.map(([, h]) => `"${h}"`).join(', ')}.`,
      missingHeadings.map(([field, h]) => ({ path: `mapping.${field}`, message: `No column is headed "${h}".` })),
    );
  }
  const unmapped = REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === undefined);
  const result = { headings, mapping, unmapped: [...unmapped] };
  // Without every required column each row would fail the same way: report the mapping instead.
  if (unmapped.length > 0) return { result: { ...result, rows: [] }, rows: [] };

  const indexOf = new Map(Object.entries(mapping).map(([field, heading]) => [field, headings.indexOf(heading)]));
  const seen = new Map<string, number>();
  // Checking a time zone builds an Intl formatter (~0.1 ms); a file names only a few zones.
  const zoneChecks = new Map<string, boolean>();
  const isTimeZone = (tz: string) => {
    let valid = zoneChecks.get(tz);
    if (valid === undefined) zoneChecks.set(tz, (valid = isValidTimeZone(tz)));
    return valid;
  };
  const rows = await inSlices(
    records,
    (r) => {
      const get = (f: ImportField) => {
        const i = indexOf.get(f);
        const cell = i === undefined ? undefined : r.cells[i];
        return cell === undefined ? undefined : withoutFormulaGuard(cell);
      };
      const row = validateRow(get, r.line, program, isTimeZone);
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
    },
    onProgress && ((done) => onProgress('checking', done, records.length)),
  );
  return { result: { ...result, rows: rows.map(({ good: _good, ...shown }) => shown) }, rows };
}
