import { beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/background-jobs.ts';
import type { Deps } from '../../src/deps.ts';
import { deliverRecorded, recordMail } from '../../src/features/notifications/mail.service.ts';
import type { Mailer, OutgoingMail } from '../../src/features/notifications/mailer.ts';
import { STRANDED_MAIL_JOB_KIND } from '../../src/features/notifications/outbox-jobs.ts';
import { fixedClock } from '../../src/time/clock.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { jobDeps } from '../setup/job-deps.ts';

const NOW = new Date('2026-11-29T10:00:30.000Z');
const LEASE_MS = 5 * 60_000;

/** An SMTP server as the app sees it: every message handed over is kept, and one may be held up. */
function countingMailer(): Mailer & { sent: string[]; hold: Promise<void> | null } {
  const mailer = {
    delivery: 'smtp' as const,
    sent: [] as string[],
    hold: null as Promise<void> | null,
    async send(mail: OutgoingMail) {
      if (mailer.hold) await mailer.hold;
      mailer.sent.push(mail.to.address);
    },
    close() {},
  };
  return mailer;
}

const draft = (to: string) => ({ to: { address: to, name: to }, subject: `For ${to}`, text: 'Hello', kind: 'test' });

describeEachDialect('e-mail whose sender stopped before SMTP took it', (ctx, dialect) => {
  let deps: Deps;
  let mailer: ReturnType<typeof countingMailer>;

  beforeAll(() => {
    mailer = countingMailer();
    deps = { ...jobDeps(ctx().db, dialect, fixedClock(NOW)), mailer };
  });

  const statusOf = async (id: number) =>
    (await ctx().db.selectFrom('outbox').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('is sent once by the stranded-mail job after a lease; newer mail is left to its sender', async () => {
    const stranded = await recordMail(ctx().db, new Date(NOW.getTime() - LEASE_MS - 1_000), draft('stranded@example.org'));
    const fresh = await recordMail(ctx().db, new Date(NOW.getTime() - 1_000), draft('fresh@example.org'));

    const first = await createJobRunner(deps, { workerId: 'a' }).runOnce(NOW);
    expect(first.jobs.find((j) => j.kind === STRANDED_MAIL_JOB_KIND)).toMatchObject({ result: 'done' });
    expect(mailer.sent).toEqual(['stranded@example.org']);
    expect(await statusOf(stranded)).toBe('sent');
    expect(await statusOf(fresh)).toBe('recorded');

    // The next pass, on another instance, a minute later: nothing is sent twice.
    const later = new Date(NOW.getTime() + 60_000);
    const second = await createJobRunner(deps, { workerId: 'b' }).runOnce(later);
    expect(second.jobs.find((j) => j.kind === STRANDED_MAIL_JOB_KIND)).toMatchObject({ result: 'skipped' });
    expect(mailer.sent).toEqual(['stranded@example.org']);
    // The fresh one's sender delivers it as usual.
    await deliverRecorded(deps, [fresh]);
    expect(mailer.sent).toEqual(['stranded@example.org', 'fresh@example.org']);
  });

  it('goes out once when its sender and the job both try at the same moment', async () => {
    mailer.sent.length = 0;
    const id = await recordMail(ctx().db, new Date(NOW.getTime() - LEASE_MS - 1_000), draft('race@example.org'));
    let release = () => {};
    mailer.hold = new Promise<void>((resolve) => (release = resolve));
    const sender = deliverRecorded(deps, [id]);
    const job = deliverRecorded(deps, [id]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // One of them has it, held by the mail server: 'sending', never resent on its own.
    expect(await statusOf(id)).toBe('sending');
    mailer.hold = null;
    release();
    await Promise.all([sender, job]);
    expect(mailer.sent).toEqual(['race@example.org']);
    expect(await statusOf(id)).toBe('sent');
  });

  it('does nothing when no SMTP server is configured (the outbox is the delivery)', async () => {
    const { mailer: outboxOnly } = jobDeps(ctx().db, dialect);
    const runner = createJobRunner({ ...deps, mailer: outboxOnly }, { workerId: 'c' });
    const id = await recordMail(ctx().db, new Date(NOW.getTime() - LEASE_MS - 1_000), draft('laptop@example.org'));
    const report = await runner.runOnce(new Date(NOW.getTime() + 2 * 60_000));
    expect(report.jobs.find((j) => j.kind === STRANDED_MAIL_JOB_KIND)).toMatchObject({ result: 'skipped' });
    expect(await statusOf(id)).toBe('recorded');
  });
});
