import { createReport } from '../../../src/features/reports/reports.service.ts';
import { listSections, updateReport } from '../../../src/features/reports/reports.store.ts';
import type { TestContext } from '../../setup/test-app.ts';
import { ownOrOther, SEED_PERIOD_ID, SIGNED_IN, STAFF_ONLY } from './matrix-kit.ts';
import type { Caller, Cell, Expectation, Fixture } from './matrix-kit.ts';

const STAFF_ACTOR = { userId: 1, roles: ['staff'] as const };

/** A draft report in the seed period (the default outline), straight through the service. */
async function draft(ctx: TestContext): Promise<number> {
  return (await createReport(ctx.deps, { ...STAFF_ACTOR, roles: [...STAFF_ACTOR.roles] }, { periodId: SEED_PERIOD_ID })).id;
}

/** A published report for staff and the task force only (published in the store: its charts need no data). */
async function publishedForStaff(ctx: TestContext): Promise<number> {
  const id = await draft(ctx);
  const at = ctx.deps.clock.now().toISOString();
  await updateReport(
    ctx.deps.db,
    id,
    { status: 'published', frozen: JSON.stringify({ programName: 'Matrix', charts: [] }), published_at: at, published_by: 1 },
    at,
  );
  return id;
}

/** `own` is a draft, `other` a published staff-only report: nobody outside staff and the task force may read either. */
const reports = async (ctx: TestContext) => ({ own: await draft(ctx), other: await publishedForStaff(ctx) });

/** The section each fixture's report starts with (section routes name it in the URL). */
const firstSection = new WeakMap<Fixture, number>();
const draftWithSection = async (ctx: TestContext, f: Fixture) => {
  const id = await draft(ctx);
  firstSection.set(f, (await listSections(ctx.deps.db, id))[0]!.id);
  return { own: id, other: id };
};
const sectionUrl =
  (suffix = '') =>
  (f: Fixture) =>
    `/api/reports/:id/sections/${firstSection.get(f) ?? 0}${suffix}`;

/** The task force writes the report; staff too. Everyone else is stopped at the door. */
const WRITERS: Record<Caller, Expectation> = { ...STAFF_ONLY, taskforce: 'ok' };
/**
 * The page and PDF are open to the public route, and the service decides: staff and the task
 * force read drafts (a preview) and staff-only reports; participants and the committee get 404 for
 * both (a published report for participants or the public is in test/api/reports.test.ts).
 */
const PAGE_READERS: Record<Caller, Expectation> = {
  ...ownOrOther(404, 404),
  anonymous: 404,
  staff: { own: 'ok', other: 'ok' },
  taskforce: { own: 'ok', other: 'ok' },
};

/** Routes of the annual report: who may call them. */
export const reportMatrix: Record<string, Cell> = {
  'GET /api/reports': { url: () => '/api/reports', expect: WRITERS },
  'GET /api/reports/published': { url: () => '/api/reports/published', expect: SIGNED_IN },
  'POST /api/reports': { url: () => '/api/reports', body: () => ({ periodId: SEED_PERIOD_ID }), expect: WRITERS },
  'GET /api/reports/:id': { url: () => '/api/reports/:id', targets: reports, expect: WRITERS },
  'PATCH /api/reports/:id': { url: () => '/api/reports/:id', targets: reports, body: () => ({ visibility: 'staff' }), expect: WRITERS },
  'DELETE /api/reports/:id': { url: () => '/api/reports/:id', targets: reports, expect: WRITERS },
  'POST /api/reports/:id/sections': {
    url: () => '/api/reports/:id/sections',
    targets: reports,
    body: () => ({ title: 'More' }),
    expect: WRITERS,
  },
  'PUT /api/reports/:id/sections/order': {
    url: () => '/api/reports/:id/sections/order',
    targets: reports,
    body: () => ({ sectionIds: [1] }),
    expect: WRITERS,
  },
  'PUT /api/reports/:id/sections/:sectionId': {
    url: sectionUrl(),
    targets: draftWithSection,
    body: () => ({ title: 'Numbers', body: { type: 'doc', content: [] }, revision: 1 }),
    expect: WRITERS,
  },
  'DELETE /api/reports/:id/sections/:sectionId': { url: sectionUrl(), targets: draftWithSection, expect: WRITERS },
  'GET /api/reports/:id/sections/:sectionId/history': { url: sectionUrl('/history'), targets: draftWithSection, expect: WRITERS },
  'POST /api/reports/:id/publish': { url: () => '/api/reports/:id/publish', targets: reports, expect: WRITERS },
  'GET /api/reports/:id/report.html': { url: () => '/api/reports/:id/report.html', targets: reports, expect: PAGE_READERS },
  'GET /api/reports/:id/report.pdf': { url: () => '/api/reports/:id/report.pdf', targets: reports, expect: PAGE_READERS },
};
