/**
 * Annual report benchmark (issue #16 item 7): a program of 100,000 people made by `tandem seed`
 * in a temporary SQLite file, then the task force's annual report of the last finished period,
 * with every figure of the period and every chartable question of its wrap-up survey as charts,
 * rendered as a PDF through `reportPdf` — the function the route GET /api/reports/:id/report.pdf
 * calls. A draft computes its charts from the live data on every request (the worst case); a
 * published report renders once from its frozen charts and is then kept.
 *
 *   npm run bench:report                  100,000 people, median of 3
 *   flags: --people 100000   --repeats 3   --keep (leave the database file and the PDF in the temp dir)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { createDb } from '../../src/db/create-db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Deps } from '../../src/deps.ts';
import type { Actor } from '../../src/features/accounts/actor.ts';
import { seedAtScale } from '../../src/features/demo/scale-seed.ts';
import { outboxOnlyMailer } from '../../src/features/notifications/mailer.ts';
import { chartOptions } from '../../src/features/program-figures/program-figures.service.ts';
import { createReport, publishReport, reportPdf, saveSection } from '../../src/features/reports/reports.service.ts';
import { docOf } from '../../src/features/reports/rich-text.rules.ts';
import { systemClock } from '../../src/time/clock.ts';
import { benchFigure } from '../figure.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const PEOPLE = Number(flag('--people') ?? 100_000);
const REPEATS = Number(flag('--repeats') ?? 3);
const KEEP = args.includes('--keep');

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-report-'));
const config = loadConfig({ ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' }, { dataDir: dir });
const handle = createDb({ sqliteFile: config.sqliteFile });
try {
  await migrateToLatest(handle.db);
  const deps: Deps = {
    db: handle.db,
    dialect: 'sqlite',
    config,
    clock: systemClock,
    mailer: outboxOnlyMailer,
    log: pino({ level: 'silent' }),
  };
  const seed = await timed(() => seedAtScale(deps, { people: PEOPLE }));
  console.log(
    `Seeded ${PEOPLE} people in ${seconds(seed.ms)} (${Object.entries(seed.value.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')})`,
  );

  const staff = await handle.db.selectFrom('users').select('id').where('email', '=', seed.value.staffEmail).executeTakeFirstOrThrow();
  const actor: Actor = { userId: staff.id, roles: ['staff'] };
  const periods = await handle.db
    .selectFrom('periods')
    .select(['id', 'name'])
    .where('status', '=', 'closed')
    .orderBy('id', 'desc')
    .execute();
  const period = periods[0];
  if (!period) throw new Error('the seed made no finished period');

  // The report as the task force would write it: the default outline, and a section with every chart the period offers.
  const options = await timed(() => chartOptions(deps, period.id));
  const report = await createReport(deps, actor, { periodId: period.id });
  const first = report.sections[0]!;
  const charts = options.value.options.map((o) => ({ chart: o.ref }));
  await saveSection(deps, actor, report.id, first.id, {
    title: first.title,
    body: docOf(`A look at ${period.name} in figures.`, ...charts),
    revision: first.revision,
  });
  const hidden = options.value.options.filter((o) => o.data.suppressed).length;
  console.log(`Report of ${period.name}: ${charts.length} charts (${hidden} hidden), chart options listed in ${seconds(options.ms)}`);

  const draftRuns: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < REPEATS; i++) {
    const run = await timed(() => reportPdf(deps, actor, report.id));
    draftRuns.push(run.ms);
    bytes = run.value.bytes;
  }
  benchFigure({
    item: '7. Report',
    what: `annual report PDF, ${PEOPLE.toLocaleString('en-US')} people (draft, live charts)`,
    value: Number((median(draftRuns) / 1000).toFixed(2)),
    unit: 's',
    aim: { atMost: 10 },
  });
  console.log(
    `Draft PDF (live charts): median ${seconds(median(draftRuns))} of ${REPEATS} [${draftRuns.map(seconds).join(', ')}], ${(bytes.length / 1024).toFixed(0)} KiB`,
  );

  const publish = await timed(() => publishReport(deps, actor, report.id));
  const published = await timed(() => reportPdf(deps, actor, report.id));
  const again = await timed(() => reportPdf(deps, actor, report.id));
  console.log(
    `Published: publishing ${seconds(publish.ms)}; PDF first render ${seconds(published.ms)} (${(published.value.bytes.length / 1024).toFixed(0)} KiB), then ${seconds(again.ms)} (kept)`,
  );
  if (KEEP) {
    writeFileSync(join(dir, 'report.pdf'), bytes);
    console.log(`Kept: ${dir}`);
  }
} finally {
  await handle.destroy();
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
