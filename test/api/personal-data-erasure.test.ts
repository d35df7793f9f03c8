import fs from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasePerson } from '../../src/features/personal-data/erasure.service.ts';
import { insertApplication } from '../../src/features/applications/applications.store.ts';
import { insertInvitations } from '../../src/features/events/event-invitations.store.ts';
import { insertEvent } from '../../src/features/events/events.store.ts';
import { saveMentorCard } from '../../src/features/participant-choice/mentor-cards.store.ts';
import { insertMentorRequest } from '../../src/features/participant-choice/mentor-requests.store.ts';
import { insertPeriod } from '../../src/features/periods/periods.store.ts';
import { insertSurveyInvitations } from '../../src/features/surveys/survey-invitations.store.ts';
import { insertSurvey, updateSurvey } from '../../src/features/surveys/surveys.store.ts';
import { storedFilePath, writeStoredFile } from '../../src/files/stored-files.ts';
import type { MyData } from '../../src/shared/api/personal-data.ts';
import { addDays } from '../../src/time/zoned.ts';
import { snapshotDatabase } from '../setup/database-snapshot.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch, testAnswers } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, createPerson, linkFromOutbox, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

const DATES = {
  applicationsOpenOn: '2026-08-01',
  applicationsCloseOn: '2026-08-20',
  matchesAnnouncedOn: '2026-08-25',
  programEndsOn: '2027-06-30',
  surveyOpensOn: '2027-06-01',
  surveyClosesOn: '2027-06-21',
};
const HOUR = 3_600_000;

/** Every cell of every table that contains one of these strings, as `table.column: value`. */
async function cellsContaining(ctx: TestContext, needles: readonly string[]): Promise<string[]> {
  const snapshot = await snapshotDatabase(ctx.deps.db);
  const found: string[] = [];
  for (const [table, rows] of Object.entries(snapshot)) {
    for (const json of rows) {
      const row = JSON.parse(json) as Record<string, unknown>;
      for (const [column, value] of Object.entries(row)) {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        for (const needle of needles) if (text?.includes(needle)) found.push(`${table}.${column}: ${text.slice(0, 160)}`);
      }
    }
  }
  return found;
}

describeEachDialect('erasing a person', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let staffId: number;
  let periodId: number;

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    ({ staffId } = await setUpProgram(ctx.deps));
    staff = await sessionClient(ctx, staffId);
    const period = await staff.post('/api/periods', { name: 'Erasure year', ...DATES });
    expect(period.statusCode, period.body).toBe(201);
    periodId = (period.json() as { id: number }).id;
  });
  afterAll(() => ctx.close());

  /**
   * A mentor as rich as the demo's: invited by e-mail (so the address is in the invitation, the
   * outbox and the audit log), an application with a phone and free text, an active match with a
   * goal sheet and contacts, a mentor card with a photo, a mentor request, an event answered,
   * a named and an anonymous survey answered, and a saved matching run naming them.
   */
  async function richMentor(name: string, email: string, phone: string) {
    const invite = await staff.post('/api/invitations', { email, name, roles: ['mentor'] });
    expect(invite.statusCode, invite.body).toBe(201);
    const token = await linkFromOutbox(ctx.deps, email, '/invite');
    const accepted = await new Client(ctx.app).post(`/api/invitations/${token}/accept`, { name, password: 'long enough password' });
    expect(accepted.statusCode, accepted.body).toBeLessThan(300);
    const id = (await ctx.deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const me = await sessionClient(ctx, id);

    const mentee = await createPerson(ctx.deps, ['mentee'], 'Pat Partner');
    const match = await createTestMatch(ctx.deps, {
      periodId,
      mentorId: id,
      menteeId: mentee.id,
      mentorAnswers: {
        phone,
        jobTitle: `Head librarian (${name})`,
        employer: 'Springfield Public Library',
        hopes: `Reach me at ${email} or ${phone}`,
        confidential: { preferSameGender: false, gender: 'female', notes: `${name} prefers mornings` },
      },
    });
    const partner = await sessionClient(ctx, mentee.id);
    const sheet = await me.request('PUT', `/api/matches/${match.id}/goal-sheet`, {
      baseRevision: 0,
      content: { goals: [], communication: { channels: ['email'], cadence: `Weekly calls; ${name} phones on ${phone}` } },
    });
    expect(sheet.statusCode, sheet.body).toBe(200);
    for (const [client, note] of [
      [me, `Coffee with Pat; ${name} brought the CV`],
      [partner, `Met ${name} at the library`],
    ] as const) {
      const c = await client.post(`/api/matches/${match.id}/contacts`, { occurredOn: '2026-09-01', channel: 'video', note });
      expect(c.statusCode, c.body).toBe(201);
    }

    // Participant choice: a card with a photo, and a request from a mentee in a choice period.
    const at = ctx.deps.clock.now().toISOString();
    const photo = await writeStoredFile(ctx.deps.config.uploadDir, Readable.from([Buffer.alloc(64, 7)]));
    await saveMentorCard(ctx.deps.db, {
      userId: id,
      offer: `I am ${name}; ask me anything`,
      photoKey: photo.key,
      photoAlt: `${name} smiling`,
      updatedAt: at,
    });
    const asker = await createPerson(ctx.deps, ['mentee'], 'Ari Asker');
    const choicePeriodId = await insertPeriod(ctx.deps.db, { name: `Choice year ${id}`, ...DATES, matchingMode: 'participant_choice', at });
    const app = (userId: number, role: 'mentor' | 'mentee') =>
      insertApplication(ctx.deps.db, {
        periodId: choicePeriodId,
        userId,
        role,
        status: 'accepted',
        answers: testAnswers(role === 'mentor' ? { phone } : {}),
        at,
      });
    await insertMentorRequest(ctx.deps.db, {
      periodId: choicePeriodId,
      menteeUserId: asker.id,
      mentorUserId: id,
      menteeApplicationId: await app(asker.id, 'mentee'),
      mentorApplicationId: await app(id, 'mentor'),
      note: `Dear ${name}, would you mentor me?`,
      expiresAt: new Date(Date.parse(at) + 7 * 24 * HOUR).toISOString(),
      at,
    });

    // An event they said yes to.
    const startsAt = new Date(Date.parse(at) + 7 * 24 * HOUR);
    const eventId = await insertEvent(ctx.deps.db, {
      kind: 'forum',
      title: 'Autumn forum',
      description: '',
      time_zone: 'America/Chicago',
      start_date: startsAt.toISOString().slice(0, 10),
      start_time: '18:00',
      duration_minutes: 60,
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + HOUR).toISOString(),
      join_url: 'https://meet.example.org/j/1',
      place: '',
      audience: 'everyone',
      period_id: null,
      capacity: null,
      rsvp_deadline_date: null,
      rsvp_deadline_time: null,
      rsvp_deadline_at: null,
      host: '',
      status: 'published',
      uid: `erasure-${id}@tandem`,
      created_by: staffId,
      created_at: at,
      updated_at: at,
      published_at: at,
      cancelled_at: null,
    });
    await insertInvitations(ctx.deps.db, eventId, [id], at);
    const rsvp = await me.request('PUT', `/api/events/${eventId}/rsvp`, { response: 'yes' });
    expect(rsvp.statusCode, rsvp.body).toBe(200);

    // Two surveys answered: one named, one anonymous.
    const today = at.slice(0, 10);
    const survey = async (named: boolean) => {
      const surveyId = await insertSurvey(
        ctx.deps.db,
        {
          period_id: periodId,
          kind: 'check-in',
          title: named ? 'Named check-in' : 'Anonymous check-in',
          intro: '',
          audience: 'both',
          named: named ? 1 : 0,
          opens_on: addDays(today, -2),
          closes_on: addDays(today, 10),
          questions: JSON.stringify([
            {
              id: 'q',
              section: '',
              kind: 'long-text',
              text: 'Anything to add?',
              help: '',
              required: true,
              audience: 'both',
              options: [],
              min: null,
              max: null,
            },
          ]),
        },
        staffId,
        at,
      );
      await updateSurvey(ctx.deps.db, surveyId, { published_at: at }, at);
      await insertSurveyInvitations(ctx.deps.db, surveyId, [{ userId: id, role: 'mentor' }], at);
      const answered = await me.post(`/api/surveys/${surveyId}/response`, {
        answers: { q: `${named ? 'Named' : 'Anonymous'}: ${name} here, call ${phone}` },
      });
      expect(answered.statusCode, answered.body).toBe(201);
    };
    await survey(true);
    await survey(false);

    // A saved matching run that names them, as the workspace keeps it.
    await ctx.deps.db
      .insertInto('matching_runs')
      .values({
        period_id: periodId,
        status: 'done',
        weights: '{}',
        objective: 'total-score',
        min_score: null,
        pool_fingerprint: 'x',
        result: JSON.stringify({ pairs: [{ mentorName: name, menteeName: 'Pat Partner' }], mentors: [{ name }] }),
        created_by: staffId,
        created_at: at,
      } as never)
      .execute();

    return { id, me, partner, match, photoKey: photo.key, menteeId: mentee.id };
  }

  it('downloads everything about the person as JSON, the partner by name only and no anonymous answer', async () => {
    const person = await richMentor('Dana Download', 'dana.download@example.org', '+1 312 555 0123');
    const res = await person.me.get('/api/my/data');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="tandem-my-data-2026-09-01.json"');
    const data = res.json() as MyData;
    expect(data.account).toMatchObject({ id: person.id, name: 'Dana Download', email: 'dana.download@example.org', roles: ['mentor'] });
    expect(data.applications).toHaveLength(2);
    expect(JSON.stringify(data.applications)).toContain('+1 312 555 0123');
    expect(JSON.stringify(data.applications)).toContain('Dana Download prefers mornings');
    expect(data.matches).toEqual([
      expect.objectContaining({ id: person.match.id, myRole: 'mentor', status: 'active', partnerName: 'Pat Partner' }),
    ]);
    expect(data.goalSheets).toEqual([expect.objectContaining({ matchId: person.match.id, status: 'draft' })]);
    expect(JSON.stringify(data.goalSheets)).toContain('Weekly calls');
    // Only the contact they logged; the partner's note is the partner's.
    expect(data.contacts.map((c) => c.note)).toEqual(['Coffee with Pat; Dana Download brought the CV']);
    expect(data.mentorCard).toEqual({ offer: 'I am Dana Download; ask me anything', photoAlt: 'Dana Download smiling', hasPhoto: true });
    expect(data.mentorRequests.received).toEqual([expect.objectContaining({ menteeName: 'Ari Asker', status: 'pending' })]);
    expect(data.events).toEqual([expect.objectContaining({ title: 'Autumn forum', rsvp: 'yes', attended: null })]);
    expect(data.surveys).toEqual([
      expect.objectContaining({
        title: 'Named check-in',
        named: true,
        answers: [{ question: 'Anything to add?', answer: 'Named: Dana Download here, call +1 312 555 0123' }],
      }),
      expect.objectContaining({ title: 'Anonymous check-in', named: false, respondedOn: '2026-09-01', answers: null }),
    ]);
    expect(data.notes.join(' ')).toMatch(/Anonymous survey answers are not included/);
    expect(data.auditLog.map((e) => e.action)).toContain('invitation.accepted');
    // Nothing of the partner but the name; nothing linkable from the anonymous survey.
    const text = res.body;
    const partnerEmail = (await ctx.deps.db.selectFrom('users').select('email').where('id', '=', person.menteeId).executeTakeFirstOrThrow())
      .email;
    expect(text).not.toContain(partnerEmail);
    expect(text).not.toContain('Anonymous: Dana');
    expect(text).not.toContain('Met Dana Download at the library');
    expect(text).not.toContain('would you mentor me');

    // Someone else's download is their own: staff get their own account, not everyone's.
    const staffData = (await staff.get('/api/my/data')).json() as MyData;
    expect(staffData.account.id).toBe(staffId);
    expect(JSON.stringify(staffData)).not.toContain('Dana Download');
    expect((await new Client(ctx.app).get('/api/my/data')).statusCode).toBe(401);
  });

  it('refuses with 409 ACTIVE_MATCH naming the match and what would happen, and changes nothing', async () => {
    const person = await richMentor('Zoë Refused', 'zoe.refused@example.org', '+1 312 555 0147');
    const before = await snapshotDatabase(ctx.deps.db);
    const res = await staff.post(`/api/people/${person.id}/erase`, {});
    expect(res.statusCode, res.body).toBe(409);
    const body = res.json() as { code: string; message: string };
    expect(body.code).toBe('ACTIVE_MATCH');
    expect(body.message).toContain(`match ${person.match.id}`);
    expect(body.message).toContain('Pat Partner');
    expect(body.message).toMatch(/ends it as staff ending a match would/);
    expect(await snapshotDatabase(ctx.deps.db)).toEqual(before);
    expect(fs.existsSync(storedFilePath(ctx.deps.config.uploadDir, person.photoKey))).toBe(true);
  });

  it('erases: no cell of any table keeps the old e-mail, name or phone; matches and counts stay without identity', async () => {
    const name = 'Zoë Łukasiewicz-Erased';
    const email = 'zoe.erased@example.org';
    const phone = '+1 312 555 0199';
    const person = await richMentor(name, email, phone);
    expect((await cellsContaining(ctx, [email])).length).toBeGreaterThan(3);

    // They look after another pair as its liaison.
    const looked = await createTestMatch(ctx.deps, { periodId });
    await ctx.deps.db.updateTable('matches').set({ liaison_user_id: person.id }).where('id', '=', looked.id).execute();

    const preview = await staff.get(`/api/people/${person.id}/erasure`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      name,
      refusal: null,
      activeMatches: [{ id: person.match.id, side: 'mentor', partnerName: 'Pat Partner' }],
    });

    const res = await staff.post(`/api/people/${person.id}/erase`, { activeMatches: 'end' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ userId: person.id, endedMatchIds: [person.match.id] });

    // The whole database, every table and column, both dialects.
    expect(await cellsContaining(ctx, [email, name, phone, encodeURIComponent(email)])).toEqual([]);

    // Kept without identity: the match (ended, as staff end one), its goal sheet and contacts, the
    // application's role and status, the event invitation and the survey answers.
    const match = await ctx.deps.db.selectFrom('matches').selectAll().where('id', '=', person.match.id).executeTakeFirstOrThrow();
    expect(match).toMatchObject({ status: 'ended', mentor_user_id: person.id, mentee_user_id: person.menteeId });
    const other = await ctx.deps.db
      .selectFrom('matches')
      .select(['status', 'liaison_user_id'])
      .where('id', '=', looked.id)
      .executeTakeFirstOrThrow();
    expect(other).toEqual({ status: 'active', liaison_user_id: null });
    expect(await ctx.deps.db.selectFrom('contacts').select('note').where('match_id', '=', person.match.id).orderBy('id').execute()).toEqual(
      [{ note: '' }, { note: 'Met Erased person at the library' }],
    );
    expect(await ctx.deps.db.selectFrom('goal_sheets').select('id').where('match_id', '=', person.match.id).execute()).toHaveLength(1);
    expect(await ctx.deps.db.selectFrom('event_invitations').select('rsvp').where('user_id', '=', person.id).execute()).toEqual([
      { rsvp: 'yes' },
    ]);
    const responses = await ctx.deps.db.selectFrom('survey_responses').select('answers').execute();
    expect(responses.filter((r) => r.answers.includes('Erased person here'))).toHaveLength(2);
    expect(await ctx.deps.db.selectFrom('survey_named_responses').selectAll().where('user_id', '=', person.id).execute()).toEqual([]);
    const user = await ctx.deps.db.selectFrom('users').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: 'Erased person', email: `erased-${person.id}@erased.invalid`, password_hash: null });
    expect(user.disabled_at).not.toBeNull();
    expect(user.erased_at).not.toBeNull();

    // Signed out everywhere; the photo file is gone; the partner heard the match ended.
    expect((await person.me.get('/api/me')).json()).toEqual({ user: null });
    expect(fs.existsSync(storedFilePath(ctx.deps.config.uploadDir, person.photoKey))).toBe(false);
    const partnerMail = await ctx.deps.db
      .selectFrom('outbox')
      .innerJoin('users', 'users.email', 'outbox.to_address')
      .select('outbox.kind')
      .where('users.id', '=', person.menteeId)
      .execute();
    expect(partnerMail.map((m) => m.kind)).toContain('match-ended');

    // Recorded in the audit log, without the old e-mail.
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.erased')
      .where('entity_id', '=', String(person.id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(staffId);
    expect(JSON.parse(audit.details)).toEqual({ endedMatchIds: [person.match.id] });

    // Done once: a second erase is a conflict, and so is the account coming back.
    const again = await staff.post(`/api/people/${person.id}/erase`, { activeMatches: 'end' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_ERASED' });
    expect((await staff.get(`/api/users/${person.id}`)).json()).toMatchObject({ name: 'Erased person', disabled: true, erased: true });
    const enable = await staff.patch(`/api/users/${person.id}`, { disabled: false });
    expect(enable.statusCode).toBe(409);
    expect(enable.json()).toMatchObject({ code: 'ERASED' });
  });

  describe('refusals', () => {
    it('cannot erase yourself, and the body is checked', async () => {
      const res = await staff.post(`/api/people/${staffId}/erase`, {});
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'CANNOT_ERASE_SELF' });
      const other = await createPerson(ctx.deps, ['mentee']);
      const bad = await staff.post(`/api/people/${other.id}/erase`, { activeMatches: 'keep' });
      expect(bad.statusCode).toBe(400);
      expect((await staff.post('/api/people/999999/erase', {})).statusCode).toBe(404);
    });

    it('of two erasures at once, one erases and the other hears it is done', async () => {
      const person = await createPerson(ctx.deps, ['mentee'], 'Twice Erased');
      const results = await Promise.all([
        staff.post(`/api/people/${person.id}/erase`, {}),
        staff.post(`/api/people/${person.id}/erase`, {}),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)?.json()).toMatchObject({ code: 'ALREADY_ERASED' });
      const audits = await ctx.deps.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'person.erased')
        .where('entity_id', '=', String(person.id))
        .execute();
      expect(audits).toHaveLength(1);
    });

    it('cannot erase the last active staff account', async () => {
      // Through HTTP the caller is an active staff member other than the person, so one always
      // stays; a caller without an account of its own (a script) meets the rule itself.
      const script = { userId: 0, roles: ['staff' as const] };
      const others = await ctx.deps.db
        .selectFrom('user_roles')
        .select('user_id')
        .where('role', '=', 'staff')
        .where('user_id', '<>', staffId)
        .execute();
      expect(others).toEqual([]);
      const before = await snapshotDatabase(ctx.deps.db);
      await expect(erasePerson(ctx.deps, script, staffId, {})).rejects.toMatchObject({ code: 'LAST_STAFF' });
      expect(await snapshotDatabase(ctx.deps.db)).toEqual(before);
    });
  });
});
