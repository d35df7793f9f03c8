import type { ApplicationAnswers } from '../../shared/api/applications.ts';
import type { ApplicationRole, CareerStage, WorkplaceTypeName } from '../../shared/application-vocabulary.ts';
import type { Channel } from '../../shared/channels.ts';
import { mulberry32, pick, pickSome } from '../../shared/seeded-random.ts';

export interface DemoApplicant {
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
  'Quinn',
  'Rosa',
  'Samir',
  'Tessa',
  'Uma',
  'Victor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Anders',
  'Beatriz',
  'Chloe',
  'Dmitri',
  'Esther',
  'Farah',
  'Grace',
  'Hiro',
  'Ines',
  'Jonah',
  'Keiko',
  'Luis',
  'Maya',
  'Noor',
  'Olga',
  'Priyanka',
  'Rafael',
  'Sofia',
  'Theo',
  'Valentina',
  'Will',
  'Yara',
];
const LAST = [
  'Abara',
  'Baptiste',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fujita',
  'Garcia',
  'Haddad',
  'Ivanova',
  'Johnson',
  'Kowalski',
  'Lee',
  'Martinez',
  'Nguyen',
  'Okonkwo',
  'Patel',
  'Quintero',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Usman',
  'Vargas',
  'Williams',
  'Xu',
  'Yamamoto',
  'Zielinski',
  'Brennan',
  'Chowdhury',
  'Delgado',
  'Ferreira',
  'Gallagher',
  'Hughes',
];
/** Also the program's suggested interests (the settings' vocabulary), so the demo's words line up. */
export const INTERESTS = [
  'storytime',
  'early literacy',
  'teen services',
  'outreach',
  'STEM programming',
  'summer reading',
  'collection development',
  'graphic novels',
  'advocacy',
  'diverse books',
  'school partnerships',
  'makerspaces',
  "readers' advisory",
  'bilingual programming',
  'sensory storytime',
  'grant writing',
  'management',
  'committee service',
  'book awards',
  'homeschool services',
  'family engagement',
  'digital literacy',
];
/** Region, its time zone, and whether a big conference city is near (more in-person pairs). */
const PLACES: [string, string][] = [
  ['US-IL', 'America/Chicago'],
  ['US-IL', 'America/Chicago'],
  ['US-WI', 'America/Chicago'],
  ['US-TX', 'America/Chicago'],
  ['US-NY', 'America/New_York'],
  ['US-MA', 'America/New_York'],
  ['US-GA', 'America/New_York'],
  ['US-OH', 'America/New_York'],
  ['US-CO', 'America/Denver'],
  ['US-AZ', 'America/Phoenix'],
  ['US-CA', 'America/Los_Angeles'],
  ['US-WA', 'America/Los_Angeles'],
  ['US-OR', 'America/Los_Angeles'],
  ['CA-ON', 'America/Toronto'],
  ['CA-BC', 'America/Vancouver'],
  ['US-HI', 'Pacific/Honolulu'],
];
const EMPLOYERS = [
  'Lakeside Public Library',
  'Maple Grove Library District',
  'Riverbend Elementary',
  'North Valley Schools',
  'Harbor City Library',
  'State University Libraries',
  'Pinecrest Public Library',
  'Children’s Museum Library',
  'Westfield Unified',
  'Cedar County Library',
  'Oak Park Academy',
  'Metro Public Library',
  'Summit Regional Library',
  'Bayview Community Library',
];
const WORKPLACE: WorkplaceTypeName[] = ['public', 'public', 'public', 'school', 'school', 'academic', 'special', 'other'];
const CHANNEL_SETS: Channel[][] = [
  ['video', 'email'],
  ['email'],
  ['phone', 'email'],
  ['video', 'chat'],
  ['video', 'phone', 'email'],
  ['chat', 'email'],
];
const MENTEE_TITLES = [
  'Library Assistant',
  "Children's Librarian",
  'Youth Services Associate',
  'MLIS Student',
  'Teen Librarian',
  'School Library Aide',
];
const MENTOR_TITLES = [
  'Head of Youth Services',
  'Branch Manager',
  'School Librarian',
  'Youth Services Coordinator',
  'Library Director',
  'Senior Children’s Librarian',
];
const MENTEE_HOPES = [
  'Confidence leading storytime for large groups, and advice on my first programming budget.',
  'Help preparing for my first professional position and the interviews that come with it.',
  'A sounding board for outreach ideas to schools and families in my community.',
  'Getting involved in committee work and learning how the association runs.',
  'Learning how experienced colleagues build their collections on a small budget.',
];
const MENTOR_HOPES = [
  'I want to give back what my own mentor gave me, and learn from a newer perspective.',
  'Happy to share what twenty years of youth services taught me, the mistakes included.',
  'I enjoy helping people find their footing, and I learn something new every time.',
];

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\p{Letter}]+/gu, '')
    .toLowerCase();

/**
 * A realistic pool of applicants, the same every time: more mentees than mentors (as in the model
 * program), overlapping interests and goals, a spread of time zones, a few shared employers so
 * the conflict rule has something to do.
 */
export function demoApplicants(opts: { mentees: number; mentors: number; goalIds: readonly number[]; seed?: number }): DemoApplicant[] {
  const random = mulberry32(opts.seed ?? 20261129);
  const used = new Set<string>();
  const people: DemoApplicant[] = [];
  const make = (role: ApplicationRole, i: number): DemoApplicant => {
    let name = '';
    do name = `${pick(random, FIRST)} ${pick(random, LAST)}`;
    while (used.has(name));
    used.add(name);
    const [first, last] = name.split(' ') as [string, string];
    const [region, timeZone] = pick(random, PLACES);
    const mentor = role === 'mentor';
    const years = mentor ? 6 + Math.floor(random() * 25) : Math.floor(random() * 5);
    const stage: CareerStage = mentor
      ? years > 15
        ? 'senior'
        : 'mid_career'
      : pick(random, ['student', 'early_career', 'early_career', 'career_changer'] as const);
    const answers: ApplicationAnswers = {
      phone: random() < 0.6 ? `+1 555 01${String(10 + i).padStart(2, '0')}` : '',
      jobTitle: pick(random, mentor ? MENTOR_TITLES : MENTEE_TITLES),
      employer: stage === 'student' ? 'Graduate school' : pick(random, EMPLOYERS),
      workplaceType: pick(random, WORKPLACE),
      yearsExperience: years,
      careerStage: stage,
      region,
      timeZone,
      interests: pickSome(random, INTERESTS, 2 + Math.floor(random() * 4)),
      programGoalIds: pickSome(random, opts.goalIds, 1 + Math.floor(random() * 3)),
      channels: pick(random, CHANNEL_SETS),
      meetInPerson: random() < 0.4,
      languages: random() < 0.2 ? ['English', pick(random, ['Spanish', 'French', 'Mandarin', 'Arabic'])] : ['English'],
      hopes: pick(random, mentor ? MENTOR_HOPES : MENTEE_HOPES),
      eligibilityAnswers: mentor ? { association_member: 'yes' } : { adult_or_consent: 'yes', field_connection: 'yes' },
      confidential: { preferSameGender: random() < 0.1, gender: '', notes: '' },
      capacity: mentor ? pick(random, [1, 1, 2, 3]) : 1,
    };
    return { name, email: `${slug(first)}.${slug(last)}@demo.tandem.test`, role, answers };
  };
  for (let i = 0; i < opts.mentors; i++) people.push(make('mentor', i));
  for (let i = 0; i < opts.mentees; i++) people.push(make('mentee', opts.mentors + i));
  return people;
}
