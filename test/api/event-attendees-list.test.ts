import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInvitations } from '../../src/features/events/event-invitations.store.ts';
import { encodeCursor } from '../../src/shared/api/list-query.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { pageThrough } from '../setup/page-through.ts';
import { buildTestApp, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

interface Row {
  userId: number;
  name: string;
  email: string;
  roles: string[];
  state: string | null;
  waitlistPosition: number | null;
  attended: boolean | null;
}
interface Page {
  event: { id: number; counts: Record<string, number> };
  attendees: Row[];
  nextCursor: string | null;
  total: number;
}

// A week before the event (18:00 in Chicago on 8 November 2026 = 00:00 UTC on the 9th).
const NOW = '2026-11-01T17:00:00.000Z';
const AFTER_IT = '2026-11-09T02:00:00.000Z';

/**
 * Who answers what, in this order. Three places: Eve's yes takes the last one, so Hal, Finn and
 * Gus (in that order, not the alphabet's) go on the waitlist. Two people share a name: the id
 * breaks the tie.
 */
const PEOPLE: [string, 'yes' | 'no' | 'maybe' | null][] = [
  ['Ana Abbott', 'yes'],
  ['Ben Baker', 'yes'],
  ['Cleo Carter', 'maybe'],
  ['Dan Dunn', 'no'],
  ['Eve Evans', 'yes'],
  ['Hal Hill', 'yes'],
  ['Finn Fox', 'yes'],
  ['Gus Green', 'yes'],
  ['Ivy Irwin', null],
  ['Sam Same', null],
  ['Sam Same', 'no'],
];

/** GET /api/events/:id/attendees: the staff's list of an event's invitees, searched, filtered and a page at a time. */
describeEachDialect("the list of an event's invitees", (db) => {
  let ctx: TestContext;
  let staff: Client;
  let staffId: number;
  let eventId: number;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    ({ staffId } = await setUpProgram(ctx.deps));
    ctx.clock.set(NOW);
    staff = await sessionClient(ctx, staffId);
    const people = [];
    for (const [name] of PEOPLE) people.push(await createPerson(ctx.deps, ['mentee'], name));
    const created = await staff.post('/api/events', {
      kind: 'forum',
      title: 'Small forum',
      description: '',
      date: '2026-11-08',
      time: '18:00',
      timeZone: 'America/Chicago',
      durationMinutes: 60,
      joinUrl: 'https://meet.example.org/j/1',
      place: '',
      audience: 'mentees',
      periodId: null,
      capacity: 3,
      rsvpDeadline: null,
      host: '',
    });
    expect(created.statusCode, created.body).toBe(201);
    eventId = created.json().id;
    expect((await staff.post(`/api/events/${eventId}/publish`)).statusCode).toBe(200);
    for (const [k, [name, response]] of PEOPLE.entries()) {
      const person = people[k]!;
      if (!ids.has(name)) ids.set(name, person.id);
      if (response === null) continue;
      const client = await sessionClient(ctx, person.id);
      const res = await client.request('PUT', `/api/events/${eventId}/rsvp`, { response, joinWaitlist: true });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Once it has happened: Ana and Cleo came, Ben did not, nobody else is marked.
    ctx.clock.set(AFTER_IT);
    staff = await sessionClient(ctx, staffId);
    const marks = [
      { userId: ids.get('Ana Abbott')!, attended: true },
      { userId: ids.get('Cleo Carter')!, attended: true },
      { userId: ids.get('Ben Baker')!, attended: false },
    ];
    const marked = await staff.request('PUT', `/api/events/${eventId}/attendance`, { marks });
    expect(marked.statusCode, marked.body).toBe(200);
  });
  afterAll(() => ctx.close());

  const list = async (query: string, id = eventId): Promise<Page> => {
    const res = await staff.get(`/api/events/${id}/attendees?${query}`);
    expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
    return res.json() as Page;
  };
  const names = (p: Page) => p.attendees.map((a) => a.name);

  it('pages through every filter and order without gaps or duplicates, with the same total on every page', async () => {
    const queries = [
      '',
      'state=yes',
      'state=no',
      'state=maybe',
      'state=waitlist',
      'state=waitlist&sort=waitlist',
      'state=none-yet',
      'attended=true',
      'attended=false',
      'q=sam',
      'q=e&state=yes&attended=false',
    ];
    for (const query of queries) {
      const whole = await list(`${query}&limit=500`);
      expect(whole.total, query).toBe(whole.attendees.length);
      expect(whole.nextCursor).toBeNull();
      for (const limit of [1, 2, 3]) {
        const seen = await pageThrough(list, query, limit, (p) => p.attendees.map((a) => a.userId));
        expect(seen, `${query} by ${limit}`).toEqual(whole.attendees.map((a) => a.userId));
      }
    }
  });

  it('lists everyone by name (a shared name by id), with the whole event’s counts whatever the filter', async () => {
    const all = await list('');
    expect(all.total).toBe(PEOPLE.length);
    expect(names(all)).toEqual(PEOPLE.map(([name]) => name).sort());
    const sams = all.attendees.filter((a) => a.name === 'Sam Same').map((a) => a.userId);
    expect(sams).toEqual([...sams].sort((a, b) => a - b));
    const counts = { invited: 11, yes: 3, no: 2, maybe: 1, waitlist: 3, attended: 2 };
    expect(all.event).toMatchObject({ id: eventId, counts });
    expect((await list('state=maybe')).event.counts).toEqual(counts);
    expect(all.attendees[0]).toMatchObject({ name: 'Ana Abbott', roles: ['mentee'], state: 'yes', attended: true, waitlistPosition: null });
  });

  it('filters by answer and attendance', async () => {
    expect(names(await list('state=yes'))).toEqual(['Ana Abbott', 'Ben Baker', 'Eve Evans']);
    expect(names(await list('state=no'))).toEqual(['Dan Dunn', 'Sam Same']);
    expect(names(await list('state=maybe'))).toEqual(['Cleo Carter']);
    expect(names(await list('state=none-yet'))).toEqual(['Ivy Irwin', 'Sam Same']);
    expect((await list('state=none-yet')).attendees.every((a) => a.state === null)).toBe(true);
    expect(names(await list('attended=true'))).toEqual(['Ana Abbott', 'Cleo Carter']);
    // Not marked as came: Ben (marked absent) and everyone not marked at all.
    const absent = await list('attended=false');
    expect(absent.total).toBe(9);
    expect(names(absent)).toContain('Ben Baker');
    expect(absent.attendees.every((a) => a.attended !== true)).toBe(true);
    expect(names(await list('state=yes&attended=false'))).toEqual(['Ben Baker', 'Eve Evans']);
  });

  it('keeps waitlist places on every page, by name or in waitlist order', async () => {
    const place = (p: Page) => p.attendees.map((a) => [a.name, a.waitlistPosition]);
    expect(place(await list('state=waitlist'))).toEqual([
      ['Finn Fox', 2],
      ['Gus Green', 3],
      ['Hal Hill', 1],
    ]);
    expect(place(await list('state=waitlist&sort=waitlist'))).toEqual([
      ['Hal Hill', 1],
      ['Finn Fox', 2],
      ['Gus Green', 3],
    ]);
    // A page of one, and a search, still know where each stands on the whole waitlist.
    const second = await list('state=waitlist&sort=waitlist&limit=1');
    expect(place(await list(`state=waitlist&sort=waitlist&limit=1&after=${second.nextCursor}`))).toEqual([['Finn Fox', 2]]);
    expect(place(await list('q=gus'))).toEqual([['Gus Green', 3]]);
    expect((await list('')).attendees.filter((a) => a.waitlistPosition !== null)).toHaveLength(3);
  });

  it('searches names and e-mail addresses, ignoring case, wildcards taken literally', async () => {
    expect(names(await list('q=SAM'))).toEqual(['Sam Same', 'Sam Same']);
    const ana = (await list('q=abbott')).attendees[0]!;
    expect(names(await list(`q=${encodeURIComponent(ana.email.slice(0, ana.email.indexOf('@')))}`))).toEqual(['Ana Abbott']);
    expect((await list(`q=${encodeURIComponent('@EXAMPLE.org')}`)).total).toBe(PEOPLE.length);
    expect((await list('q=%25')).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);
    expect((await list('q=nobody-like-this')).attendees).toEqual([]);
    // An empty search is no search.
    expect((await list('q=')).total).toBe(PEOPLE.length);
  });

  it('answers 400 with a code for bad input and forged cursors, 404 for an unknown event, 403 for anyone but staff', async () => {
    const bad = [
      'after=not-a-cursor!',
      `after=${encodeURIComponent('%%%')}`,
      `after=${encodeCursor(['Ana', 1]).slice(0, -2)}xx`,
      // Well formed, but not from a page of the waitlist order.
      `state=waitlist&sort=waitlist&after=${encodeCursor(['Ana Abbott', 1])}`,
      'sort=waitlist',
      'sort=waitlist&state=yes',
      'sort=answered',
      'state=going',
      'attended=maybe',
      'limit=0',
      'limit=501',
      'page=2',
    ];
    for (const query of bad) {
      const res = await staff.get(`/api/events/${eventId}/attendees?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    const missing = await staff.get('/api/events/999999/attendees');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
    for (const roles of [['mentor'], ['mentee'], ['committee']] as const) {
      const person = await createPerson(ctx.deps, [...roles]);
      const client = await sessionClient(ctx, person.id);
      expect((await client.get(`/api/events/${eventId}/attendees`)).statusCode, roles.join()).toBe(403);
    }
    // Invited is not enough.
    const invited = await sessionClient(ctx, ids.get('Ana Abbott')!);
    expect((await invited.get(`/api/events/${eventId}/attendees`)).statusCode).toBe(403);
  });

  describe('an event of more than a thousand invitees (a page by name reads people first)', () => {
    let bigId: number;
    let expected: { userId: number; name: string; rsvp: string | null }[];

    beforeAll(async () => {
      const at = ctx.clock.now().toISOString();
      // 1,400 people; every fourth not invited, so the walk in name order skips people.
      const userIds: number[] = [];
      for (let start = 0; start < 1_400; start += 350) {
        const rows = await ctx.deps.db
          .insertInto('users')
          .values(
            Array.from({ length: 350 }, (_, k) => {
              const n = start + k;
              // Names out of id order, some shared.
              const name = `Person ${String((n * 7919) % 1_250).padStart(4, '0')}`;
              return { email: `person.${n}@big.example.org`, name, password_hash: null, created_at: at, updated_at: at };
            }),
          )
          .returning('id')
          .execute();
        userIds.push(...rows.map((r) => r.id));
      }
      const created = await staff.post('/api/events', {
        kind: 'networking',
        title: 'Big networking hour',
        description: '',
        date: '2026-11-20',
        time: '17:30',
        timeZone: 'America/Chicago',
        durationMinutes: 90,
        joinUrl: 'https://meet.example.org/j/2',
        place: '',
        audience: 'staff',
        periodId: null,
        capacity: null,
        rsvpDeadline: null,
        host: '',
      });
      expect(created.statusCode, created.body).toBe(201);
      bigId = created.json().id;
      await insertInvitations(
        ctx.deps.db,
        bigId,
        userIds.filter((_, k) => k % 4 !== 3),
        at,
      );
      await ctx.deps.db
        .updateTable('event_invitations')
        .set({ rsvp: 'yes', responded_at: at })
        .where('event_id', '=', bigId)
        .where(
          'user_id',
          'in',
          userIds.filter((_, k) => k % 3 === 0),
        )
        .execute();
      expected = (
        await ctx.deps.db
          .selectFrom('event_invitations as i')
          .innerJoin('users as u', 'u.id', 'i.user_id')
          .select(['u.id as userId', 'u.name', 'i.rsvp'])
          .where('i.event_id', '=', bigId)
          .orderBy('u.name')
          .orderBy('u.id')
          .execute()
      ).map((r) => ({ userId: r.userId, name: r.name, rsvp: r.rsvp }));
    });

    it('pages through everyone by name, searched or filtered, as one ordered read would', async () => {
      const all = expected.map((r) => r.userId);
      expect(all.length).toBeGreaterThan(1_000);
      expect((await list('limit=1', bigId)).total).toBe(all.length);
      expect(
        await pageThrough(
          (q) => list(q, bigId),
          '',
          97,
          (p) => p.attendees.map((a) => a.userId),
        ),
      ).toEqual(all);
      expect(
        await pageThrough(
          (q) => list(q, bigId),
          'q=person',
          500,
          (p) => p.attendees.map((a) => a.userId),
        ),
      ).toEqual(all);
      const yes = expected.filter((r) => r.rsvp === 'yes').map((r) => r.userId);
      expect(
        await pageThrough(
          (q) => list(q, bigId),
          'state=yes',
          100,
          (p) => p.attendees.map((a) => a.userId),
        ),
      ).toEqual(yes);
      const none = expected.filter((r) => r.rsvp === null).map((r) => r.userId);
      expect(
        await pageThrough(
          (q) => list(q, bigId),
          'state=none-yet',
          250,
          (p) => p.attendees.map((a) => a.userId),
        ),
      ).toEqual(none);
    });
  });
});
