import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess } from '../setup/app-server.ts';
import type { AppProcess } from '../setup/app-server.ts';
import { dialectSkipReason, freshTestDb } from '../setup/dialects.ts';
import type { DisposableTestDb } from '../setup/dialects.ts';
import { recordFigure } from '../setup/figures.ts';
import { HttpClient } from '../setup/http-client.ts';
import { findFreePort, withParentDeathSignal } from '../setup/postgres-server.ts';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const STAFF = { email: 'lb@example.org', password: 'load balanced password' };

/** Why this cannot run here (CI installs nginx and PostgreSQL, so there it must run). */
function skipReason(): string | null {
  const pg = dialectSkipReason('postgres');
  if (pg) return pg;
  if (!existsSync(NGINX)) return `nginx is not installed at ${NGINX} (apt-get install nginx-light)`;
  return null;
}
const skip = skipReason();
if (skip && process.env.CI) throw new Error(`The several-instances test cannot run under CI: ${skip}`);

/**
 * Issue #15 item 9: three instances of the real server on one PostgreSQL database behind a real
 * nginx, started by the test with the shape of deploy/nginx.conf. Sessions hold on every
 * instance, the sign-in budget is one, 1,000 invitations sent twice each (a retry after a lost
 * answer) are made once each, and a rolling restart under load drops no request.
 */
describe.skipIf(skip !== null)(`three instances behind nginx [postgres]${skip ? ` — SKIPPED: ${skip}` : ''}`, () => {
  let testDb: DisposableTestDb;
  let dir: string;
  const instances: AppProcess[] = [];
  let nginx: ChildProcess | undefined;
  let lb: string;

  const startNginx = async (ports: number[]) => {
    const port = await findFreePort();
    const conf = join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream tandem {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://tandem;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 3;
    }
  }
}
`,
    );
    const [file, args] = withParentDeathSignal(NGINX, ['-p', dir, '-c', conf], 'SIGTERM');
    nginx = spawn(file, args, { stdio: 'ignore' });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return url;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('nginx did not start');
  };

  beforeAll(async () => {
    testDb = await freshTestDb('postgres');
    dir = mkdtempSync(join(tmpdir(), 'tandem-lb-'));
    chmodSync(dir, 0o755); // nginx's worker runs as nobody when started by root
    for (const sub of ['data1', 'data2', 'data3']) mkdirSync(join(dir, sub));
    const env = { DATABASE_URL: testDb.databaseUrl, TRUST_PROXY: 'true', SHUTDOWN_DRAIN_SECONDS: '1', LOG_LEVEL: 'warn' };
    for (const sub of ['data1', 'data2', 'data3']) instances.push(await startAppProcess({ dataDir: join(dir, sub), env }));
    lb = await startNginx(instances.map((i) => i.port));
  }, 120_000);

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    await Promise.all(instances.map((i) => i.stop()));
    await testDb?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships a sample nginx site (deploy/nginx.conf) that nginx accepts', () => {
    const site = join(dir, 'sample');
    mkdirSync(site);
    chmodSync(site, 0o755);
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(site, 'key.pem'),
        '-out',
        join(site, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=tandem.test',
      ],
      {
        stdio: 'ignore',
      },
    );
    const sample = readFileSync(fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url)), 'utf8')
      .replace(/\/etc\/letsencrypt\/live\/[^;]+fullchain\.pem/, join(site, 'cert.pem'))
      .replace(/\/etc\/letsencrypt\/live\/[^;]+privkey\.pem/, join(site, 'key.pem'))
      .replace(/listen 443/g, 'listen 127.0.0.1:1')
      .replace(/listen 80;/g, 'listen 127.0.0.1:2;');
    writeFileSync(join(site, 'site.conf'), sample);
    writeFileSync(
      join(site, 'nginx.conf'),
      `pid ${site}/nginx.pid;\nerror_log ${site}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${site}/b; proxy_temp_path ${site}/p; fastcgi_temp_path ${site}/f; uwsgi_temp_path ${site}/u; scgi_temp_path ${site}/s;\n  include ${site}/site.conf;\n}\n`,
    );
    const out = execFileSync(NGINX, ['-t', '-p', site, '-c', join(site, 'nginx.conf')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe('');
  });

  it('keeps a session made through the balancer valid on every instance', async () => {
    const staff = new HttpClient(lb);
    const setUp = await staff.request('POST', '/api/setup', {
      programName: 'Balanced',
      timeZone: 'America/Chicago',
      name: 'LB Staff',
      ...STAFF,
    });
    expect(setUp.status).toBe(201);
    const seen = await Promise.all(Array.from({ length: 30 }, () => staff.me()));
    expect(new Set(seen)).toEqual(new Set([STAFF.email]));
    for (const instance of instances) {
      const direct = new HttpClient(instance.url);
      direct.cookie = staff.cookie;
      expect(await direct.me()).toBe(STAFF.email);
    }
  });

  it('gives an attacker one sign-in budget, not one per instance', async () => {
    const attacker = new HttpClient(lb);
    for (let i = 0; i < 10; i++)
      expect((await attacker.request('POST', '/api/auth/login', { email: STAFF.email, password: `guess ${i}` })).status).toBe(401);
    for (const base of [lb, ...instances.map((i) => i.url)]) {
      const res = await new HttpClient(base).request('POST', '/api/auth/login', STAFF);
      expect(res.status).toBe(429);
    }
  });

  it('makes 1,000 invitations sent twice each (a retry after a lost answer) exactly once', async () => {
    // The test before paused the staff account's sign-in for 15 minutes; the clock here is real,
    // so its failures are forgotten by hand.
    const staff = new HttpClient(lb);
    await testDb.db.deleteFrom('sign_in_failures').execute();
    await staff.signIn(STAFF);
    let replayed = 0;
    const work = Array.from({ length: 1000 }, (_, i) => i);
    const worker = async () => {
      for (let i = work.shift(); i !== undefined; i = work.shift()) {
        const key = randomUUID();
        const body = { email: `invitee-${i}@example.org`, name: `Invitee ${i}`, roles: ['mentee'] };
        const first = await staff.request('POST', '/api/invitations', body, { 'idempotency-key': key });
        expect(first.status).toBe(201);
        const retry = await staff.request('POST', '/api/invitations', body, { 'idempotency-key': key });
        expect(retry.status).toBe(201);
        if (retry.headers.get('idempotent-replayed') === 'true') replayed += 1;
      }
    };
    await Promise.all(Array.from({ length: 10 }, worker));
    const invitations = await testDb.db.selectFrom('invitations').select('email').execute();
    const mails = await testDb.db.selectFrom('outbox').select('to_address').where('kind', '=', 'invitation').execute();
    expect(invitations).toHaveLength(1000);
    expect(mails).toHaveLength(1000);
    expect(replayed).toBe(1000);
    recordFigure('instances', { instances: 3, invitations: invitations.length, mails: mails.length, sentTwice: 1000, replayed });
  }, 120_000);

  it('restarts one instance under load without dropping a request', async () => {
    const reader = new HttpClient(lb);
    let running = true;
    let answered = 0;
    const failed: string[] = [];
    const client = async () => {
      while (running) {
        const res = await reader.request('GET', '/api/faq').catch((error: unknown) => ({ status: 0, error }));
        if (res.status === 200) answered += 1;
        else failed.push(String(res.status));
        if ('arrayBuffer' in res) await res.arrayBuffer();
      }
    };
    const clients = Array.from({ length: 10 }, client);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = answered;
    await instances[1]?.stop(); // SIGTERM: drains for a second, then closes
    await new Promise((resolve) => setTimeout(resolve, 500));
    running = false;
    await Promise.all(clients);
    expect(failed).toEqual([]);
    expect(answered).toBeGreaterThan(before);
    recordFigure('rolling-restart', { clients: 10, answered, failed: failed.length });
  }, 60_000);
});
