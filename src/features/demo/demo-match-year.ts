import type { Deps } from '../../deps.ts';
import { DEFAULT_WEIGHTS, proposeMatches } from '../../matching/index.ts';
import type { PairRef, ProposedPair } from '../../matching/index.ts';
import type { ApplicationAnswers } from '../../shared/api/applications.ts';
import type { Channel } from '../../shared/channels.ts';
import { mulberry32, pick, pickSome } from '../../shared/seeded-random.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { DAY_MS, fixedClock } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import { addDays, daysBetween, instantAt } from '../../time/zoned.ts';
import type { Actor } from '../accounts/actor.ts';
import { findUserIdByEmail, insertUser } from '../accounts/people.service.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { insertApplication, listMatchingPool, setApplicationStatuses } from '../applications/applications.service.ts';
import { syncParticipantRoles } from '../applications/participant-roles.ts';
import { insertMatch } from '../matches/matches.service.ts';
import { poolProfiles, profileId } from '../matching-runs/application-profiles.ts';
import { createPeriod, transitionPeriod } from '../periods/periods.service.ts';
import { getSettings, listProgramGoals } from '../programs/program.service.ts';
import { demoApplicants } from './demo-applicants.ts';
import type { DemoApplicant } from './demo-applicants.ts';
import { contactDays, contactNote } from './demo-contacts.ts';
import type { ContactPace } from './demo-contacts.ts';
import { demoPairDraft, demoSheetContent } from './demo-goal-sheets.ts';
import { insertContacts, insertSheetWithHistory, listCatalogue, listUserEmails } from './demo-match-year.store.ts';
import type { DemoContact } from './demo-match-year.store.ts';
import { sheetHistory } from './demo-sheet-history.ts';
import { seedMatchChanges } from './demo-match-changes.ts';
import { assignDemoLiaisons } from '../liaisons/demo-liaisons.ts';
import { seedDemoEvents } from '../events/demo-events.ts';
import type { SheetPlan } from './demo-sheet-history.ts';

/**
 * The demo's cohort in the middle of its year: matched about five weeks ago, so staff see goal
 * sheets in every state (some overdue), pairs that talk every week and pairs that went quiet,
 * and re-match windows closing. The committee's run paired most people on one day; a few
 * latecomers were paired by hand two weeks later, the demo mentor and mentee among them.
 * Everything is drawn from a seeded generator, so every run builds the same cohort (relative
 * to today).
 */

const SEED = 20260315;
/** Days before today: the committee's run, and the pairs made by hand for latecomers. */
const FIRST_RUN_DAY = -39;
const LATE_RUN_DAY = -25;
/** A pair made by hand before the run: 46 days ago, so its 45-day window closed yesterday. */
const EARLY_PAIR_DAY = -46;

interface Scenario {
  pace: ContactPace;
  sheet: SheetPlan;
}
const times = (n: number, s: Scenario): Scenario[] => Array.from({ length: n }, () => s);

/** How the 26 pairs of the committee's run are doing; dealt out at random. */
const FIRST_RUN: Scenario[] = [
  ...times(4, { pace: 'lively', sheet: 'acknowledged' }),
  ...times(4, { pace: 'steady', sheet: 'acknowledged' }),
  { pace: 'steady', sheet: 'acknowledged_late' },
  ...times(2, { pace: 'lively', sheet: 'submitted' }),
  ...times(2, { pace: 'steady', sheet: 'submitted' }),
  { pace: 'steady', sheet: 'submitted_late' },
  { pace: 'fading', sheet: 'submitted' },
  ...times(2, { pace: 'steady', sheet: 'returned' }),
  { pace: 'lively', sheet: 'returned' },
  ...times(2, { pace: 'steady', sheet: 'draft' }),
  ...times(2, { pace: 'fading', sheet: 'draft' }),
  { pace: 'silent', sheet: 'draft' },
  ...times(2, { pace: 'silent', sheet: 'not_started' }),
  { pace: 'fading', sheet: 'not_started' },
];
/** The latecomers other than the demo pair. */
const LATE_RUN: Scenario[] = [
  { pace: 'lively', sheet: 'submitted' },
  { pace: 'steady', sheet: 'draft' },
  { pace: 'silent', sheet: 'not_started' },
];
const FIRST_RUN_MENTEES = FIRST_RUN.length;
const FIRST_RUN_MENTORS = 22;
const LATE_MENTEES = LATE_RUN.length;

const DEMO_MENTOR = 'mentor@demo.tandem.test';
const DEMO_MENTEE = 'mentee@demo.tandem.test';

function seasonOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return month === 12 || month <= 2 ? 'winter' : month <= 5 ? 'spring' : month <= 8 ? 'summer' : 'fall';
}

interface Pair {
  matchId: number;
  matchedOn: string;
  mentorId: number;
  menteeId: number;
  mentee: ApplicationRecord;
  channels: Channel[];
  sharedGoalIds: number[];
}

/** The channels a pair would use: what both like, else the mentee's; in person only for close pairs who both want it. */
function pairChannels(mentor: ApplicationAnswers, mentee: ApplicationAnswers): Channel[] {
  const near = mentor.region === mentee.region && mentor.meetInPerson && mentee.meetInPerson;
  const usable = (c: Channel) => c !== 'in_person' || near;
  const both = mentee.channels.filter((c) => mentor.channels.includes(c) && usable(c));
  const fallback = mentee.channels.filter(usable);
  return both.length > 0 ? both : fallback.length > 0 ? fallback : ['email'];
}

export async function seedMatchYear(deps: Deps, staff: Actor, passwordHash: string): Promise<{ periodId: number }> {
  const { timeZone: tz, goalSheetDeadlineDays } = await getSettings(deps);
  const now = deps.clock.now();
  const day = (offset: number) => calendarDateIn(tz, new Date(now.getTime() + offset * DAY_MS));
  const today = day(0);
  const at = (offset: number, time: string) => instantAt(day(offset), time, tz);
  const onClock = (instant: Date) => ({ ...deps, clock: fixedClock(instant) });
  const random = mulberry32(SEED);
  const goals = await listProgramGoals(deps);
  const goalIdsInOrder = goals.map((g) => g.id);
  const goalNames = Object.fromEntries(goals.map((g) => [g.id, g.title]));

  const announced = day(FIRST_RUN_DAY);
  const period = await createPeriod(onClock(at(-101, '09:00')), staff, {
    name: `${announced.slice(0, 4)} ${seasonOf(announced)} cohort`,
    applicationsOpenOn: day(-100),
    applicationsCloseOn: day(-60),
    matchesAnnouncedOn: announced,
    programEndsOn: day(FIRST_RUN_DAY + 365),
    surveyOpensOn: day(FIRST_RUN_DAY + 330),
    surveyClosesOn: day(FIRST_RUN_DAY + 355),
  });
  await transitionPeriod(onClock(at(-100, '09:00')), staff, period.id, 'applications_open');

  // People new to the demo: the generator's names, minus any the open cohort already uses.
  const taken = await listUserEmails(deps.db);
  const fresh = demoApplicants({ mentees: 45, mentors: 40, goalIds: goalIdsInOrder, seed: SEED }).filter((p) => !taken.has(p.email));
  const mentors = fresh.filter((p) => p.role === 'mentor');
  const mentees = fresh.filter((p) => p.role === 'mentee');
  const firstPool = [...mentors.slice(0, FIRST_RUN_MENTORS), ...mentees.slice(0, FIRST_RUN_MENTEES)];
  const latecomers = [
    ...mentors.slice(FIRST_RUN_MENTORS, FIRST_RUN_MENTORS + LATE_MENTEES),
    ...mentees.slice(FIRST_RUN_MENTEES, FIRST_RUN_MENTEES + LATE_MENTEES),
  ];
  if (firstPool.length < FIRST_RUN_MENTORS + FIRST_RUN_MENTEES || latecomers.length < 2 * LATE_MENTEES)
    throw new Error('demo: not enough new names');

  const apply = async (people: readonly DemoApplicant[], when: string) =>
    deps.db.transaction().execute(async (trx) => {
      const applicants: number[] = [];
      for (const person of people) {
        const userId =
          (await findUserIdByEmail(trx, person.email)) ??
          (await insertUser(trx, { email: person.email, name: person.name, passwordHash, at: when }));
        await insertApplication(trx, {
          periodId: period.id,
          userId,
          role: person.role,
          answers: person.answers,
          status: 'accepted',
          at: when,
        });
        applicants.push(userId);
      }
      await syncParticipantRoles(trx, applicants);
    });
  await transitionPeriod(onClock(at(-58, '09:00')), staff, period.id, 'matching');

  /** Runs the engine on the accepted pool, as the committee would, and makes its pairs into matches. */
  const pairUp = async (when: Date, locked: PairRef[], only?: readonly ApplicationRecord[]): Promise<Pair[]> => {
    const pool = only ?? (await listMatchingPool(deps.db, period.id));
    const byId = new Map(pool.map((a) => [profileId(a.id), a]));
    const proposal = proposeMatches({
      ...poolProfiles(pool),
      weights: DEFAULT_WEIGHTS,
      objective: 'most-matched',
      hardRules: { locked },
      referenceDate: when,
      goalNames,
    });
    const matchedAt = toInstant(when);
    return deps.db.transaction().execute(async (trx) => {
      const pairs: Pair[] = [];
      const matched = new Set<number>();
      for (const p of proposal.pairs as readonly ProposedPair[]) {
        const mentee = byId.get(p.menteeId) as ApplicationRecord;
        const mentor = byId.get(p.mentorId) as ApplicationRecord;
        const matchId = await insertMatch(trx, {
          periodId: period.id,
          mentorUserId: mentor.userId,
          menteeUserId: mentee.userId,
          mentorApplicationId: mentor.id,
          menteeApplicationId: mentee.id,
          matchingRunId: null,
          score: p.score,
          explanation: p.explanation,
          at: matchedAt,
        });
        matched.add(mentee.id).add(mentor.id);
        pairs.push({
          matchId,
          matchedOn: calendarDateIn(tz, when),
          mentorId: mentor.userId,
          menteeId: mentee.userId,
          mentee,
          channels: pairChannels(mentor.answers, mentee.answers),
          sharedGoalIds: mentee.answers.programGoalIds.filter((id) => mentor.answers.programGoalIds.includes(id)),
        });
      }
      await setApplicationStatuses(trx, [...matched], 'accepted', 'matched', matchedAt);
      await setApplicationStatuses(
        trx,
        pool.filter((a) => !matched.has(a.id)).map((a) => a.id),
        'accepted',
        'unmatched',
        matchedAt,
      );
      await syncParticipantRoles(
        trx,
        pool.map((a) => a.userId),
      );
      return pairs;
    });
  };

  // Two returning members paired by hand a week before the run: their window closed yesterday.
  const early = [
    ...mentors.slice(FIRST_RUN_MENTORS + LATE_MENTEES, FIRST_RUN_MENTORS + LATE_MENTEES + 1),
    ...mentees.slice(FIRST_RUN_MENTEES + LATE_MENTEES, FIRST_RUN_MENTEES + LATE_MENTEES + 1),
  ];
  if (early.length < 2) throw new Error('demo: not enough new names');
  await apply(early, toInstant(at(EARLY_PAIR_DAY - 2, '12:00')));
  const earlyApps = (await listMatchingPool(deps.db, period.id)).filter((a) => early.some((p) => p.email === a.applicantEmail));
  const earlyPair = await pairUp(
    at(EARLY_PAIR_DAY, '16:00'),
    [
      {
        menteeId: profileId(earlyApps.find((a) => a.role === 'mentee')?.id ?? 0),
        mentorId: profileId(earlyApps.find((a) => a.role === 'mentor')?.id ?? 0),
      },
    ],
    earlyApps,
  );
  await apply(firstPool, toInstant(at(-80, '12:00')));
  const firstRun = await pairUp(at(FIRST_RUN_DAY, '10:00'), []);
  await transitionPeriod(onClock(at(FIRST_RUN_DAY, '10:05')), staff, period.id, 'active');

  // Latecomers: three more pairs and the demo's own mentor and mentee, paired by hand.
  const named = demoApplicants({ mentees: 1, mentors: 1, goalIds: goalIdsInOrder, seed: 7 });
  const g = (k: number) => goalIdsInOrder[k] ?? goalIdsInOrder[0] ?? 1;
  const close = { region: 'US-IL', timeZone: 'America/Chicago', meetInPerson: true, channels: ['video', 'email'] as Channel[] };
  const demoPeople: DemoApplicant[] = named.map((p) =>
    p.role === 'mentor'
      ? {
          ...p,
          email: DEMO_MENTOR,
          answers: {
            ...p.answers,
            ...close,
            jobTitle: 'Head of Youth Services',
            employer: 'Lakeside Public Library',
            programGoalIds: [g(0), g(2), g(6)],
            capacity: 1,
          },
        }
      : {
          ...p,
          email: DEMO_MENTEE,
          answers: {
            ...p.answers,
            ...close,
            jobTitle: 'Library Assistant',
            employer: 'Maple Grove Library District',
            programGoalIds: [g(0), g(2), g(4)],
          },
        },
  );
  await apply([...latecomers, ...demoPeople], toInstant(at(LATE_RUN_DAY - 3, '12:00')));
  const demoApps = (await listMatchingPool(deps.db, period.id)).filter(
    (a) => a.applicantEmail === DEMO_MENTOR || a.applicantEmail === DEMO_MENTEE,
  );
  const demoMentor = demoApps.find((a) => a.role === 'mentor');
  const demoMentee = demoApps.find((a) => a.role === 'mentee');
  if (!demoMentor || !demoMentee) throw new Error('demo: the demo mentor and mentee did not apply');
  const lateRun = await pairUp(at(LATE_RUN_DAY, '14:30'), [{ menteeId: profileId(demoMentee.id), mentorId: profileId(demoMentor.id) }]);

  // The year so far: goal sheets and contacts, pair by pair.
  const catalogue = await listCatalogue(deps.db);
  const sheets: { pair: Pair; scenario: Scenario }[] = [
    ...pickSome(random, FIRST_RUN, FIRST_RUN.length).flatMap((scenario, k) => (firstRun[k] ? [{ pair: firstRun[k], scenario }] : [])),
    ...lateRun
      .filter((p) => p.mentee.id !== demoMentee.id)
      .map((pair, k) => ({ pair, scenario: LATE_RUN[k % LATE_RUN.length] as Scenario })),
    ...earlyPair.map((pair) => ({ pair, scenario: { pace: 'fading', sheet: 'submitted' } as Scenario })),
  ];
  const contacts: DemoContact[] = [];
  const contactOn = (
    pair: Pair,
    offset: number,
    channel: Channel,
    note: string,
    loggedBy: number,
    activityId: number | null,
  ): DemoContact => {
    const occurredOn = addDays(pair.matchedOn, offset);
    return { matchId: pair.matchId, loggedBy, occurredOn, channel, activityId, note, at: toInstant(instantAt(occurredOn, '20:15', tz)) };
  };

  for (const { pair, scenario } of sheets) {
    const daysSoFar = daysBetween(pair.matchedOn, today);
    for (const offset of contactDays(random, scenario.pace, daysSoFar)) {
      const fitting = catalogue.filter((a) => a.programGoalIds.some((id) => pair.sharedGoalIds.includes(id)));
      const activityId = catalogue.length > 0 && random() < 0.4 ? pick(random, fitting.length > 0 ? fitting : catalogue).id : null;
      contacts.push(
        contactOn(
          pair,
          offset,
          pick(random, pair.channels),
          contactNote(random),
          random() < 0.6 ? pair.menteeId : pair.mentorId,
          activityId,
        ),
      );
    }
    const events = sheetHistory(
      random,
      scenario.sheet,
      { matchedOn: pair.matchedOn, menteeId: pair.menteeId, mentorId: pair.mentorId },
      { staffId: staff.userId, daysSoFar, deadlineDays: goalSheetDeadlineDays, timeZone: tz },
    );
    if (events.length > 0) {
      const content = demoSheetContent(random, {
        goalIdsInOrder,
        menteeGoalIds: pair.mentee.answers.programGoalIds,
        channels: pair.channels,
        matchedOn: pair.matchedOn,
        complete: scenario.sheet !== 'draft',
      });
      await insertSheetWithHistory(deps.db, pair.matchId, content, events);
    }
  }

  // The demo pair: a hello by e-mail, a first video call, and a draft goal sheet they both worked on.
  const demoPair = lateRun.find((p) => p.mentee.id === demoMentee.id);
  if (!demoPair) throw new Error('demo: the demo pair was not matched');
  contacts.push(contactOn(demoPair, 2, 'email', 'Introductions by e-mail; we agreed to talk every other week.', demoPair.menteeId, null));
  contacts.push(
    contactOn(
      demoPair,
      11,
      'video',
      'First video call: each other’s libraries, the storytime schedule and what we hope to get out of the year.',
      demoPair.mentorId,
      null,
    ),
  );
  const stamp = (offset: number, time: string) => toInstant(instantAt(addDays(demoPair.matchedOn, offset), time, tz));
  await insertSheetWithHistory(deps.db, demoPair.matchId, demoPairDraft(goalIdsInOrder, demoPair.channels, demoPair.matchedOn), [
    { kind: 'saved', actorId: demoPair.menteeId, at: stamp(12, '21:10'), comment: null },
    { kind: 'saved', actorId: demoPair.mentorId, at: stamp(14, '07:45'), comment: null },
  ]);
  await insertContacts(deps.db, contacts);

  // The guarantee at work: a quiet pair re-matched last week, and a request waiting in the queue.
  const firstRunOf = (pace: ContactPace) => sheets.filter((x) => x.scenario.pace === pace && firstRun.includes(x.pair)).map((x) => x.pair);
  const rematched = firstRunOf('silent')[0];
  const waiting = firstRunOf('fading')[0];
  if (!rematched || !waiting) throw new Error('demo: no quiet pairs to tell the re-match story with');
  await seedMatchChanges(deps, staff, { rematched, waiting, at });
  await deps.db
    .transaction()
    .execute((trx) => assignDemoLiaisons(trx, { periodId: period.id, actorId: staff.userId, at: toInstant(at(LATE_RUN_DAY, '15:00')) }));
  await seedDemoEvents(deps, staff, { periodId: period.id, periodName: period.name, at });
  return { periodId: period.id };
}
