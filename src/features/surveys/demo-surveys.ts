import { createJobRunner } from '../../background-jobs.ts';
import type { Deps } from '../../deps.ts';
import type { Answers, AnswerValue, Question } from '../../shared/api/surveys.ts';
import { mulberry32, pick, pickSome } from '../../shared/seeded-random.ts';
import type { RespondentRole } from '../../shared/surveys.ts';
import { DAY_MS, fixedClock } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { insertUser } from '../accounts/people.service.ts';
import { insertApplication } from '../applications/applications.service.ts';
import { syncParticipantRoles } from '../applications/participant-roles.ts';
import { demoApplicants } from '../demo/demo-applicants.ts';
import { endMatchRow, insertMatch } from '../matches/matches.service.ts';
import { listProgramGoals } from '../programs/program.service.ts';
import { saveSurveyDraft, submitSurvey } from './survey-answers.service.ts';
import { listSurveyInvitations } from './survey-invitations.store.ts';
import { questionsFor } from './survey.rules.ts';
import { createSurvey, publishSurvey } from './surveys.service.ts';

/**
 * The demo's surveys, made through the real use cases on clocks set back in time: last year's
 * cohort answered its wrap-up survey (closed, with results to read), and the cohort in the middle
 * of its year has an open mid-point check-in that the demo mentee has started but not sent.
 */

const SEED = 2024;

/** Things people wrote, in their own voice: a handful per free-text question. */
const COMMENTS: Record<string, readonly string[]> = {
  'went-well': [
    'Having someone outside my library to think out loud with. Our monthly calls were the highlight of my month.',
    'My mentor helped me prepare for my first interview panel and I got the job.',
    'We set small goals early and actually met them, which kept us going.',
    'Honest conversations about burnout and how to say no to extra projects.',
    'I learned as much as my mentee did, especially about new teen programming ideas.',
    'The goal sheet gave our first meetings a shape; after that it came naturally.',
    'Meeting in person at the state conference after months of video calls.',
    'Practical help with grant writing, with real examples.',
    'Feeling that someone senior in the field was on my side.',
    'We both kept the calendar invites, so we never lost touch.',
  ],
  'went-badly': [
    'Our schedules clashed for most of the spring and we went six weeks without talking.',
    'I was not sure how much I was allowed to ask for at the start.',
    'The forums were at a time I could never make from the west coast.',
    'We drifted after the goals were met and did not set new ones.',
    'It took a month to get the first meeting on the calendar.',
    'My mentee changed jobs halfway and we had to start over on goals.',
    'I would have liked more guidance on ending the year well.',
  ],
  suggestions: [
    'Record every forum so people in other time zones can watch later.',
    'A mid-year nudge to revisit the goal sheet would help.',
    'Offer an evening option for trainings.',
    'Let pairs see a short list of conversation starters for the first call.',
    'A closing event for all pairs at the end of the year.',
    'More mentors from school libraries, please.',
    'A short guide for mentors on giving feedback.',
  ],
  'tell-the-office': [
    'All good so far, thank you.',
    'We could use ideas for what to talk about now that our first goal is done.',
    'The training recordings have been really useful.',
    'My partner has been hard to reach this month; we will try again.',
  ],
};

/** 1–5 with most people content and a few not: each question tilted its own way. */
function likert(random: () => number, tilt: number): number {
  const weights = [0.04, 0.08, 0.2, 0.4, 0.28].map((w, i) => w * (1 + tilt * (i - 2) * 0.25));
  let r = random() * weights.reduce((s, w) => s + w, 0);
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r <= 0) return i + 1;
  }
  return 5;
}

function answerTo(q: Question, random: () => number, tilt: number): AnswerValue | undefined {
  switch (q.kind) {
    case 'likert':
      return !q.required && random() < 0.15 ? undefined : likert(random, tilt);
    case 'single':
      // Earlier choices are the commoner ones; the last is often "none" or "did not".
      return q.options[Math.min(Math.floor(random() ** 1.6 * q.options.length), q.options.length - 1)];
    case 'multiple':
      return pickSome(random, q.options, 1 + Math.floor(random() * 3));
    case 'number':
      return Math.max(q.min ?? 0, Math.min(q.max ?? 100, 2 + Math.floor(random() * 10)));
    case 'short-text':
    case 'long-text': {
      const bank = COMMENTS[q.id];
      return bank && (q.required || random() < 0.55) ? pick(random, bank) : undefined;
    }
  }
}

export function demoAnswers(questions: readonly Question[], random: () => number): Answers {
  const tilt = random() * 2 - 1;
  const answers: Answers = {};
  for (const q of questions) {
    const value = answerTo(q, random, tilt);
    if (value !== undefined) answers[q.id] = value;
  }
  return answers;
}

/**
 * Last year's cohort: alumni who were matched a year ago (their matches have since ended with
 * the program year), a wrap-up survey in the period's survey window, most of them answering
 * over its weeks, reminders going out, and the survey closed.
 */
export async function seedDemoSurveys(
  deps: Deps,
  staff: Actor,
  o: {
    lastPeriod: {
      id: number;
      name: string;
      matchesAnnouncedOn: string;
      surveyOpensOn: string;
      surveyClosesOn: string;
      programEndsOn: string;
    };
    activePeriodId: number;
    passwordHash: string;
    takenEmails: ReadonlySet<string>;
    /** An instant on a calendar date in the program's zone. */
    at: (date: string, time: string) => Date;
    /** A calendar date so many days from today. */
    day: (offset: number) => string;
  },
): Promise<void> {
  const random = mulberry32(SEED);
  const on = (instant: Date): Deps => ({ ...deps, clock: fixedClock(instant) });
  const runJobs = async (d: Deps) => {
    const runner = createJobRunner(d, { workerId: 'demo' });
    for (let empty = 0; empty < 2;) empty = (await runner.runOnce(d.clock.now())).claimed === 0 ? empty + 1 : 0;
  };

  // Alumni: 16 mentors and 24 mentees matched a year ago, whose matches ended with the year.
  const goalIds = (await listProgramGoals(deps)).map((g) => g.id);
  const alumni = demoApplicants({ mentees: 40, mentors: 30, goalIds, seed: SEED }).filter((p) => !o.takenEmails.has(p.email));
  const mentors = alumni.filter((p) => p.role === 'mentor').slice(0, 16);
  const mentees = alumni.filter((p) => p.role === 'mentee').slice(0, 24);
  if (mentors.length < 16 || mentees.length < 24) throw new Error('demo: not enough alumni names');
  const matchedAt = toInstant(o.at(o.lastPeriod.matchesAnnouncedOn, '10:00'));
  const matchIds = await deps.db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    const applied = [];
    for (const person of [...mentors, ...mentees]) {
      const userId = await insertUser(trx, { email: person.email, name: person.name, passwordHash: o.passwordHash, at: matchedAt });
      const applicationId = await insertApplication(trx, {
        periodId: o.lastPeriod.id,
        userId,
        role: person.role,
        answers: person.answers,
        status: 'matched',
        at: matchedAt,
      });
      applied.push({ userId, applicationId });
    }
    for (const [k, mentee] of applied.slice(mentors.length).entries()) {
      const mentor = applied[k % mentors.length]!;
      ids.push(
        await insertMatch(trx, {
          periodId: o.lastPeriod.id,
          mentorUserId: mentor.userId,
          menteeUserId: mentee.userId,
          mentorApplicationId: mentor.applicationId,
          menteeApplicationId: mentee.applicationId,
          matchingRunId: null,
          score: 0.7 + random() * 0.25,
          explanation: 'Matched last year on shared goals and workplace.',
          at: matchedAt,
        }),
      );
    }
    return ids;
  });

  // The wrap-up survey: built and scheduled the day its window opened, invitations out at once.
  const opening = on(o.at(o.lastPeriod.surveyOpensOn, '09:00'));
  const wrapUp = await createSurvey(opening, staff, { periodId: o.lastPeriod.id, kind: 'wrap-up' });
  await publishSurvey(opening, staff, wrapUp.id);
  await runJobs(opening);

  // 34 of the 40 answer, spread over the window; the reminders reach the rest.
  const invited = await listSurveyInvitations(deps.db, wrapUp.id);
  const windowDays = Math.round((Date.parse(o.lastPeriod.surveyClosesOn) - Date.parse(o.lastPeriod.surveyOpensOn)) / DAY_MS);
  const answering = pickSome(random, invited, 34).map((person) => ({ person, day: Math.floor(random() ** 1.4 * (windowDays - 1)) }));
  answering.sort((a, b) => a.day - b.day);
  for (const { person, day } of answering) {
    const when = on(new Date(o.at(o.lastPeriod.surveyOpensOn, '12:00').getTime() + day * DAY_MS + Math.floor(random() * 8) * 3_600_000));
    await runJobs(when);
    const actor = { userId: person.userId, roles: [] };
    await submitSurvey(when, actor, wrapUp.id, demoAnswers(questionsFor(wrapUp.questions, person.role as RespondentRole), random));
  }
  await runJobs(on(o.at(o.lastPeriod.surveyClosesOn, '08:00')));

  // The program year ended for every pair.
  await deps.db.transaction().execute(async (trx) => {
    const endedAt = toInstant(o.at(o.lastPeriod.programEndsOn, '17:00'));
    for (const id of matchIds) await endMatchRow(trx, id, staff.userId, 'The program year ended.', endedAt);
    await syncParticipantRoles(
      trx,
      invited.map((i) => i.userId),
    );
  });

  // The active cohort's mid-point check-in: opened ten days ago; a third have answered, and the
  // demo mentee has a draft under way.
  const checkInDay = on(o.at(o.day(-10), '09:00'));
  const checkIn = await createSurvey(checkInDay, staff, { periodId: o.activePeriodId, kind: 'check-in' });
  await publishSurvey(checkInDay, staff, checkIn.id);
  await runJobs(checkInDay);
  const cohort = await listSurveyInvitations(deps.db, checkIn.id);
  const demoMentee = cohort.find((i) => i.email === 'mentee@demo.tandem.test');
  if (!demoMentee) throw new Error('demo: the demo mentee is not in the check-in');
  const early = cohort.filter((i) => i.email !== 'mentee@demo.tandem.test' && i.email !== 'mentor@demo.tandem.test');
  for (const [k, person] of pickSome(random, early, Math.floor(early.length / 3)).entries()) {
    const when = on(new Date(o.at(o.day(-10), '11:00').getTime() + (k % 9) * DAY_MS));
    await submitSurvey(
      when,
      { userId: person.userId, roles: [] },
      checkIn.id,
      demoAnswers(questionsFor(checkIn.questions, person.role), random),
    );
  }
  const draft = demoAnswers(questionsFor(checkIn.questions, 'mentee'), random);
  const started = Object.fromEntries(Object.entries(draft).slice(0, 2));
  await saveSurveyDraft(on(o.at(o.day(-2), '21:30')), { userId: demoMentee.userId, roles: ['mentee'] }, checkIn.id, started);
}
