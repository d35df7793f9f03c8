import { parse } from 'csv-parse/sync';
import { CHANNELS } from '../shared/channels.ts';
import type { Channel, MentorProfile, WorkplaceType } from '../matching/profiles.ts';
import { WORKPLACE_TYPES } from '../matching/profiles.ts';
import { isValidTimeZone } from '../matching/time-zones.ts';

/**
 * Mentor and mentee applications from CSV text (RFC 4180, UTF-8, header row; BOM and CRLF fine).
 * Parses a string — reading the file is the caller's job. Every problem in the file is reported
 * with its line number, not just the first, so a user can fix them all in one go.
 *
 * Columns: id (required, unique), name, email, employer, workplace_type, years_experience, region,
 * time_zone, interests, program_goals, channels, languages (lists separated by ";"),
 * meet_in_person (yes|no), capacity (mentors; default 1), and the optional confidential
 * prefer_same_gender (yes|no) and gender. Unknown columns are ignored.
 */

export type ProfileKind = 'mentor' | 'mentee';

export interface CsvProblem {
  readonly file: string;
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

export interface ProfilesCsvResult {
  readonly profiles: MentorProfile[];
  readonly problems: CsvProblem[];
}

export function formatProblem(p: CsvProblem): string {
  return `${p.file}:${p.line}: ${p.column === undefined ? '' : `${p.column}: `}${p.message}`;
}

function list(value: string): string[] {
  return value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

interface Row {
  readonly record: Record<string, string | undefined>;
  readonly info: { readonly lines: number };
}

export function parseProfilesCsv(text: string, kind: ProfileKind, file: string): ProfilesCsvResult {
  const problems: CsvProblem[] = [];
  let rows: Row[];
  try {
    rows = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Row[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { profiles: [], problems: [{ file, line, message: `not valid CSV: ${(error as Error).message}` }] };
  }
  if (rows.length > 0 && !('id' in (rows[0] as Row).record)) {
    return { profiles: [], problems: [{ file, line: 1, message: 'the header has no "id" column' }] };
  }

  const seen = new Map<string, number>();
  const profiles: MentorProfile[] = [];
  const zoneValid = new Map<string, boolean>();
  const validZone = (zone: string): boolean => {
    let valid = zoneValid.get(zone);
    if (valid === undefined) zoneValid.set(zone, (valid = isValidTimeZone(zone)));
    return valid;
  };
  for (const { record, info } of rows) {
    // A quoted field may span lines; report the line the record starts on.
    let newlines = 0;
    for (const value of Object.values(record)) newlines += (value ?? '').split('\n').length - 1;
    const line = info.lines - newlines;
    const problem = (column: string, message: string): void => {
      problems.push({ file, line, column, message });
    };
    const field = (name: string): string => (record[name] ?? '').trim();
    const optional = (name: string): string | undefined => (field(name) === '' ? undefined : field(name));
    const yesNo = (name: string): boolean | undefined => {
      const value = field(name).toLowerCase();
      if (value === '') return undefined;
      if (value === 'yes') return true;
      if (value === 'no') return false;
      problem(name, `expected yes or no, got "${field(name)}"`);
      return undefined;
    };

    const id = field('id');
    if (id === '') problem('id', 'missing id');
    else if (seen.has(id)) problem('id', `duplicate id "${id}" (first on line ${seen.get(id) as number})`);
    else seen.set(id, line);

    let workplaceType: WorkplaceType | undefined;
    const workplace = field('workplace_type').toLowerCase();
    if (workplace !== '') {
      if ((WORKPLACE_TYPES as readonly string[]).includes(workplace)) workplaceType = workplace as WorkplaceType;
      else problem('workplace_type', `unknown workplace type "${field('workplace_type')}" (expected ${WORKPLACE_TYPES.join(', ')})`);
    }

    let yearsExperience: number | undefined;
    const yearsText = field('years_experience');
    if (yearsText !== '') {
      const years = Number(yearsText);
      if (!Number.isFinite(years) || years < 0 || years > 100) problem('years_experience', `not a number of years: "${yearsText}"`);
      else yearsExperience = years;
    }

    const timeZone = optional('time_zone');
    if (timeZone !== undefined && !validZone(timeZone)) problem('time_zone', `unknown time zone "${timeZone}"`);

    const programGoals: number[] = [];
    for (const item of list(field('program_goals'))) {
      const goal = Number(item);
      if (Number.isInteger(goal) && goal > 0) programGoals.push(goal);
      else problem('program_goals', `not a goal number: "${item}"`);
    }

    const channels: Channel[] = [];
    for (const item of list(field('channels'))) {
      const channel = item.toLowerCase().replace(/[\s-]+/g, '_');
      if ((CHANNELS as readonly string[]).includes(channel)) channels.push(channel as Channel);
      else problem('channels', `unknown channel "${item}" (expected ${CHANNELS.join(', ')})`);
    }

    let capacity: number | undefined;
    if (kind === 'mentor') {
      const capacityText = field('capacity');
      if (capacityText === '') capacity = 1;
      else {
        const value = Number(capacityText);
        if (!Number.isInteger(value) || value < 0 || value > 1000) problem('capacity', `not a whole number of mentees: "${capacityText}"`);
        else capacity = value;
      }
    }

    const meetInPerson = yesNo('meet_in_person');
    const preferSameGender = yesNo('prefer_same_gender');
    const gender = optional('gender');

    profiles.push({
      id,
      name: optional('name'),
      email: optional('email'),
      employer: optional('employer'),
      workplaceType,
      yearsExperience,
      region: optional('region'),
      timeZone: timeZone !== undefined && validZone(timeZone) ? timeZone : undefined,
      interests: list(field('interests')),
      programGoals,
      channels,
      languages: list(field('languages')),
      meetInPerson,
      ...(preferSameGender !== undefined || gender !== undefined ? { preferences: { preferSameGender, gender } } : {}),
      ...(kind === 'mentor' ? { capacity } : {}),
    });
  }
  return { profiles: problems.length === 0 ? profiles : [], problems };
}
