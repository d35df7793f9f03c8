/**
 * Which requests hold everyone else up at association scale: every GET route of the API, asked
 * once by staff (and by a mentee where staff may not), on a program seeded with
 * `tandem seed --people N`, while a probe asks `GET /api/health` every 5 ms. The longest a probe
 * waited during a request is how long that request held the server's event loop (a route that
 * streams its answer in slices, or works in a worker thread, barely shows).
 *
 *   npm run bench:stalls                          100,000 people, seeded into a temporary folder
 *   npm run bench:stalls -- --data-dir DIR        reuse a program seeded earlier (bench:api's too)
 *   npm run bench:stalls -- --people 20000        a smaller program
 *
 * Prints every route that held the loop past 50 ms, worst first, and records the worst as a figure
 * for `npm run bench` (aim: at most 100 ms, the `/api/health` aim of items 3 and 4).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startAppProcess } from '../../test/setup/app-server.ts';
import { benchFigure } from '../figure.ts';
import { seededProgram } from '../seeded-program.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const PEOPLE = Number(option('--people') ?? 100_000);
const KEEP_DIR = option('--data-dir');
/** Held longer than this is listed. */
const SHOWN_MS = 50;

interface Asked {
  route: string;
  who: string;
  status: number;
  bytes: number;
  totalMs: number;
  stallMs: number;
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status}`);
  return (
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('tandem_session='))
      ?.split(';')[0] ?? ''
  );
}

async function json<T>(base: string, path: string, cookie: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/**
 * The probe: a worker thread asking GET /api/health every 5 ms between "start" and "stop", which
 * then answers with its longest wait. A thread of its own, so that this process receiving a large
 * answer (a 20 MB export) never counts as the server being slow.
 */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let probing = false;
let worst = 0;
async function loop() {
  while (probing) {
    const started = performance.now();
    await (await fetch(workerData.base + '/api/health')).arrayBuffer();
    worst = Math.max(worst, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
let running = Promise.resolve();
parentPort.on('message', async (m) => {
  if (m === 'start') {
    worst = 0;
    probing = true;
    running = loop();
  } else {
    probing = false;
    await running;
    parentPort.postMessage(worst);
  }
});
`;

function startProbe(base: string): { during<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }>; stop(): Promise<number> } {
  const worker = new Worker(PROBE, { eval: true, workerData: { base } });
  const answer = () => new Promise<number>((resolve) => worker.once('message', (worst: number) => resolve(worst)));
  return {
    async during(work) {
      worker.postMessage('start');
      // Let the probe's first request go out before the work starts.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const result = await work();
      const worst = answer();
      worker.postMessage('stop');
      return { result, stallMs: await worst };
    },
    stop: () => worker.terminate(),
  };
}

/** One request, with the probe asking /api/health meanwhile: the probe's longest wait. */
async function measured(
  probe: ReturnType<typeof startProbe>,
  base: string,
  path: string,
  cookie: string,
): Promise<Omit<Asked, 'route' | 'who'>> {
  const { result, stallMs } = await probe.during(async () => {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    const bytes = (await res.arrayBuffer()).byteLength;
    return { status: res.status, bytes, totalMs: performance.now() - started };
  });
  return { ...result, stallMs };
}

async function main() {
  const dir = KEEP_DIR ?? mkdtempSync(join(tmpdir(), 'tandem-stalls-'));
  try {
    const [staffSignIn, menteeSignIn] = seededProgram(dir, PEOPLE, { reuse: KEEP_DIR !== undefined });
    if (!staffSignIn || !menteeSignIn) throw new Error('the seed printed no staff member and mentee to sign in as');
    const server = await startAppProcess({
      dataDir: dir,
      env: { RUN_JOBS: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_AUTH_PER_MINUTE: '1000' },
    });
    try {
      const base = server.url;
      const staff = await signIn(base, staffSignIn.email, staffSignIn.password);
      const mentee = await signIn(base, menteeSignIn.email, menteeSignIn.password);
      // Real ids, so each route reads what a person would: the active period, the mentee's match
      // and person, an event of that period, the newest survey.
      const periods = await json<{ periods: { id: number; status: string }[] }>(base, '/api/periods', staff);
      const period = periods.periods.find((p) => p.status === 'active') ?? periods.periods[0];
      const me = await json<{ user: { id: number } }>(base, '/api/me', mentee);
      const matches = await json<{ matches: { id: number; status: string }[] }>(base, '/api/my/matches', mentee);
      const events = await json<{ events: { id: number }[] }>(base, '/api/events', staff);
      const surveys = await json<{ surveys: { id: number }[] }>(base, '/api/survey-results', staff);
      const idFor: [RegExp, number | undefined][] = [
        [/^\/api\/periods\//, period?.id],
        [/^\/api\/matches\//, matches.matches.find((m) => m.status === 'active')?.id],
        [/^\/api\/(people|users)\//, me.user.id],
        [/^\/api\/events\//, events.events.at(-1)?.id],
        [/^\/api\/surveys\//, surveys.surveys[0]?.id],
      ];
      const spec = await json<{ paths: Record<string, { get?: unknown }> }>(base, '/api/docs/json', staff);
      const asked: Asked[] = [];
      const probe = startProbe(base);
      for (const [route, item] of Object.entries(spec.paths)) {
        if (!item.get || route.startsWith('/api/docs') || route === '/api/health') continue;
        const id = idFor.find(([re]) => re.test(route))?.[1] ?? 1;
        const path = route.replace(/\{[^}]+\}/g, String(id));
        for (const [who, cookie] of [
          ['staff', staff],
          ['mentee', mentee],
        ] as const) {
          // Twice: the first may start something (a cache, a worker); a person asks again.
          const first = await measured(probe, base, path, cookie);
          if (first.status === 401 || first.status === 403) continue;
          const again = await measured(probe, base, path, cookie);
          asked.push({ route, who, ...(again.stallMs > first.stallMs ? again : first) });
          break;
        }
      }
      await probe.stop();
      asked.sort((a, b) => b.stallMs - a.stallMs);
      const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
      console.log(
        `\n${asked.length} GET routes, ${PEOPLE.toLocaleString('en-US')} people; those that held the event loop past ${SHOWN_MS} ms:`,
      );
      console.log('| route | as | status | bytes | answered in ms | held the loop ms |');
      console.log('| --- | --- | --- | --- | --- | --- |');
      for (const a of asked.filter((x) => x.stallMs > SHOWN_MS)) {
        console.log(`| \`${a.route}\` | ${a.who} | ${a.status} | ${fmt(a.bytes)} | ${fmt(a.totalMs)} | ${fmt(a.stallMs)} |`);
      }
      const worst = asked[0];
      if (worst) {
        benchFigure({
          item: '2. API',
          what: `longest any GET route held the event loop (${worst.route})`,
          value: Math.round(worst.stallMs),
          unit: 'ms',
          aim: { atMost: 100 },
        });
      }
    } finally {
      await server.stop();
    }
  } finally {
    if (!KEEP_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
