// Test-only helpers for the matching workspace: periods in a given status, and applications
// written straight into the `applications` table (the applications feature is tested on its own).
import type { LightMyRequestResponse } from 'fastify';
import type { Deps } from '../../src/deps.ts';
import { insertPeriod, setPeriodStatus } from '../../src/features/periods/periods.store.ts';
import { waitForRun } from '../../src/features/matching-runs/run-executor.ts';
import type { ApplicationAnswers } from '../../src/shared/api/applications.ts';
import type { MatchingRun } from '../../src/shared/api/matching.ts';
import type { ApplicationRole, ApplicationStatus } from '../../src/shared/application-vocabulary.ts';
import type { PeriodStatus } from '../../src/shared/period-status.ts';
import { createPerson } from '../setup/test-app.ts';
import type { Client } from '../setup/test-app.ts';

export const DATES = {
  applicationsOpenOn: '2026-08-01',
  applicationsCloseOn: '2026-08-25',
  matchesAnnouncedOn: '2026-09-15',
  programEndsOn: '2027-08-31',
  surveyOpensOn: '2027-08-01',
  surveyClosesOn: '2027-08-21',
};

const PATH: PeriodStatus[] = ['draft', 'applications_open', 'matching', 'active'];
let periodSeq = 0;

/** A period moved straight to `status` (the periods feature tests its own transitions). */
export async function periodIn(deps: Deps, status: PeriodStatus = 'matching'): Promise<number> {
  periodSeq += 1;
  const at = deps.clock.now().toISOString();
  const id = await insertPeriod(deps.db, { name: `Matching period ${periodSeq}`, ...DATES, at });
  for (let k = 1; k <= PATH.indexOf(status); k++)
    await setPeriodStatus(deps.db, id, PATH[k - 1] as PeriodStatus, PATH[k] as PeriodStatus, at);
  return id;
}

export interface Applicant {
  applicationId: number;
  userId: number;
  name: string;
  email: string;
  role: ApplicationRole;
  answers: ApplicationAnswers;
}

const FIRST = [
  'Aisha',
  'Ben',
  'Carmen',
  'Deepa',
  'Elliot',
  'Fatima',
  'Gabriel',
  'Hana',
  'Isaac',
  'Jasmine',
  'Kwame',
  'Leila',
  'Mateo',
  'Nadia',
  'Owen',
  'Paloma',
];
const LAST = ['Abara', 'Baptiste', 'Castillo', 'Dubois', 'Eriksen', 'Fujita', 'Garcia', 'Haddad', 'Ivanova', 'Johnson', 'Kowalski', 'Lee'];
const INTERESTS = [
  'storytime',
  'early literacy',
  'teen services',
  'outreach',
  'STEM programming',
  'summer reading',
  'collection development',
  'graphic novels',
  'grant writing',
  'advocacy',
];
const PLACES: [string, string][] = [
  ['US-IL', 'America/Chicago'],
  ['US-NY', 'America/New_York'],
  ['US-WA', 'America/Los_Angeles'],
  ['CA-ON', 'America/Toronto'],
  ['US-TX', 'America/Chicago'],
];
const CHANNEL_SETS: ApplicationAnswers['channels'][] = [
  ['video', 'email'],
  ['phone', 'email'],
  ['video', 'chat'],
  ['email'],
  ['phone', 'video'],
];
const WORKPLACES: ApplicationAnswers['workplaceType'][] = ['public', 'public', 'school', 'academic', 'public', 'special'];
let personSeq = 0;

/** Plausible answers for the k-th applicant of a role; `overrides` wins. */
export function answersFor(role: ApplicationRole, k: number, overrides: Partial<ApplicationAnswers> = {}): ApplicationAnswers {
  const [region, timeZone] = PLACES[k % PLACES.length] as [string, string];
  const mentor = role === 'mentor';
  return {
    phone: k % 3 === 0 ? '' : `+1 312 555 0${100 + k}`,
    jobTitle: mentor ? 'Head of Youth Services' : "Children's Librarian",
    employer: mentor ? `Mentor Library ${k}` : `Mentee Library ${k}`,
    workplaceType: WORKPLACES[k % WORKPLACES.length] as ApplicationAnswers['workplaceType'],
    yearsExperience: mentor ? 9 + 3 * k : k % 4,
    careerStage: mentor ? 'senior' : 'early_career',
    region,
    timeZone,
    interests: [0, 3, 7].map((step) => INTERESTS[(k + step) % INTERESTS.length] as string),
    programGoalIds: [1 + (k % 7), 1 + ((k + 3) % 7)],
    channels: CHANNEL_SETS[k % CHANNEL_SETS.length] as ApplicationAnswers['channels'],
    meetInPerson: k % 2 === 0,
    languages: k % 4 === 1 ? ['English', 'Spanish'] : ['English'],
    hopes: mentor
      ? 'I want to give back what my own mentor gave me.'
      : 'Confidence leading storytime, and advice on my first programming budget.',
    eligibilityAnswers: { association_member: 'yes', adult_or_consent: 'yes', field_connection: 'yes' },
    confidential:
      k % 5 === 2
        ? { preferSameGender: true, gender: 'woman', notes: 'CONFIDENTIAL-NOTE: please not my former supervisor.' }
        : { preferSameGender: false, gender: '', notes: '' },
    capacity: mentor ? ([3, 3, 2, 2][k % 4] ?? 1) : 1,
    ...overrides,
  };
}

/** A new person with an application in the period, inserted as a row (status accepted by default). */
export async function addApplicant(
  deps: Deps,
  periodId: number,
  role: ApplicationRole,
  answers: ApplicationAnswers,
  status: ApplicationStatus = 'accepted',
): Promise<Applicant> {
  personSeq += 1;
  const name = `${FIRST[personSeq % FIRST.length]} ${LAST[(personSeq * 7) % LAST.length]} ${personSeq}`;
  const person = await createPerson(deps, [role], name);
  const at = deps.clock.now().toISOString();
  const row = await deps.db
    .insertInto('applications')
    .values({
      period_id: periodId,
      user_id: person.id,
      role,
      status,
      phone: answers.phone,
      job_title: answers.jobTitle,
      employer: answers.employer,
      workplace_type: answers.workplaceType,
      years_experience: answers.yearsExperience,
      career_stage: answers.careerStage,
      region: answers.region,
      country: answers.region.slice(0, 2),
      time_zone: answers.timeZone,
      interests: JSON.stringify(answers.interests),
      program_goal_ids: JSON.stringify(answers.programGoalIds),
      channels: JSON.stringify(answers.channels),
      meet_in_person: answers.meetInPerson ? 1 : 0,
      languages: JSON.stringify(answers.languages),
      hopes: answers.hopes,
      eligibility_answers: JSON.stringify(answers.eligibilityAnswers),
      confidential: JSON.stringify(answers.confidential),
      capacity: answers.capacity,
      decision_reason: null,
      carried_from_id: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { applicationId: row.id, userId: person.id, name: person.name, email: person.email, role, answers };
}

/** A pool of accepted mentees and mentors (4 mentors have 3+3+2+2 = 10 places). */
export async function seedPool(
  deps: Deps,
  periodId: number,
  size: { mentees: number; mentors: number } = { mentees: 12, mentors: 4 },
  overrides: { mentee?: (k: number) => Partial<ApplicationAnswers>; mentor?: (k: number) => Partial<ApplicationAnswers> } = {},
): Promise<{ mentees: Applicant[]; mentors: Applicant[] }> {
  const mentors: Applicant[] = [];
  for (let k = 0; k < size.mentors; k++)
    mentors.push(await addApplicant(deps, periodId, 'mentor', answersFor('mentor', k, overrides.mentor?.(k))));
  const mentees: Applicant[] = [];
  for (let k = 0; k < size.mentees; k++)
    mentees.push(await addApplicant(deps, periodId, 'mentee', answersFor('mentee', k, overrides.mentee?.(k))));
  return { mentees, mentors };
}

/** Starts a run through the API, waits for its worker, and returns the finished run. */
export async function runMatching(client: Client, deps: Deps, periodId: number, body: Record<string, unknown> = {}): Promise<MatchingRun> {
  const started = await client.post(`/api/periods/${periodId}/matching-runs`, body);
  if (started.statusCode !== 202) throw new Error(`run did not start: ${started.statusCode} ${started.body}`);
  const { id } = started.json() as MatchingRun;
  await waitForRun(deps, id);
  return (await client.get(`/api/matching-runs/${id}`)).json() as MatchingRun;
}

export const del = (client: Client, url: string): Promise<LightMyRequestResponse> => client.request('DELETE', url);
