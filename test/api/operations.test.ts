import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Deps } from '../../src/deps.ts';
import { outboxOnlyMailer } from '../../src/features/notifications/mailer.ts';
import { buildApp } from '../../src/http/app.ts';
import { logSerializers, redactPaths } from '../../src/http/log-redaction.ts';
import { systemClock } from '../../src/time/clock.ts';
import { startAppProcess } from '../setup/app-server.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, linkFromOutbox, setUpProgram, signedIn, TEST_PASSWORD } from '../setup/test-app.ts';
import { recordFigure } from '../setup/figures.ts';
import type { TestContext } from '../setup/test-app.ts';

describeEachDialect('operations', (db) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
  });
  afterAll(() => ctx.close());

  it('shares sessions between two app instances on one database', async () => {
    const other = await buildTestApp(db());
    try {
      const person = await signedIn(ctx, ['mentor']);
      const onOther = new Client(other.app);
      await onOther.useSession(person.client.sessionToken() ?? '');
      expect((await onOther.get('/api/me')).json().user.email).toBe(person.email);
      await person.client.post('/api/auth/logout');
      expect((await onOther.get('/api/me')).json()).toEqual({ user: null });
    } finally {
      await other.close();
    }
  });

  it('answers ready only while the database answers', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/ready' })).json()).toEqual({ status: 'ready', database: db().dialect });
  });

  it('logs requests without passwords, cookies or link tokens', async () => {
    const lines: string[] = [];
    const deps: Deps = {
      ...ctx.deps,
      config: loadConfig({ NODE_ENV: 'test' }, { webDistDir: '/nonexistent' }),
      clock: systemClock,
      mailer: outboxOnlyMailer,
      log: pino({ level: 'silent' }),
    };
    const app = await buildApp(deps, {
      logger: { level: 'trace', redact: redactPaths, serializers: logSerializers, stream: { write: (l: string) => void lines.push(l) } },
    });
    try {
      const staff = new Client(app);
      const staffPerson = await signedIn({ ...ctx, app }, ['staff']);
      await staff.signIn(staffPerson.email, TEST_PASSWORD);
      await staff.post('/api/invitations', { email: 'logged@example.org', name: 'Logged', roles: ['mentee'] });
      const token = await linkFromOutbox(ctx.deps, 'logged@example.org', '/invite');
      const anon = new Client(app);
      await anon.get(`/api/invitations/${token}`);
      await anon.post(`/api/invitations/${token}/accept`, { name: 'Logged', password: 'secret-sauce-123' });
      // A failed sign-in is counted and logged as a 401, without what was typed.
      expect((await new Client(app).signIn('logged@example.org', 'wrong-guess-xyz')).statusCode).toBe(401);
      const text = lines.join('\n');
      expect(text).toContain('/api/invitations/[token]/accept');
      const secrets = [
        TEST_PASSWORD,
        'secret-sauce-123',
        'wrong-guess-xyz',
        token,
        staff.csrfToken ?? 'none',
        staff.sessionToken() ?? 'none',
      ];
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/tandem_session=/);
    } finally {
      await app.close();
    }
  });
});

describe('the server process', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-proc-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates on start, serves, and exits cleanly on SIGTERM', async () => {
    const server = await startAppProcess({ dataDir });
    const res = await fetch(`${server.url}/api/ready`);
    expect(await res.json()).toEqual({ status: 'ready', database: 'sqlite' });
    await server.stop();
    expect(server.output()).toContain('shutting down');
    expect(server.output()).not.toMatch(/SIGKILL|unhandled/i);
  });

  it('on SIGTERM under load, turns /api/ready to 503 first and answers every request sent before the balancer noticed', async () => {
    const server = await startAppProcess({ dataDir, env: { SHUTDOWN_DRAIN_SECONDS: '1.5' } });
    let sigtermAt = 0;
    let stopping = false;
    // What a load balancer does: a health check every 200 ms, and no new request to an instance
    // whose check failed. Requests already sent must all be answered.
    let routed = true;
    let notReadyAfter: number | null = null;
    const checker = (async () => {
      while (routed) {
        const res = await fetch(`${server.url}/api/ready`).catch(() => null);
        if (res?.status === 503 && stopping) {
          notReadyAfter = performance.now() - sigtermAt;
          routed = false;
        } else await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    let answered = 0;
    let answeredWhileDraining = 0;
    const dropped: string[] = [];
    const client = async (path: string) => {
      while (routed) {
        try {
          const res = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(10_000) });
          await res.arrayBuffer();
          if (res.status !== 200) dropped.push(`${path}: ${res.status} at ${Math.round(performance.now() - sigtermAt)} ms`);
          answered += 1;
          if (stopping) answeredWhileDraining += 1;
        } catch (error) {
          const code = (error as { cause?: { code?: string } }).cause?.code;
          dropped.push(`${path}: ${code ?? String(error)} at ${Math.round(performance.now() - sigtermAt)} ms`);
        }
      }
    };
    const clients = Array.from({ length: 20 }, (_, i) => client(i % 2 === 0 ? '/api/faq' : '/api/health'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    stopping = true;
    sigtermAt = performance.now();
    const stopped = server.stop();
    await Promise.all([checker, ...clients]);
    await stopped;
    expect(dropped).toEqual([]);
    expect(answered).toBeGreaterThan(20);
    // Ready said no at the first check after the signal; requests went on being answered until then.
    expect(notReadyAfter).not.toBeNull();
    expect(notReadyAfter ?? Infinity).toBeLessThan(1000);
    expect(answeredWhileDraining).toBeGreaterThan(0);
    expect(server.output()).not.toMatch(/SIGKILL|unhandled/i);
    recordFigure('drain', {
      clients: 20,
      answered,
      answeredWhileDraining,
      notReadyAfterMs: Math.round(notReadyAfter ?? -1),
      dropped: dropped.length,
    });
  });
});
