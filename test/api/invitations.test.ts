import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, linkFromOutbox, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { DAY_MS } from '../../src/time/clock.ts';

describeEachDialect('invitations and people', (db) => {
  let ctx: TestContext;
  let staff: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
  });
  afterAll(() => ctx.close());

  async function invite(email: string, roles = ['mentee']) {
    const res = await staff.post('/api/invitations', { email, name: 'Nia Newcomer', roles });
    expect(res.statusCode).toBe(201);
    return { invitation: res.json(), token: await linkFromOutbox(ctx.deps, email, '/invite') };
  }

  it('invites by e-mail; the link signs the person up once, with the invited roles', async () => {
    const { invitation, token } = await invite('nia@example.org', ['mentee', 'mentor']);
    expect(invitation).toMatchObject({ email: 'nia@example.org', status: 'pending', roles: ['mentor', 'mentee'] });

    const mail = (await staff.get('/api/outbox?to=nia@example.org')).json().messages[0];
    expect(mail).toMatchObject({ kind: 'invitation', status: 'recorded', toName: 'Nia Newcomer' });
    expect(mail.textBody).toContain(`http://localhost:3000/invite/${token}`);

    const anon = new Client(ctx.app);
    expect((await anon.get(`/api/invitations/${token}`)).json()).toEqual({
      email: 'nia@example.org',
      name: 'Nia Newcomer',
      roles: ['mentor', 'mentee'],
      programName: 'Test Mentoring Program',
    });
    const accepted = await anon.post(`/api/invitations/${token}/accept`, { name: 'Nia N.', password: 'my own password' });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user).toMatchObject({ email: 'nia@example.org', name: 'Nia N.', roles: ['mentor', 'mentee'] });
    expect((await anon.get('/api/me')).json().user).toMatchObject({ email: 'nia@example.org' });

    const reused = await new Client(ctx.app).post(`/api/invitations/${token}/accept`, { name: 'Eve', password: 'another password' });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().code).toBe('INVITATION_USED');
    expect(
      (await staff.get('/api/invitations')).json().invitations.find((i: { email: string }) => i.email === 'nia@example.org').status,
    ).toBe('accepted');
  });

  it('refuses to invite an address that already has an account', async () => {
    const res = await staff.post('/api/invitations', { email: 'STAFF@example.org', name: 'Dup', roles: ['mentor'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('EMAIL_TAKEN');
  });

  it('refuses an expired invitation and keeps only the newest link of a re-sent one', async () => {
    const first = await invite('late@example.org');
    ctx.clock.advance(15 * DAY_MS);
    // Fifteen days on, the staff member's own session has timed out too.
    staff = (await signedIn(ctx, ['staff'])).client;
    const expired = await new Client(ctx.app).post(`/api/invitations/${first.token}/accept`, { name: 'Late', password: 'late but keen' });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('INVITATION_EXPIRED');

    const second = await invite('late@example.org');
    const third = await invite('late@example.org');
    expect((await new Client(ctx.app).get(`/api/invitations/${second.token}`)).json().code).toBe('INVITATION_REVOKED');
    expect(
      (await new Client(ctx.app).post(`/api/invitations/${third.token}/accept`, { name: 'Late', password: 'late but keen' })).statusCode,
    ).toBe(201);
  });

  it('lets exactly one of two simultaneous sign-ups through the same link win', async () => {
    const { token } = await invite('twice@example.org');
    const results = await Promise.all(
      [1, 2].map(() => new Client(ctx.app).post(`/api/invitations/${token}/accept`, { name: 'Twice', password: 'clicked twice' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 410]);
    const people = (await staff.get('/api/users')).json().users.filter((u: { email: string }) => u.email === 'twice@example.org');
    expect(people).toHaveLength(1);
  });

  it('revokes a pending invitation', async () => {
    const { invitation, token } = await invite('revoked@example.org');
    expect((await staff.post(`/api/invitations/${invitation.id}/revoke`)).json().status).toBe('revoked');
    expect((await new Client(ctx.app).get(`/api/invitations/${token}`)).statusCode).toBe(410);
    expect((await staff.post(`/api/invitations/${invitation.id}/revoke`)).statusCode).toBe(409);
  });

  it('answers 404 for an unknown invitation link', async () => {
    expect((await new Client(ctx.app).get(`/api/invitations/${'x'.repeat(43)}`)).statusCode).toBe(404);
  });

  describe('people', () => {
    it('changes roles and refuses to remove the last active staff account', async () => {
      const mentee = await signedIn(ctx, ['mentee']);
      const res = await staff.patch(`/api/users/${mentee.id}`, { roles: ['mentee', 'committee'] });
      expect(res.json().roles).toEqual(['committee', 'mentee']);
      expect((await mentee.client.get('/api/me')).json().user.roles).toEqual(['committee', 'mentee']);

      const lone = await buildLoneStaff();
      const refused = await lone.client.patch(`/api/users/${lone.id}`, { roles: ['mentor'] });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('LAST_STAFF');
    });

    it('records every staff action in the audit log', async () => {
      staff = (await signedIn(ctx, ['staff'])).client;
      const entries = (await staff.get('/api/audit?limit=200')).json().entries as { action: string; actorName: string | null }[];
      const actions = new Set(entries.map((e) => e.action));
      for (const a of ['invitation.sent', 'invitation.revoked', 'invitation.accepted', 'person.updated']) expect(actions).toContain(a);
      const page = (await staff.get('/api/audit?limit=2')).json().entries as { id: number }[];
      const older = (await staff.get(`/api/audit?limit=2&before=${page[1]?.id}`)).json().entries as { id: number }[];
      expect(older[0]?.id).toBeLessThan(page[1]?.id ?? 0);
    });
  });

  /** Disables every other staff member so one is left alone. */
  async function buildLoneStaff() {
    const lone = await signedIn(ctx, ['staff']);
    const users = (await lone.client.get('/api/users?role=staff&status=active&limit=500')).json().users as {
      id: number;
      roles: string[];
      disabled: boolean;
    }[];
    for (const u of users) {
      if (u.id !== lone.id && u.roles.includes('staff') && !u.disabled) {
        expect((await lone.client.patch(`/api/users/${u.id}`, { disabled: true })).statusCode).toBe(200);
      }
    }
    return lone;
  }
});
