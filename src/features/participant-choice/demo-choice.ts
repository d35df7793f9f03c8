import type { Deps } from '../../deps.ts';
import type { ApplicationAnswers } from '../../shared/api/applications.ts';
import type { CareerStage, WorkplaceTypeName } from '../../shared/application-vocabulary.ts';
import type { Channel } from '../../shared/channels.ts';
import { fixedClock } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { insertUser } from '../accounts/people.service.ts';
import { insertApplication } from '../applications/applications.service.ts';
import { syncParticipantRoles } from '../applications/participant-roles.ts';
import { createPeriod, transitionPeriod } from '../periods/periods.service.ts';
import { listProgramGoals } from '../programs/program.service.ts';
import { updateMyMentorCard } from './mentor-cards.service.ts';
import { acceptMentorRequest, askMentor, declineMentorRequest } from './mentor-requests.service.ts';

/**
 * The demo's third period, where mentees choose their mentor: applications are open, twelve
 * mentors have room and have written their cards, one mentor is already full (a mentee asked
 * her and she accepted), one mentee was kindly declined and has asked someone else since, and
 * `chooser@demo.tandem.test` is an accepted mentee who has asked nobody yet: she signs in to
 * compare her suggestions and ask one. Every request goes through the services, on a clock set
 * to when it happened, so history, e-mails and statuses are exactly the app's.
 */

export const DEMO_CHOOSER_EMAIL = 'chooser@demo.tandem.test';

/** Days before today (negative) on which things happened. */
const CREATED_DAY = -23;
const OPEN_DAY = -22;

/** The program goals the demo people name, by title (the program's default goals). */
const GOALS = {
  confidence: 'Grow early-career confidence',
  connections: 'Build lasting connections',
  peers: 'Learn from peers',
  renew: 'Renew experienced members',
  committee: 'Open the door to committee service',
  competencies: "Know the profession's competencies",
  leaders: 'Develop future leaders',
} as const;
type Goal = keyof typeof GOALS;

interface Person {
  name: string;
  email: string;
  jobTitle: string;
  employer: string;
  workplaceType: WorkplaceTypeName;
  years: number;
  stage: CareerStage;
  region: string;
  timeZone: string;
  interests: string[];
  goals: Goal[];
  channels: Channel[];
  meetInPerson: boolean;
  languages: string[];
  hopes: string;
  phone?: string;
}

interface Mentor extends Person {
  capacity: number;
  /** Their card's "what I offer", in their words. */
  offer: string;
}

const email = (local: string) => `${local}@demo.tandem.test`;

/** The twelve mentors with room, then the one who is full. */
const MENTORS: Mentor[] = [
  {
    name: 'Graciela Montoya',
    email: email('graciela.montoya'),
    jobTitle: 'Head of Children’s Services',
    employer: 'Las Cruces Public Libraries',
    workplaceType: 'public',
    years: 17,
    stage: 'senior',
    region: 'US-NM',
    timeZone: 'America/Denver',
    interests: ['bilingual programming', 'early literacy', 'family engagement', 'storytime'],
    goals: ['confidence', 'leaders'],
    channels: ['video', 'phone', 'email'],
    meetInPerson: false,
    languages: ['English', 'Spanish'],
    capacity: 2,
    hopes: 'I had a wonderful mentor when I started, and I would like to be that person for someone else.',
    offer:
      'I started our bilingual storytime with six families and a borrowed guitar; fifteen years later it fills the auditorium. I can help you plan a bilingual program from the first flyer to the budget request, and practise the conversation with your manager that gets it funded. I remember how lonely the first years can feel, so expect a mentor who answers e-mails and celebrates small wins. Video every other week, in English or en español.',
  },
  {
    name: 'Ngozi Adeyemi',
    email: email('ngozi.adeyemi'),
    jobTitle: 'Outreach Services Manager',
    employer: 'Houston Public Library',
    workplaceType: 'public',
    years: 12,
    stage: 'mid_career',
    region: 'US-TX',
    timeZone: 'America/Chicago',
    interests: ['outreach', 'family engagement', 'early literacy', 'grant writing'],
    goals: ['confidence', 'peers', 'leaders'],
    channels: ['video', 'email'],
    meetInPerson: false,
    languages: ['English', 'Yoruba'],
    capacity: 3,
    hopes: 'Mentoring keeps me honest about why I do this work. I learn as much as I teach.',
    offer:
      'I take the library to laundromats, clinics and apartment courtyards, and I would love to show you how. Bring a community you want to reach and we will map partners, write a one-page pitch and find a small grant to pay for it. I have written more than twenty grant applications; about half were funded, and I will share the ones that were not, too. I am good at turning big ideas into a plan for next Tuesday.',
  },
  {
    name: 'Tuấn Phạm',
    email: email('tuan.pham'),
    jobTitle: 'Family Literacy Coordinator',
    employer: 'San José Public Library',
    workplaceType: 'public',
    years: 9,
    stage: 'mid_career',
    region: 'US-CA',
    timeZone: 'America/Los_Angeles',
    interests: ['family engagement', 'bilingual programming', 'outreach', 'digital literacy'],
    goals: ['confidence', 'leaders', 'peers'],
    channels: ['video', 'chat', 'email'],
    meetInPerson: false,
    languages: ['English', 'Vietnamese'],
    capacity: 2,
    hopes: 'I want to help a newer colleague feel at home in the profession, the way my first supervisor did for me.',
    offer:
      'My parents learned English at a library family night, so this work is personal. I coordinate family literacy classes in four languages and train the volunteers who teach them. I can share lesson plans, our volunteer handbook and how we measure what actually changes for families. Between calls I am happy to look at your ideas over chat, and I like mentoring that goes both ways: I will ask what you are seeing, too.',
  },
  {
    name: 'Beatriz Alvarado',
    email: email('beatriz.alvarado'),
    jobTitle: 'Teacher Librarian',
    employer: 'Denver Public Schools',
    workplaceType: 'school',
    years: 14,
    stage: 'mid_career',
    region: 'US-CO',
    timeZone: 'America/Denver',
    interests: ['school partnerships', 'diverse books', 'bilingual programming', 'early literacy'],
    goals: ['confidence', 'competencies'],
    channels: ['email', 'video'],
    meetInPerson: false,
    languages: ['English', 'Spanish'],
    capacity: 1,
    hopes: 'I would like to help public and school librarians understand each other better.',
    offer:
      'I have run the library of a dual-language elementary school for eleven years. If you want to work with schools, I can tell you what teachers actually need from the public library and how to get past the front office. Together we can build a list of bilingual and own-voices titles that children ask for again and again. I am a teacher at heart: expect homework, but the fun kind.',
  },
  {
    name: 'Walter Begay',
    email: email('walter.begay'),
    jobTitle: 'Senior Librarian',
    employer: 'Pima County Public Library',
    workplaceType: 'public',
    years: 24,
    stage: 'senior',
    region: 'US-AZ',
    timeZone: 'America/Phoenix',
    interests: ['early literacy', 'storytime', 'collection development', 'outreach'],
    goals: ['peers', 'renew', 'connections'],
    channels: ['phone', 'email', 'in_person'],
    meetInPerson: true,
    languages: ['English', 'Navajo'],
    capacity: 2,
    hopes: 'I am a few years from retiring and want to pass on what the bookmobile years taught me.',
    offer:
      'Twenty-four years of storytimes, bookmobiles and collection budgets, most of them across southern Arizona. I am a patient listener and a practical one: we will talk through what is in front of you this month. I can also share how I built a picture-book collection that reflects the Native families we serve. Happy to meet for coffee if you are near Tucson, or by phone if not.',
  },
  {
    name: 'Hyun-woo Park',
    email: email('hyunwoo.park'),
    jobTitle: 'Instruction and Outreach Librarian',
    employer: 'University of Minnesota Libraries',
    workplaceType: 'academic',
    years: 8,
    stage: 'mid_career',
    region: 'US-MN',
    timeZone: 'America/Chicago',
    interests: ['digital literacy', 'STEM programming', 'makerspaces', 'grant writing'],
    goals: ['peers', 'competencies'],
    channels: ['video', 'chat'],
    meetInPerson: false,
    languages: ['English', 'Korean'],
    capacity: 2,
    hopes: 'I would like to open the door to academic libraries for people who never thought of them.',
    offer:
      'I teach first-year students how to find and judge information, and I run the workshops in our campus makerspace. If you are curious about academic libraries, teaching digital literacy or writing your first small grant, I can help. I will share my workshop outlines and the feedback forms that changed how I teach. I keep our meetings short and regular: thirty minutes every two weeks, with a clear next step each time.',
  },
  {
    name: 'Fatou Diallo',
    email: email('fatou.diallo'),
    jobTitle: 'Head of Youth Services',
    employer: 'Brooklyn Public Library',
    workplaceType: 'public',
    years: 16,
    stage: 'senior',
    region: 'US-NY',
    timeZone: 'America/New_York',
    interests: ['diverse books', 'book awards', "readers' advisory", 'committee service'],
    goals: ['committee', 'leaders'],
    channels: ['video', 'email'],
    meetInPerson: false,
    languages: ['English', 'French', 'Wolof'],
    capacity: 1,
    hopes: 'I want more new voices on the association’s committees, and mentoring is how they get there.',
    offer:
      'I have served on two national book award committees and chaired one, so if you wonder how those decisions are made (and how to get appointed), ask me. I can help you read widely and critically, write a review editors notice, and build a collection in which every child finds themselves. I am also glad to talk about leading a team of twenty without losing your love of books.',
  },
  {
    name: 'Anneliese Bauer',
    email: email('anneliese.bauer'),
    jobTitle: 'Library Director',
    employer: 'Door County Library',
    workplaceType: 'public',
    years: 27,
    stage: 'senior',
    region: 'US-WI',
    timeZone: 'America/Chicago',
    interests: ['management', 'advocacy', 'grant writing', 'committee service'],
    goals: ['leaders', 'committee', 'renew'],
    channels: ['phone', 'email', 'video'],
    meetInPerson: true,
    languages: ['English', 'German'],
    capacity: 3,
    hopes: 'The field needs leaders who came up through youth services. I want to help grow them.',
    offer:
      'I have directed a rural library system for twelve years, after starting in children’s services. I can help with the parts of leadership nobody teaches: budgets, boards, difficult conversations and speaking up for the library at county meetings. If you wonder whether management is for you, let us talk it through honestly. I mentor mostly by phone, and I am a good person to call before a hard meeting.',
  },
  {
    name: 'Rohan Mehta',
    email: email('rohan.mehta'),
    jobTitle: 'Digital Services Librarian',
    employer: 'Toronto Public Library',
    workplaceType: 'public',
    years: 10,
    stage: 'mid_career',
    region: 'CA-ON',
    timeZone: 'America/Toronto',
    interests: ['digital literacy', 'STEM programming', 'makerspaces', 'teen services'],
    goals: ['confidence', 'peers'],
    channels: ['video', 'chat', 'email'],
    meetInPerson: false,
    languages: ['English', 'Hindi', 'Gujarati'],
    capacity: 3,
    hopes: 'I got into tech programming by accident and would love to make the path less accidental for others.',
    offer:
      'I run the teen digital innovation hub at a busy branch: 3D printers, music recording, coding clubs and a lot of broken headphones. I can help you start a makerspace program with almost no budget, keep teens coming back, and train colleagues who are nervous about technology. I answer chat messages quickly and love a good troubleshooting session.',
  },
  {
    name: 'Sione Taufa',
    email: email('sione.taufa'),
    jobTitle: 'School Library Media Specialist',
    employer: 'Granite School District',
    workplaceType: 'school',
    years: 11,
    stage: 'mid_career',
    region: 'US-UT',
    timeZone: 'America/Denver',
    interests: ['school partnerships', 'summer reading', 'storytime', 'sensory storytime'],
    goals: ['confidence', 'connections'],
    channels: ['video', 'phone'],
    meetInPerson: true,
    languages: ['English', 'Tongan'],
    capacity: 2,
    hopes: 'I want to share what I have learned about making the library a place for every child.',
    offer:
      'I have worked in three elementary libraries and built a sensory storytime with our special education team that other schools now copy. I can help you adapt programs for children with different needs, plan a summer reading push with your local branch, and keep your energy up through the school year. I am an easy-going mentor who likes to laugh: bring your questions and your stories.',
  },
  {
    name: 'Marguerite Lefebvre',
    email: email('marguerite.lefebvre'),
    jobTitle: 'Curator of Children’s Literature',
    employer: 'Northwest Children’s Literature Archive',
    workplaceType: 'special',
    years: 22,
    stage: 'senior',
    region: 'CA-BC',
    timeZone: 'America/Vancouver',
    interests: ['book awards', 'diverse books', 'collection development', 'advocacy'],
    goals: ['competencies', 'renew'],
    channels: ['email', 'video'],
    meetInPerson: false,
    languages: ['English', 'French'],
    capacity: 1,
    hopes: 'I would enjoy showing a newer colleague a corner of the profession few people know.',
    offer:
      'I look after a research collection of children’s books old and new, original illustrations and authors’ papers. If you love the history of children’s literature, or wonder what a career in a special library looks like, I would enjoy showing you. I can help you write about books, handle rare materials and think about whose stories a collection keeps. I prefer slow, thoughtful e-mails, with a video call once a month.',
  },
  {
    name: 'Jamal Robinson',
    email: email('jamal.robinson'),
    jobTitle: 'Literacy Consultant',
    employer: 'Read Together Consulting',
    workplaceType: 'other',
    years: 18,
    stage: 'senior',
    region: 'US-GA',
    timeZone: 'America/New_York',
    interests: ['homeschool services', 'family engagement', 'early literacy', 'advocacy'],
    goals: ['confidence', 'connections'],
    channels: ['phone', 'video', 'email'],
    meetInPerson: false,
    languages: ['English'],
    capacity: 1,
    hopes: 'I left library work for consulting and want to stay close to the people doing it every day.',
    offer:
      'After fifteen years in public libraries I now help libraries and community groups design family literacy programs. I can show you how to serve homeschooling families, work with parents as partners and make a case to funders with real numbers. I will also be honest about leaving a library job and what I learned doing it. Calls work best for me, early mornings Eastern time.',
  },
  // Full: one place, taken by Leilani Kahale's request, which she accepted.
  {
    name: 'Rafaela Domínguez',
    email: email('rafaela.dominguez'),
    jobTitle: 'Branch Manager',
    employer: 'Albuquerque Bernalillo County Library',
    workplaceType: 'public',
    years: 21,
    stage: 'senior',
    region: 'US-NM',
    timeZone: 'America/Denver',
    interests: ['bilingual programming', 'teen services', 'outreach', 'management'],
    goals: ['leaders', 'confidence', 'committee'],
    channels: ['video', 'email'],
    meetInPerson: false,
    languages: ['English', 'Spanish'],
    capacity: 1,
    hopes: 'I can only take one mentee this year, and I want to give her my full attention.',
    offer:
      'I manage a branch where half our visitors are teenagers and half our programs are bilingual. I can help you plan teen programs that teens actually attend, run a branch day to day and grow into your first supervisory role. I am direct and encouraging: I will tell you what I would do, then help you do it your way. This year I have room for one mentee.',
  },
];

const CHOOSER: Person = {
  name: 'Marisol Quispe',
  email: DEMO_CHOOSER_EMAIL,
  jobTitle: 'Library Associate, Youth Services',
  employer: 'Pima County Public Library',
  workplaceType: 'public',
  years: 2,
  stage: 'early_career',
  region: 'US-AZ',
  timeZone: 'America/Phoenix',
  interests: ['bilingual programming', 'early literacy', 'family engagement', 'outreach'],
  goals: ['confidence', 'leaders'],
  channels: ['video', 'email'],
  meetInPerson: false,
  languages: ['English', 'Spanish'],
  phone: '+1 555 0190',
  hopes:
    'I lead our Spanish–English storytime and want to grow it into a family literacy program with real partners in the community. I would love a mentor who has built bilingual programming from scratch, and who can help me decide whether to start my MLIS while working full time.',
};

/** The other mentees of the period: the one who found her mentor, the one waiting for an answer, one still looking. */
const MATCHED_MENTEE: Person = {
  name: 'Leilani Kahale',
  email: email('leilani.kahale'),
  jobTitle: 'Teen Services Associate',
  employer: 'Hawaii State Public Library System',
  workplaceType: 'public',
  years: 3,
  stage: 'early_career',
  region: 'US-HI',
  timeZone: 'Pacific/Honolulu',
  interests: ['teen services', 'outreach', 'management', 'graphic novels'],
  goals: ['leaders', 'committee'],
  channels: ['video', 'email'],
  meetInPerson: false,
  languages: ['English', 'Hawaiian'],
  hopes:
    'I run our teen space on weekday afternoons and would like to manage a branch one day. I want to learn how good managers make time for programs.',
};
const WAITING_MENTEE: Person = {
  name: 'Thandiwe Nkosi',
  email: email('thandiwe.nkosi'),
  jobTitle: 'MLIS Student and Makerspace Volunteer',
  employer: 'Dominican University',
  workplaceType: 'public',
  years: 1,
  stage: 'student',
  region: 'US-IL',
  timeZone: 'America/Chicago',
  interests: ['makerspaces', 'STEM programming', 'teen services', 'digital literacy'],
  goals: ['confidence', 'peers'],
  channels: ['video', 'chat'],
  meetInPerson: false,
  languages: ['English', 'isiZulu'],
  hopes: 'I finish my MLIS in December. I want to make teen technology programs my career and would love help with my first job search.',
};
const LOOKING_MENTEE: Person = {
  name: 'Priscila Santos',
  email: email('priscila.santos'),
  jobTitle: 'School Library Assistant',
  employer: 'Miami-Dade County Public Schools',
  workplaceType: 'school',
  years: 1,
  stage: 'early_career',
  region: 'US-FL',
  timeZone: 'America/New_York',
  interests: ['school partnerships', 'summer reading', 'diverse books', 'storytime'],
  goals: ['confidence', 'competencies'],
  channels: ['email', 'video'],
  meetInPerson: false,
  languages: ['English', 'Portuguese'],
  hopes: 'I am new to school libraries and want to understand what a school librarian is expected to know, and how to work with teachers.',
};
const MENTEES = [CHOOSER, MATCHED_MENTEE, WAITING_MENTEE, LOOKING_MENTEE];

const byEmail = (list: readonly Mentor[], address: string): Mentor => {
  const found = list.find((m) => m.email === address);
  if (!found) throw new Error(`demo: no mentor ${address}`);
  return found;
};
const FULL_MENTOR = byEmail(MENTORS, email('rafaela.dominguez'));
const DECLINING_MENTOR = byEmail(MENTORS, email('hyunwoo.park'));
const ASKED_MENTOR = byEmail(MENTORS, email('rohan.mehta'));

function answersOf(p: Person, role: 'mentor' | 'mentee', goalIds: Record<Goal, number>, capacity = 1): ApplicationAnswers {
  return {
    phone: p.phone ?? '',
    jobTitle: p.jobTitle,
    employer: p.employer,
    workplaceType: p.workplaceType,
    yearsExperience: p.years,
    careerStage: p.stage,
    region: p.region,
    timeZone: p.timeZone,
    interests: p.interests,
    programGoalIds: p.goals.map((g) => goalIds[g]),
    channels: p.channels,
    meetInPerson: p.meetInPerson,
    languages: p.languages,
    hopes: p.hopes,
    eligibilityAnswers: role === 'mentor' ? { association_member: 'yes' } : { adult_or_consent: 'yes', field_connection: 'yes' },
    confidential: { preferSameGender: false, gender: '', notes: '' },
    capacity: role === 'mentor' ? capacity : 1,
  };
}

export async function seedDemoChoice(
  deps: Deps,
  staff: Actor,
  o: {
    passwordHash: string;
    /** E-mail addresses the demo uses already: none of these people may take one. */
    takenEmails: ReadonlySet<string>;
    /** The calendar date `offset` days from today, in the program's zone. */
    day: (offset: number) => string;
    /** An instant on a calendar date in the program's zone. */
    at: (date: string, time: string) => Date;
  },
): Promise<{ periodId: number; chooserEmail: string }> {
  const when = (offset: number, time: string) => o.at(o.day(offset), time);
  const onClock = (instant: Date): Deps => ({ ...deps, clock: fixedClock(instant) });
  const everyone: Person[] = [...MENTORS, ...MENTEES];
  const clash = everyone.find((p) => o.takenEmails.has(p.email));
  if (clash) throw new Error(`demo: ${clash.email} is used twice`);

  const goals = await listProgramGoals(deps);
  const goalIds = Object.fromEntries(
    Object.entries(GOALS).map(([key, title]) => {
      const goal = goals.find((g) => g.title === title);
      if (!goal) throw new Error(`demo: the program has no goal "${title}"`);
      return [key, goal.id];
    }),
  ) as Record<Goal, number>;

  const opened = o.day(OPEN_DAY);
  const period = await createPeriod(onClock(when(CREATED_DAY, '10:00')), staff, {
    name: `${o.day(0).slice(0, 4)} choose-your-mentor cohort`,
    matchingMode: 'participant_choice',
    applicationsOpenOn: opened,
    applicationsCloseOn: o.day(23),
    matchesAnnouncedOn: o.day(30),
    programEndsOn: o.day(30 + 365),
    surveyOpensOn: o.day(30 + 330),
    surveyClosesOn: o.day(30 + 355),
  });
  await transitionPeriod(onClock(when(OPEN_DAY, '09:00')), staff, period.id, 'applications_open');

  // Everyone applied in the first week and staff accepted them (as the other cohorts are seeded).
  const ids = new Map<string, number>();
  await deps.db.transaction().execute(async (trx) => {
    for (const [k, p] of everyone.entries()) {
      const at = toInstant(when(OPEN_DAY + 1 + (k % 6), `${String(8 + (k % 10)).padStart(2, '0')}:${k % 2 === 0 ? '15' : '40'}`));
      const userId = await insertUser(trx, { email: p.email, name: p.name, passwordHash: o.passwordHash, at });
      ids.set(p.email, userId);
      const mentor = MENTORS.find((m) => m.email === p.email);
      const role = mentor ? 'mentor' : 'mentee';
      const answers = answersOf(p, role, goalIds, mentor?.capacity);
      await insertApplication(trx, { periodId: period.id, userId, role, answers, status: 'accepted', at });
    }
    await syncParticipantRoles(trx, ids.values());
  });
  const actor = (p: Person, role: 'mentor' | 'mentee'): Actor => {
    const userId = ids.get(p.email);
    if (userId === undefined) throw new Error(`demo: ${p.email} was not created`);
    return { userId, roles: [role] };
  };

  // Once accepted, each mentor wrote what they offer on their card.
  for (const [k, m] of MENTORS.entries()) {
    await updateMyMentorCard(onClock(when(-16 + (k % 4), `${String(12 + (k % 8)).padStart(2, '0')}:05`)), actor(m, 'mentor'), {
      offer: m.offer,
      photoAlt: '',
    });
  }

  // Leilani asked Rafaela, who had one place, and she said yes the next morning: Rafaela is full.
  const leilani = actor(MATCHED_MENTEE, 'mentee');
  const asked = await askMentor(onClock(when(-12, '20:15')), leilani, {
    mentorId: actor(FULL_MENTOR, 'mentor').userId,
    note: 'Hi Rafaela, I read your card twice! I run our teen space on weekday afternoons and hope to manage a branch one day. Your mix of teen programs and management is exactly what I want to learn. Would you be my mentor this year?',
  });
  await acceptMentorRequest(
    onClock(when(-11, '08:40')),
    actor(FULL_MENTOR, 'mentor'),
    asked.id,
    'Leilani, I would love to. Your note made my morning. Let us find a time for a first video call next week: your mornings are my lunchtime, which suits me well.',
  );

  // Thandiwe asked Hyun-woo, who kindly declined and pointed her to Rohan; she asked Rohan two days ago.
  const thandiwe = actor(WAITING_MENTEE, 'mentee');
  const first = await askMentor(onClock(when(-9, '21:05')), thandiwe, {
    mentorId: actor(DECLINING_MENTOR, 'mentor').userId,
    note: 'Hello Hyun-woo, I am finishing my MLIS and volunteer in a public library makerspace. I would love to learn how you teach digital literacy workshops, and whether an academic library could be a home for me. Would you consider mentoring me?',
  });
  await declineMentorRequest(
    onClock(when(-8, '12:30')),
    actor(DECLINING_MENTOR, 'mentor'),
    first.id,
    'Thandiwe, thank you for such a thoughtful note; it made my day. I start a research leave next month and could not give you the time you deserve. Rohan Mehta runs exactly the kind of teen makerspace you describe, and I think you two would get on brilliantly. I am cheering for you.',
  );
  await askMentor(onClock(when(-2, '18:45')), thandiwe, {
    mentorId: actor(ASKED_MENTOR, 'mentor').userId,
    note: 'Hi Rohan, Hyun-woo Park suggested I write to you. I volunteer in a library makerspace and want to make teen technology programs my career. Your line about starting with almost no budget sold me! Would you have room for me this year?',
  });

  return { periodId: period.id, chooserEmail: DEMO_CHOOSER_EMAIL };
}
