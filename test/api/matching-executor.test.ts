import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../src/matching/index.ts';
import type { MentorProfile } from '../../src/matching/index.ts';
import { findRun, insertRun } from '../../src/features/matching-runs/matching-runs.store.ts';
import { createRunExecutor } from '../../src/features/matching-runs/run-executor.ts';
import type { RunJob } from '../../src/features/matching-runs/run-job.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, createPerson, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn } from './matching-fixtures.ts';

const INTERESTS = [
  'storytime',
  'outreach',
  'teen services',
  'early literacy',
  'grant writing',
  'STEM',
  'advocacy',
  'collections',
  'management',
  'summer reading',
];
const ZONES = ['America/Chicago', 'America/New_York', 'America/Los_Angeles', 'America/Toronto'];

function person(k: number, mentor: boolean): MentorProfile {
  return {
    id: String(mentor ? 100_000 + k : k + 1),
    name: `Person ${k}`,
    employer: `Library ${k % 97}`,
    workplaceType: (['public', 'school', 'academic'] as const)[k % 3],
    yearsExperience: mentor ? 8 + (k % 20) : k % 5,
    region: `US-${k % 7}`,
    timeZone: ZONES[k % ZONES.length],
    interests: [INTERESTS[k % 10] as string, INTERESTS[(k * 3) % 10] as string],
    programGoals: [1 + (k % 7), 1 + ((k * 5) % 7)],
    channels: [(['email', 'video', 'phone'] as const)[k % 3] ?? 'email'],
    languages: ['English'],
    meetInPerson: k % 2 === 0,
    ...(mentor && { capacity: 1 + (k % 3) }),
  };
}

/** Big enough that the engine computes for a second or more on a laptop. */
function bigJob(mentees: number, mentors: number): RunJob {
  return {
    mentees: Array.from({ length: mentees }, (_, k) => person(k, false)),
    mentors: Array.from({ length: mentors }, (_, k) => person(k, true)),
    weights: DEFAULT_WEIGHTS,
    objective: 'most-matched',
    minScore: null,
    referenceDate: Date.UTC(2026, 8, 1),
    previousPartners: [],
    forbidden: [],
    locks: [],
    notes: [],
  };
}

describeEachDialect('matching run executor', (db) => {
  let ctx: TestContext;
  let periodId: number;
  let staffId: number;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staffId = (await createPerson(ctx.deps, ['staff'])).id;
    periodId = await periodIn(ctx.deps);
  });
  afterAll(() => ctx.close());

  const newRun = () =>
    insertRun(ctx.deps.db, {
      periodId,
      weights: DEFAULT_WEIGHTS,
      objective: 'most-matched',
      minScore: null,
      poolFingerprint: 'test',
      createdBy: staffId,
      at: ctx.clock.now().toISOString(),
    });

  it('computes a big run in a worker thread while the event loop stays free, writing progress as it goes', async () => {
    const executor = createRunExecutor(ctx.deps);
    const runId = await newRun();
    const seen: number[] = [];
    let maxGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const t = performance.now();
      maxGap = Math.max(maxGap, t - last);
      last = t;
    }, 10);
    const poller = setInterval(() => {
      void findRun(ctx.deps.db, runId).then((r) => r && seen.push(r.progress));
    }, 40);
    const started = performance.now();
    executor.start(runId, bigJob(6000, 1500));
    await executor.settled(runId);
    const took = performance.now() - started;
    clearInterval(ticker);
    clearInterval(poller);
    await executor.close();

    const run = await findRun(ctx.deps.db, runId);
    expect(run).toMatchObject({ status: 'done', progress: 1, error: null });
    expect(run!.result!.summary.matched).toBe(3000); // every mentor place filled
    // The run took long enough to matter, and no timer waited more than a fraction of it:
    // the main thread only handled messages and database writes.
    expect(took).toBeGreaterThan(500);
    expect(maxGap).toBeLessThan(Math.min(250, took / 3));
    // Progress reached the database on the way, not only at the end.
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  }, 60_000);

  it('stops its workers when closed, marking their runs interrupted', async () => {
    const executor = createRunExecutor(ctx.deps);
    const runId = await newRun();
    executor.start(runId, bigJob(3000, 800));
    const closing = performance.now();
    await executor.close();
    expect(performance.now() - closing).toBeLessThan(2_000);
    expect(await findRun(ctx.deps.db, runId)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Interrupted/) });

    // A closed executor starts nothing new.
    const late = await newRun();
    executor.start(late, bigJob(1, 1));
    await executor.settled(late);
    expect((await findRun(ctx.deps.db, late))?.status).toBe('failed');
  });

  it('fails a run the engine cannot use, with a readable reason', async () => {
    const executor = createRunExecutor(ctx.deps);
    const runId = await newRun();
    const job = bigJob(2, 1);
    executor.start(runId, { ...job, mentees: [job.mentees[0]!, job.mentees[0]!] });
    await executor.settled(runId);
    await executor.close();
    expect(await findRun(ctx.deps.db, runId)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/could not use this input: Duplicate mentee id "1"/),
    });
  });
});
