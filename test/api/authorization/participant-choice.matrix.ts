import { Readable } from 'node:stream';
import { insertApplication } from '../../../src/features/applications/applications.store.ts';
import { saveMentorCard } from '../../../src/features/participant-choice/mentor-cards.store.ts';
import { insertMentorRequest } from '../../../src/features/participant-choice/mentor-requests.store.ts';
import { insertPeriod, setPeriodStatus } from '../../../src/features/periods/periods.store.ts';
import { writeStoredFile } from '../../../src/files/stored-files.ts';
import { testAnswers } from '../../setup/match-fixtures.ts';
import { createPerson } from '../../setup/test-app.ts';
import type { TestContext } from '../../setup/test-app.ts';
import { ownOrOther, SEED_PERIOD_ID, SIGNED_IN, STAFF_ONLY } from './matrix-kit.ts';
import type { Caller, Cell, Expectation, Fixture } from './matrix-kit.ts';

const DATES = {
  applicationsOpenOn: '2026-09-01',
  applicationsCloseOn: '2026-09-30',
  matchesAnnouncedOn: '2026-10-15',
  programEndsOn: '2027-09-30',
  surveyOpensOn: '2027-09-01',
  surveyClosesOn: '2027-09-21',
};
const DAY = 24 * 60 * 60 * 1000;

let periodSeq = 0;
/** A participant-choice period in its matching phase, of its own. */
async function choicePeriod(ctx: TestContext): Promise<number> {
  const at = ctx.deps.clock.now().toISOString();
  periodSeq += 1;
  const id = await insertPeriod(ctx.deps.db, { name: `Matrix choice ${periodSeq}`, ...DATES, matchingMode: 'participant_choice', at });
  await setPeriodStatus(ctx.deps.db, id, 'draft', 'applications_open', at);
  await setPeriodStatus(ctx.deps.db, id, 'applications_open', 'matching', at);
  return id;
}

/** A pending request in a fresh period between these two people (strangers are made for zeros). */
async function pendingRequest(ctx: TestContext, people: { menteeId: number; mentorId: number }): Promise<number> {
  const periodId = await choicePeriod(ctx);
  const at = ctx.deps.clock.now().toISOString();
  const menteeId = people.menteeId || (await createPerson(ctx.deps, ['mentee'])).id;
  const mentorId = people.mentorId || (await createPerson(ctx.deps, ['mentor'])).id;
  const application = (userId: number, role: 'mentor' | 'mentee') =>
    insertApplication(ctx.deps.db, {
      periodId,
      userId,
      role,
      status: 'accepted',
      answers: testAnswers({ employer: `Library ${userId}` }),
      at,
    });
  return insertMentorRequest(ctx.deps.db, {
    periodId,
    menteeUserId: menteeId,
    mentorUserId: mentorId,
    menteeApplicationId: await application(menteeId, 'mentee'),
    mentorApplicationId: await application(mentorId, 'mentor'),
    note: 'Would you be my mentor?',
    expiresAt: new Date(ctx.deps.clock.now().getTime() + 7 * DAY).toISOString(),
    at,
  });
}

/**
 * `own`: a request to the caller as its mentor (`side` 'mentor') or from the caller as its mentee;
 * `other`: a request between two other people.
 */
const requestTargets = (side: 'mentor' | 'mentee') => async (ctx: TestContext, f: Fixture) => ({
  own: await pendingRequest(ctx, side === 'mentor' ? { menteeId: 0, mentorId: f.ownId } : { menteeId: f.ownId, mentorId: 0 }),
  other: await pendingRequest(ctx, { menteeId: 0, mentorId: 0 }),
});

/** A small stored photo on this person's mentor card. */
async function photoOf(ctx: TestContext, userId: number): Promise<void> {
  const { key } = await writeStoredFile(ctx.deps.config.uploadDir, Readable.from([Buffer.from('RIFF0000WEBPVP8 ')]));
  await saveMentorCard(ctx.deps.db, {
    userId,
    offer: '',
    photoKey: key,
    photoAlt: 'Portrait',
    updatedAt: ctx.deps.clock.now().toISOString(),
  });
}

/**
 * `own`: the caller's own card photo; `other`: the photo of a mentor in the seed period, a
 * committee period, whom nobody in the matrix is choosing from.
 */
async function photoTargets(ctx: TestContext, f: Fixture): Promise<{ own: number; other: number }> {
  const own = f.ownId || (await createPerson(ctx.deps, ['mentor'])).id;
  await photoOf(ctx, own);
  const other = (await createPerson(ctx.deps, ['mentor'])).id;
  await insertApplication(ctx.deps.db, {
    periodId: SEED_PERIOD_ID,
    userId: other,
    role: 'mentor',
    status: 'accepted',
    answers: testAnswers(),
    at: ctx.deps.clock.now().toISOString(),
  });
  await photoOf(ctx, other);
  return { own, other };
}

/** The request's own party (or staff, stepping in); for anyone else it does not exist. */
const PARTY_OR_STAFF: Record<Caller, Expectation> = { ...ownOrOther('ok', 404), anonymous: 401, staff: 'ok' };
/** A card's photo: its mentor, staff and the committee; a mentee only while choosing in the mentor's period. */
const PHOTO_VIEWERS: Record<Caller, Expectation> = { ...ownOrOther('ok', 404), anonymous: 401, staff: 'ok', committee: 'ok' };

/** Routes of participant choice (suggestions, mentor requests, mentor cards, wishes): who may call them. */
export const participantChoiceMatrix: Record<string, Cell> = {
  'GET /api/my/suggestions': { url: () => '/api/my/suggestions', expect: SIGNED_IN },
  'GET /api/my/mentor-requests': { url: () => '/api/my/mentor-requests', expect: SIGNED_IN },
  // Signed in; nobody in the matrix is choosing, so the service answers 409 NOT_CHOOSING.
  'POST /api/mentor-requests': {
    url: () => '/api/mentor-requests',
    body: (f) => ({ mentorId: f.otherId, note: 'Would you be my mentor?' }),
    expect: SIGNED_IN,
  },
  'GET /api/mentor-requests/:id': { url: () => '/api/mentor-requests/:id', targets: requestTargets('mentor'), expect: PARTY_OR_STAFF },
  'POST /api/mentor-requests/:id/accept': {
    url: () => '/api/mentor-requests/:id/accept',
    targets: requestTargets('mentor'),
    body: () => ({ note: 'Gladly.' }),
    expect: PARTY_OR_STAFF,
  },
  'POST /api/mentor-requests/:id/decline': {
    url: () => '/api/mentor-requests/:id/decline',
    targets: requestTargets('mentor'),
    body: () => ({ note: 'Not this year.' }),
    expect: PARTY_OR_STAFF,
  },
  'POST /api/mentor-requests/:id/withdraw': {
    url: () => '/api/mentor-requests/:id/withdraw',
    targets: requestTargets('mentee'),
    expect: PARTY_OR_STAFF,
  },
  'GET /api/periods/:id/mentor-requests': { url: () => `/api/periods/${SEED_PERIOD_ID}/mentor-requests`, expect: STAFF_ONLY },
  'GET /api/my/wishes': { url: () => '/api/my/wishes', expect: SIGNED_IN },
  // Signed in; outside a hybrid period the service answers 409 NOT_CHOOSING.
  'PUT /api/my/wishes': { url: () => '/api/my/wishes', body: () => ({ mentorIds: [] }), expect: SIGNED_IN },
  'GET /api/my/mentor-card': { url: () => '/api/my/mentor-card', expect: SIGNED_IN },
  // Signed in; someone with no mentor application is told 422 NOT_A_MENTOR.
  'PUT /api/my/mentor-card': { url: () => '/api/my/mentor-card', body: () => ({ offer: 'Storytime.', photoAlt: '' }), expect: SIGNED_IN },
  'DELETE /api/my/mentor-card/photo': { url: () => '/api/my/mentor-card/photo', expect: SIGNED_IN },
  // Signed in; a JSON body is refused as 415 NOT_MULTIPART (uploads are in participant-choice.test.ts).
  'PUT /api/my/mentor-card/photo': { url: () => '/api/my/mentor-card/photo', expect: SIGNED_IN },
  'GET /api/mentor-cards/:userId/photo': { url: () => '/api/mentor-cards/:id/photo', targets: photoTargets, expect: PHOTO_VIEWERS },
};
