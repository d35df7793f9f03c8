import { Readable } from 'node:stream';
import { insertInvitations } from '../../../src/features/events/event-invitations.store.ts';
import { replaceMedia } from '../../../src/features/events/event-media.store.ts';
import { insertEvent } from '../../../src/features/events/events.store.ts';
import { writeStoredFile } from '../../../src/files/stored-files.ts';
import type { EventAudience } from '../../../src/shared/events.ts';
import type { TestContext } from '../../setup/test-app.ts';
import { everyone, ownOrOther, SEED_PERIOD_ID, SIGNED_IN, STAFF_ONLY } from './matrix-kit.ts';
import type { Caller, Cell, Expectation, Fixture } from './matrix-kit.ts';

const HOUR = 3_600_000;

/**
 * A published event straight in the store: upcoming, or past with an uploaded recording. The
 * caller's own is one they are invited to; the other is staff-only (upcoming) or another
 * cohort's, kept to its audience (past).
 */
async function event(ctx: TestContext, o: { audience: EventAudience; invite: number; past: boolean }): Promise<number> {
  const now = ctx.deps.clock.now().getTime();
  const startsAt = new Date(o.past ? now - 3 * HOUR : now + 7 * 24 * HOUR);
  const at = new Date(now).toISOString();
  const id = await insertEvent(ctx.deps.db, {
    kind: 'forum',
    title: 'Matrix forum',
    description: '',
    time_zone: 'America/Chicago',
    start_date: startsAt.toISOString().slice(0, 10),
    start_time: '18:00',
    duration_minutes: 60,
    starts_at: startsAt.toISOString(),
    ends_at: new Date(startsAt.getTime() + HOUR).toISOString(),
    join_url: 'https://meet.example.org/j/1',
    place: '',
    audience: o.audience,
    period_id: o.audience === 'period_matches' ? SEED_PERIOD_ID : null,
    capacity: null,
    rsvp_deadline_date: null,
    rsvp_deadline_time: null,
    rsvp_deadline_at: null,
    host: '',
    status: 'published',
    uid: `matrix-${now}-${Math.random()}@tandem`,
    created_by: null,
    created_at: at,
    updated_at: at,
    published_at: at,
    cancelled_at: null,
  });
  if (o.invite > 0) await insertInvitations(ctx.deps.db, id, [o.invite], at);
  if (o.past) {
    const stored = await writeStoredFile(ctx.deps.config.uploadDir, Readable.from([Buffer.alloc(64, 1)]));
    await replaceMedia(ctx.deps.db, {
      eventId: id,
      kind: 'recording',
      url: null,
      file: { ...stored, name: 'recording.mp4', type: 'video/mp4' },
      by: 1,
      at,
    });
  }
  return id;
}

/** Upcoming: one the caller is invited to, and a staff-only one. */
const upcoming = async (ctx: TestContext, f: Fixture) => ({
  own: await event(ctx, { audience: 'everyone', invite: f.ownId, past: false }),
  other: await event(ctx, { audience: 'staff', invite: 0, past: false }),
});

/** Past with a recording: the caller's own cohort's, and another cohort's kept to its audience. */
const recorded = async (ctx: TestContext, f: Fixture) => ({
  own: await event(ctx, { audience: 'period_matches', invite: f.ownId, past: true }),
  other: await event(ctx, { audience: 'period_matches', invite: 0, past: true }),
});

/** Staff see every event; others only those they were invited to (404 for the rest). */
const INVITED_OR_STAFF: Record<Caller, Expectation> = { ...ownOrOther('ok', 404), anonymous: 401, staff: 'ok' };
/** A token nobody was sent: the same 404 for everyone, signed in or not. */
const UNKNOWN_TOKEN = 'x'.repeat(43);

const input = (f: Fixture) => ({
  kind: 'forum',
  title: `Matrix event ${f.seq}`,
  description: '',
  date: '2026-12-20',
  time: '18:00',
  timeZone: 'America/Chicago',
  durationMinutes: 60,
  joinUrl: 'https://meet.example.org/j/1',
  place: '',
  audience: 'everyone',
  periodId: null,
  capacity: null,
  rsvpDeadline: null,
  host: '',
});

/** Routes of events: who may call them. */
export const eventMatrix: Record<string, Cell> = {
  'GET /api/events': { url: () => '/api/events?when=all', expect: SIGNED_IN },
  'GET /api/events/archive': { url: () => '/api/events/archive', expect: SIGNED_IN },
  'POST /api/events': { url: () => '/api/events', body: input, expect: STAFF_ONLY },
  'GET /api/events/:id': { url: () => '/api/events/:id', targets: upcoming, expect: INVITED_OR_STAFF },
  'PATCH /api/events/:id': { url: () => '/api/events/:id', targets: upcoming, body: input, expect: STAFF_ONLY },
  'DELETE /api/events/:id': { url: () => '/api/events/:id', targets: upcoming, expect: STAFF_ONLY },
  'POST /api/events/:id/publish': { url: () => '/api/events/:id/publish', targets: upcoming, expect: STAFF_ONLY },
  'POST /api/events/:id/cancel': { url: () => '/api/events/:id/cancel', targets: upcoming, expect: STAFF_ONLY },
  'GET /api/events/:id/calendar.ics': { url: () => '/api/events/:id/calendar.ics', targets: upcoming, expect: INVITED_OR_STAFF },
  'PUT /api/events/:id/rsvp': {
    url: () => '/api/events/:id/rsvp',
    targets: upcoming,
    body: () => ({ response: 'yes' }),
    // Staff are not invited to a staff-only event they did not join: they see it, but answer nothing.
    expect: { ...ownOrOther('ok', 404), anonymous: 401, staff: { own: 'ok', other: 404 } },
  },
  'GET /api/events/:id/attendees': { url: () => '/api/events/:id/attendees', targets: upcoming, expect: STAFF_ONLY },
  'PUT /api/events/:id/attendance': {
    url: () => '/api/events/:id/attendance',
    targets: recorded,
    body: (f) => ({ marks: [{ userId: f.otherId, attended: true }] }),
    expect: STAFF_ONLY,
  },
  'POST /api/events/:id/attendance/import': {
    url: () => '/api/events/:id/attendance/import',
    targets: recorded,
    body: () => ({ fileBase64: Buffer.from('Email\nnobody@example.org\n').toString('base64'), mode: 'preview' }),
    expect: STAFF_ONLY,
  },
  'PUT /api/events/:id/media/:kind': {
    url: () => '/api/events/:id/media/slides',
    targets: recorded,
    body: () => ({ url: 'https://example.org/slides' }),
    expect: STAFF_ONLY,
  },
  // Staff sending JSON here get 415 (not multipart) once past the role check.
  'POST /api/events/:id/media/:kind/upload': { url: () => '/api/events/:id/media/recording/upload', targets: recorded, expect: STAFF_ONLY },
  'DELETE /api/events/:id/media/:kind': { url: () => '/api/events/:id/media/recording', targets: recorded, expect: STAFF_ONLY },
  // Another cohort's recording, kept to its audience: 404 for all but staff.
  'GET /api/events/:id/media/:kind/file': {
    url: () => '/api/events/:id/media/recording/file',
    targets: recorded,
    expect: INVITED_OR_STAFF,
  },
  'PUT /api/events/:id/sharing': {
    url: () => '/api/events/:id/sharing',
    targets: recorded,
    body: () => ({ openToLaterCohorts: false }),
    expect: STAFF_ONLY,
  },
  'GET /api/rsvp/:token': { url: () => `/api/rsvp/${UNKNOWN_TOKEN}`, expect: everyone(404) },
  'POST /api/rsvp/:token': { url: () => `/api/rsvp/${UNKNOWN_TOKEN}`, body: () => ({ response: 'yes' }), expect: everyone(404) },
  'GET /api/me/calendar-feed': { url: () => '/api/me/calendar-feed', expect: SIGNED_IN },
  'POST /api/me/calendar-feed': { url: () => '/api/me/calendar-feed', expect: SIGNED_IN },
  'DELETE /api/me/calendar-feed': { url: () => '/api/me/calendar-feed', expect: SIGNED_IN },
  'GET /api/calendar-feeds/:token/events.ics': { url: () => `/api/calendar-feeds/${UNKNOWN_TOKEN}/events.ics`, expect: everyone(404) },
};
