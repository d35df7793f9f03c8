import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMailer } from '../../src/features/notifications/mailer.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { startSmtp } from '../setup/smtp-sink.ts';

describeEachDialect('e-mail over SMTP', (db) => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
  });
  afterAll(async () => {
    await ctx.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it('sends an invitation over SMTP and records it as sent; a refused message stays in the outbox as failed', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Tandem <office@example.org>' });
    ctx.deps.mailer = mailer;
    try {
      const staff = await signedIn(ctx, ['staff']);
      const res = await staff.client.post('/api/invitations', { email: 'wire@example.org', name: 'Wren Wire', roles: ['mentor'] });
      expect(res.statusCode).toBe(201);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toMatchObject({ from: 'office@example.org', to: ['wire@example.org'] });
      expect(smtp.received[0]?.raw).toMatch(/^Subject: You're invited to Test Mentoring Program/m);
      const [sent] = (await staff.client.get('/api/outbox?to=wire@example.org')).json().messages;
      expect(sent).toMatchObject({ status: 'sent', error: null });
      expect(sent.sentAt).not.toBeNull();
    } finally {
      mailer.close();
    }

    const refusing = await startSmtp({ reject: true });
    const failing = createMailer({ smtpUrl: refusing.url, from: 'Tandem <office@example.org>' });
    ctx.deps.mailer = failing;
    try {
      const staff = await signedIn(ctx, ['staff']);
      // The invitation itself succeeds: the outbox keeps the message and says why it did not go out.
      const res = await staff.client.post('/api/invitations', { email: 'bounce@example.org', name: 'Bo Bounce', roles: ['mentee'] });
      expect(res.statusCode).toBe(201);
      const [failed] = (await staff.client.get('/api/outbox?to=bounce@example.org')).json().messages;
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/550|mailbox unavailable/);
    } finally {
      failing.close();
      await new Promise<void>((resolve) => refusing.server.close(() => resolve()));
    }
  });
});
