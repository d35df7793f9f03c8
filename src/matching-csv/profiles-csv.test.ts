import { describe, expect, it } from 'vitest';
import { formatProblem, parseProfilesCsv } from './profiles-csv.ts';

describe('parseProfilesCsv', () => {
  it('reads every column, trims, splits lists, accepts BOM and CRLF, ignores unknown columns', () => {
    const text =
      '\uFEFFid,name,employer,workplace_type,years_experience,region,time_zone,interests,program_goals,channels,languages,meet_in_person,capacity,shoe_size\r\n' +
      'm1, Ana ,Oak Park PL,Public,12,US-IL,America/Chicago, storytime ; outreach ;,1;3,video;In Person,English;Spanish,YES,3,44\r\n' +
      'm2,,,,,,,,,,,,,\r\n';
    const { profiles, problems } = parseProfilesCsv(text, 'mentor', 'mentors.csv');
    expect(problems).toEqual([]);
    expect(profiles[0]).toMatchObject({
      id: 'm1',
      name: 'Ana',
      workplaceType: 'public',
      yearsExperience: 12,
      timeZone: 'America/Chicago',
      interests: ['storytime', 'outreach'],
      programGoals: [1, 3],
      channels: ['video', 'in_person'],
      languages: ['English', 'Spanish'],
      meetInPerson: true,
      capacity: 3,
    });
    expect(profiles[1]).toMatchObject({ id: 'm2', capacity: 1, interests: [], meetInPerson: undefined });
  });

  it('reports every bad row with its line number', () => {
    const text = [
      'id,workplace_type,years_experience,time_zone,meet_in_person,capacity',
      'a,public,3,America/Chicago,yes,1',
      ',public,3,,,',
      'a,library,lots,Mars/Base,maybe,-1',
      '"b',
      'c",school,1,,,1.5',
    ].join('\n');
    const { profiles, problems } = parseProfilesCsv(text, 'mentor', 'mentors.csv');
    expect(profiles).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'mentors.csv:3: id: missing id',
      'mentors.csv:4: id: duplicate id "a" (first on line 2)',
      'mentors.csv:4: workplace_type: unknown workplace type "library" (expected public, school, academic, special, other)',
      'mentors.csv:4: years_experience: not a number of years: "lots"',
      'mentors.csv:4: time_zone: unknown time zone "Mars/Base"',
      'mentors.csv:4: capacity: not a whole number of mentees: "-1"',
      'mentors.csv:4: meet_in_person: expected yes or no, got "maybe"',
      'mentors.csv:5: capacity: not a whole number of mentees: "1.5"',
    ]);
  });

  it('needs an id column and valid CSV', () => {
    expect(parseProfilesCsv('name\nx\n', 'mentee', 'f.csv').problems[0]?.message).toContain('"id"');
    expect(parseProfilesCsv('id,name\n"a,b\n', 'mentee', 'f.csv').problems[0]?.message).toContain('not valid CSV');
    expect(parseProfilesCsv('', 'mentee', 'f.csv')).toEqual({ profiles: [], problems: [] });
  });
});
