import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/background-jobs.ts';
import { SCHEDULED_BACKUP_JOB_KIND } from '../../src/features/backup/backup-jobs.ts';
import { hashDatabase, restoreBackup, verifyBackup } from '../../src/features/backup/backup.service.ts';
import { scheduledBackupSettled } from '../../src/features/backup/scheduled-backups.ts';
import type { BackupsOverview } from '../../src/shared/api/backups.ts';
import { describeEachDialect, freshTestDb } from '../setup/dialects.ts';
import { buildTestApp, Client, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

// The web side of backups: staff download one (streamed, audited), set the daily schedule, and
// the job queue writes and prunes the scheduled ones in the data directory.

const HOUR = 3_600_000;

describeEachDialect('backups on the web', (db, dialect) => {
  let ctx: TestContext;
  let staff: Client;
  let staffId: number;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-backup-routes-'));
    ctx = await buildTestApp(db(), { dataDir });
    ({ staffId } = await setUpProgram(ctx.deps));
    staff = await sessionClient(ctx, staffId);
    await createPerson(ctx.deps, ['mentor'], 'Mentor With Secrets');
    fs.mkdirSync(ctx.deps.config.uploadDir, { recursive: true });
    fs.writeFileSync(path.join(ctx.deps.config.uploadDir, 'c'.repeat(32)), 'slides');
  });
  afterAll(async () => {
    await scheduledBackupSettled();
    await ctx.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('staff download a whole backup, streamed, that restores; the download is in the audit log', async () => {
    const res = await staff.get('/api/backups/download');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tandem-backup-2026-09-01T15-00-00Z\.tar\.gz"$/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-length']).toBeUndefined(); // streamed as it is written, not built first

    const file = path.join(dataDir, 'downloaded.tar.gz');
    fs.writeFileSync(file, res.rawPayload);
    const manifest = await verifyBackup(file);
    expect(manifest.files.map((f) => f.key)).toEqual(['c'.repeat(32)]);
    const audit = await ctx.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'backups.download').execute();
    expect(audit).toMatchObject([{ actor_id: staffId, entity_type: 'backup' }]);
    // The audit entry is written before the snapshot, so the backup records its own download.
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, { rows: t.rows, sha256: t.sha256 }]))).toEqual(
      await hashDatabase(ctx.deps.db, dialect),
    );

    const target = await freshTestDb(dialect);
    try {
      const uploads = fs.mkdtempSync(path.join(dataDir, 'uploads-'));
      await restoreBackup({ db: target.db, dialect, uploadDir: uploads }, file);
      const person = await target.db
        .selectFrom('users')
        .select(['name', 'password_hash'])
        .where('name', '=', 'Mentor With Secrets')
        .executeTakeFirst();
      expect(person?.password_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await target.dispose();
    }
  });

  it('is for staff only, and a schedule change needs the session’s CSRF token', async () => {
    for (const roles of [['committee'], ['taskforce'], ['mentor'], ['mentee']] as const) {
      const person = await createPerson(ctx.deps, [...roles]);
      const client = await sessionClient(ctx, person.id);
      expect((await client.get('/api/backups/download')).statusCode).toBe(403);
      expect((await client.get('/api/backups')).statusCode).toBe(403);
    }
    expect((await new Client(ctx.app).get('/api/backups/download')).statusCode).toBe(401);

    const token = staff.csrfToken;
    staff.csrfToken = undefined;
    const forged = await staff.request('PUT', '/api/backups/schedule', { frequency: 'daily', keep: 3 });
    staff.csrfToken = token;
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'CSRF_INVALID' });
    expect((await staff.get('/api/backups')).json()).toMatchObject({ schedule: { frequency: 'off', keep: 7 }, backups: [] });
  });

  it('refuses a schedule out of bounds', async () => {
    const res = await staff.request('PUT', '/api/backups/schedule', { frequency: 'hourly', keep: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('takes a daily backup through the job queue into the data directory and keeps the newest N', async () => {
    const saved = await staff.request('PUT', '/api/backups/schedule', { frequency: 'daily', keep: 2 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ schedule: { frequency: 'daily', keep: 2 }, backups: [] });
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'backups.schedule')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({ frequency: 'daily', keep: 2 });

    const runner = createJobRunner(ctx.deps);
    const jobsOf = async () =>
      ctx.deps.db.selectFrom('jobs').select(['status', 'last_error']).where('kind', '=', SCHEDULED_BACKUP_JOB_KIND).orderBy('id').execute();
    const start = ctx.clock.now().getTime();
    const taken: string[] = [];
    const results: string[] = [];
    for (const hoursLater of [0, 1, 25, 50]) {
      ctx.clock.set(new Date(start + hoursLater * HOUR));
      const report = await runner.runOnce();
      results.push(...report.jobs.filter((j) => j.kind === SCHEDULED_BACKUP_JOB_KIND).map((j) => j.result));
      await scheduledBackupSettled();
      staff = await sessionClient(ctx, staffId); // sessions idle out as the days pass
      taken.push(...((await staff.get('/api/backups')).json() as BackupsOverview).backups.map((b) => b.name));
    }
    // An hour after the first, none was due; then one a day, and only the newest two are kept.
    expect(results).toEqual(['done', 'skipped', 'done', 'done']);
    // Its own finished jobs are pruned after two days, so the queue does not grow by 24 a day.
    expect((await jobsOf()).length).toBeLessThan(4);
    const overview = (await staff.get('/api/backups')).json() as BackupsOverview;
    expect(overview.backups.map((b) => b.name)).toEqual(['tandem-2026-09-03T17-00-00Z.tar.gz', 'tandem-2026-09-02T16-00-00Z.tar.gz']);
    expect(overview.backups[0]).toMatchObject({ createdAt: '2026-09-03T17:00:00.000Z', size: expect.any(Number) });
    expect(overview.backups[0]!.size).toBeGreaterThan(1000);
    const dir = path.join(dataDir, 'backups');
    expect(fs.readdirSync(dir).sort()).toEqual(['tandem-2026-09-02T16-00-00Z.tar.gz', 'tandem-2026-09-03T17-00-00Z.tar.gz']);
    expect(fs.statSync(path.join(dir, overview.backups[0]!.name)).mode & 0o077).toBe(0);
    await expect(verifyBackup(path.join(dir, overview.backups[0]!.name))).resolves.toMatchObject({ createdAt: '2026-09-03T17:00:00.000Z' });
    expect(taken).toContain('tandem-2026-09-01T15-00-00Z.tar.gz');

    // Off again: the next slot skips.
    await staff.request('PUT', '/api/backups/schedule', { frequency: 'off', keep: 2 });
    ctx.clock.set(new Date(start + 80 * HOUR));
    await runner.runOnce();
    await scheduledBackupSettled();
    expect((await jobsOf()).at(-1)).toMatchObject({ status: 'skipped' });
  });
});
