import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess } from '../setup/app-server.ts';
import type { AppProcess } from '../setup/app-server.ts';

/** How the built web app is served: deep links get the page, missing files get a 404, assets cache forever. */
describe('serving the web app', () => {
  let dataDir: string;
  let server: AppProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-web-'));
    server = await startAppProcess({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the root and deep links with the page, never cached', async () => {
    for (const path of ['/', '/setup', '/periods/12']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets as immutable and a missing file as a 404, not as the page', async () => {
    const asset = readdirSync('dist/web/assets').find((f) => f.endsWith('.js'));
    const res = await fetch(`${server.url}/assets/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(`${server.url}/assets/not-there-123.js`);
    expect(missing.status).toBe(404);
  });
});
