import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { outboxOnlyMailer } from '../../src/features/notifications/mailer.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/time/clock.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

const PAGE = '<!doctype html><html><head><title>Tandem</title></head><body><div id="root"></div></body></html>'.padEnd(2_000, ' ');
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(3_000))});`;

/**
 * The built web app as the server sends it: the .br and .gz copies the build writes (vite.config.ts)
 * go to browsers that accept them, the page is never cached for long (an upgrade must reach
 * everyone), and hashed assets are cached for good, whichever copy was sent.
 */
describeEachDialect('the web app’s files', (db) => {
  let ctx: TestContext;
  let dir: string;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    dir = mkdtempSync(join(tmpdir(), 'tandem-web-'));
    mkdirSync(join(dir, 'assets'));
    for (const [file, text] of [
      ['index.html', PAGE],
      ['assets/app-1a2b3c.js', SCRIPT],
    ] as const) {
      writeFileSync(join(dir, file), text);
      writeFileSync(join(dir, `${file}.br`), brotliCompressSync(text));
      writeFileSync(join(dir, `${file}.gz`), gzipSync(text));
    }
    app = await buildApp({
      ...ctx.deps,
      config: loadConfig({ NODE_ENV: 'test' }, { webDistDir: dir }),
      clock: systemClock,
      mailer: outboxOnlyMailer,
      log: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await app?.close();
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends the Brotli or gzip copy to a browser that accepts it, and the file itself otherwise', async () => {
    const br = await get('/assets/app-1a2b3c.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    const gz = await get('/assets/app-1a2b3c.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await get('/assets/app-1a2b3c.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    for (const res of [br, gz, plain]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('never lets a browser keep the page itself, whichever copy it got', async () => {
    for (const encoding of ['br', 'gzip', undefined]) {
      for (const url of ['/', '/index.html']) {
        const res = await get(url, encoding);
        expect(res.statusCode, `${url} ${encoding}`).toBe(200);
        expect(res.headers['content-type'], `${url} ${encoding}`).toMatch(/text\/html/);
        expect(res.headers['cache-control'], `${url} ${encoding}`).toBe('no-cache');
      }
    }
    // A deep link is the page too.
    const deep = await get('/matches/12', 'br');
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['cache-control']).toBe('no-cache');
  });
});
