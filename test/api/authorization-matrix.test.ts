import { insertImport } from '../../src/features/applications/application-imports.store.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, createPerson, setUpProgram, TEST_PASSWORD } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { recordFigure } from '../setup/figures.ts';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { insertApplication } from '../../src/features/applications/applications.store.ts';
import { applicationAnswersSchema } from '../../src/shared/api/applications.ts';
import { activityMatrix } from './authorization/activities.matrix.ts';
import { backupMatrix } from './authorization/backup.matrix.ts';
import { eventMatrix } from './authorization/events.matrix.ts';
import { exportMatrix } from './authorization/exports.matrix.ts';
import { surveyMatrix } from './authorization/surveys.matrix.ts';
import { goalSheetMatrix } from './authorization/goal-sheets.matrix.ts';
import { liaisonMatrix } from './authorization/liaisons.matrix.ts';
import { CALLERS, PUBLIC, SELF_OR_STAFF, SIGNED_IN, STAFF_ONLY, everyone, ownOrOther } from './authorization/matrix-kit.ts';
import type { Caller, Cell, Expectation, Fixture, Outcome } from './authorization/matrix-kit.ts';
import { participantChoiceMatrix } from './authorization/participant-choice.matrix.ts';
import { periodMatchMatrix } from './authorization/period-matches.matrix.ts';
import { personalDataMatrix } from './authorization/personal-data.matrix.ts';
import { programFigureMatrix } from './authorization/program-figures.matrix.ts';
import { programHealthMatrix } from './authorization/program-health.matrix.ts';
import { recognitionLetterMatrix } from './authorization/recognition-letters.matrix.ts';
import { reportMatrix } from './authorization/reports.matrix.ts';
import { rematchMatrix } from './authorization/rematch.matrix.ts';
import { reminderMatrix } from './authorization/reminders.matrix.ts';
import { resourceMatrix } from './authorization/resources.matrix.ts';

/**
 * Every API route × every kind of caller × (their own record, someone else's) → the status the
 * server must give. A route the app has but this table lacks fails the test, so nobody can add a
 * route without deciding who may call it. Later features keep their rows in ./authorization/.
 */
/** An applicant sees only their own application; staff and the committee review everyone's. */
const OWN_APPLICATION: Record<Caller, Expectation> = {
  ...ownOrOther('ok', 404),
  anonymous: 401,
};
const OWN_OR_REVIEWER: Record<Caller, Expectation> = { ...OWN_APPLICATION, staff: 'ok', committee: 'ok' };
const REVIEWERS: Record<Caller, Expectation> = { ...STAFF_ONLY, committee: 'ok' };

const ANSWERS = {
  workplaceType: 'public',
  yearsExperience: 3,
  careerStage: 'mid_career',
  region: 'US-IL',
  timeZone: 'America/Chicago',
  interests: ['Storytime'],
  programGoalIds: [1],
  channels: ['email'],
  meetInPerson: false,
  languages: ['English'],
};
/** A submitted application of this person in the seed period. */
function applicationOf(ctx: TestContext, userId: number, role: 'mentor' | 'mentee'): Promise<number> {
  const answers = applicationAnswersSchema.parse(ANSWERS);
  return insertApplication(ctx.deps.db, { periodId: 1, userId, role, answers, at: ctx.deps.clock.now().toISOString() });
}
/** An application of the caller (if signed in) and one of someone else, in the seed period. */
async function applications(ctx: TestContext, f: Fixture): Promise<{ own: number; other: number }> {
  return { own: f.ownId === 0 ? 0 : await applicationOf(ctx, f.ownId, 'mentee'), other: await applicationOf(ctx, f.otherId, 'mentee') };
}
const CSV = Buffer.from('email,name\nx@example.org,X\n').toString('base64');

const TOKEN = 'x'.repeat(43);
const DATES = {
  applicationsOpenOn: '2026-09-01',
  applicationsCloseOn: '2026-09-30',
  matchesAnnouncedOn: '2026-10-15',
  programEndsOn: '2027-09-30',
  surveyOpensOn: '2027-09-01',
  surveyClosesOn: '2027-09-21',
};

const MATRIX: Record<string, Cell> = {
  'GET /api/health': { url: () => '/api/health', expect: PUBLIC },
  'GET /api/ready': { url: () => '/api/ready', expect: PUBLIC },
  'GET /api/setup/status': { url: () => '/api/setup/status', expect: PUBLIC },
  'POST /api/setup': {
    url: () => '/api/setup',
    body: (f) => ({ programName: 'X', timeZone: 'UTC', name: 'X', email: `x${f.seq}@example.org`, password: 'long enough' }),
    expect: PUBLIC,
  },
  'POST /api/auth/login': { url: () => '/api/auth/login', body: (f) => ({ email: f.otherEmail, password: TEST_PASSWORD }), expect: PUBLIC },
  'POST /api/auth/logout': { url: () => '/api/auth/logout', expect: PUBLIC },
  // Nobody signed in is an answer ({ user: null }), not an error: signed-out pages ask too.
  'GET /api/me': { url: () => '/api/me', expect: PUBLIC },
  'GET /api/auth/csrf': { url: () => '/api/auth/csrf', expect: PUBLIC },
  'POST /api/auth/password-reset/request': {
    url: () => '/api/auth/password-reset/request',
    body: () => ({ email: 'no@example.org' }),
    expect: PUBLIC,
  },
  'POST /api/auth/password-reset/complete': {
    url: () => '/api/auth/password-reset/complete',
    body: () => ({ token: TOKEN, password: 'long enough' }),
    expect: { ...everyone(404), anonymous: 404 },
  },
  'POST /api/auth/password': {
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'wrong guess', newPassword: 'long enough' }),
    expect: SIGNED_IN,
  },
  'GET /api/invitations/:token': { url: () => `/api/invitations/${TOKEN}`, expect: everyone(404) },
  'POST /api/invitations/:token/accept': {
    url: () => `/api/invitations/${TOKEN}/accept`,
    body: () => ({ name: 'X', password: 'long enough' }),
    expect: everyone(404),
  },
  'GET /api/users': { url: () => '/api/users', expect: STAFF_ONLY },
  'GET /api/users/:id': { url: () => '/api/users/:id', expect: SELF_OR_STAFF },
  'PATCH /api/users/:id': { url: () => '/api/users/:id', body: () => ({}), expect: STAFF_ONLY },
  'GET /api/invitations': { url: () => '/api/invitations', expect: STAFF_ONLY },
  'POST /api/invitations': {
    url: () => '/api/invitations',
    body: (f) => ({ email: `invitee${f.seq}@example.org`, name: 'Invitee', roles: ['mentee'] }),
    expect: STAFF_ONLY,
  },
  'POST /api/invitations/:id/revoke': { url: () => '/api/invitations/999999/revoke', expect: { ...STAFF_ONLY, staff: 404 } },
  'GET /api/settings': { url: () => '/api/settings', expect: SIGNED_IN },
  'PATCH /api/settings': { url: () => '/api/settings', body: () => ({ contactsPerMonth: 2 }), expect: STAFF_ONLY },
  'GET /api/program-goals': { url: () => '/api/program-goals', expect: SIGNED_IN },
  'POST /api/program-goals': { url: () => '/api/program-goals', body: (f) => ({ title: `Goal ${f.seq}` }), expect: STAFF_ONLY },
  'PATCH /api/program-goals/:id': { url: () => '/api/program-goals/1', body: () => ({ description: 'Edited.' }), expect: STAFF_ONLY },
  'POST /api/program-goals/reorder': { url: () => '/api/program-goals/reorder', body: () => ({ ids: [1] }), expect: STAFF_ONLY },
  'GET /api/periods': { url: () => '/api/periods', expect: SIGNED_IN },
  'GET /api/periods/:id': { url: () => '/api/periods/1', expect: SIGNED_IN },
  'POST /api/periods': { url: () => '/api/periods', body: (f) => ({ name: `Period ${f.seq}`, ...DATES }), expect: STAFF_ONLY },
  'PATCH /api/periods/:id': { url: () => '/api/periods/1', body: () => ({ programEndsOn: '2027-09-30' }), expect: STAFF_ONLY },
  'POST /api/periods/:id/transition': { url: () => '/api/periods/1/transition', body: () => ({ to: 'closed' }), expect: STAFF_ONLY },
  'GET /api/apply/form': { url: () => '/api/apply/form', expect: PUBLIC },
  'POST /api/apply': {
    url: () => '/api/apply',
    body: (f) => ({
      periodId: 1,
      role: 'mentee',
      name: 'Applicant',
      email: `applicant${f.seq}@example.org`,
      password: 'long enough',
      answers: ANSWERS,
    }),
    expect: PUBLIC,
  },
  'POST /api/applications': {
    url: () => '/api/applications',
    body: () => ({ periodId: 1, role: 'mentee', answers: ANSWERS }),
    expect: SIGNED_IN,
  },
  'GET /api/my/applications': { url: () => '/api/my/applications', expect: SIGNED_IN },
  'GET /api/applications/:id': { url: () => '/api/applications/:id', targets: applications, expect: OWN_OR_REVIEWER },
  'PATCH /api/applications/:id': {
    url: () => '/api/applications/:id',
    targets: applications,
    body: () => ({ answers: ANSWERS }),
    expect: OWN_APPLICATION,
  },
  'POST /api/applications/:id/withdraw': { url: () => '/api/applications/:id/withdraw', targets: applications, expect: OWN_APPLICATION },
  'POST /api/applications/:id/carry-forward': {
    url: () => '/api/applications/:id/carry-forward',
    targets: applications,
    body: () => ({ carryForward: false }),
    expect: OWN_APPLICATION,
  },
  'POST /api/applications/:id/decision': {
    url: () => '/api/applications/:id/decision',
    targets: applications,
    body: () => ({ decision: 'waitlisted' }),
    expect: REVIEWERS,
  },
  'GET /api/periods/:id/applications': { url: () => '/api/periods/1/applications', expect: REVIEWERS },
  'POST /api/periods/:id/applications/bulk-decision': {
    url: () => '/api/periods/1/applications/bulk-decision',
    body: () => ({ filter: { status: 'submitted' }, decision: 'waitlisted', preview: true }),
    expect: REVIEWERS,
  },
  'POST /api/periods/:id/applications/import': {
    url: () => '/api/periods/1/applications/import',
    body: () => ({ fileBase64: CSV, mode: 'preview' }),
    expect: REVIEWERS,
  },
  // The matrix sends JSON: past the role check, the background import refuses it (415).
  'POST /api/periods/:id/application-imports': {
    url: () => '/api/periods/1/application-imports?mode=preview',
    body: () => ({ fileBase64: CSV, mode: 'preview' }),
    expect: REVIEWERS,
  },
  'GET /api/periods/:id/application-imports': { url: () => '/api/periods/1/application-imports', expect: REVIEWERS },
  // Imports belong to the program, not to a person: two of them, and only reviewers see either.
  'GET /api/application-imports/:id': {
    url: () => '/api/application-imports/:id',
    targets: async (ctx) => {
      const at = ctx.deps.clock.now().toISOString();
      const made = () => insertImport(ctx.deps.db, { periodId: 1, createdBy: 1, mode: 'preview', fileBytes: 10, at });
      return { own: (await made()).id, other: (await made()).id };
    },
    expect: REVIEWERS,
  },
  'GET /api/outbox': { url: () => '/api/outbox', expect: STAFF_ONLY },
  'GET /api/outbox/:id': { url: () => '/api/outbox/1', expect: STAFF_ONLY },
  'GET /api/audit': { url: () => '/api/audit', expect: STAFF_ONLY },
  // Matching workspace: staff and the committee; ids that do not exist answer 404 once past the role check.
  'GET /api/periods/:id/matching': { url: () => '/api/periods/1/matching', expect: { ...STAFF_ONLY, committee: 'ok' } },
  'POST /api/periods/:id/matching-runs': {
    url: () => '/api/periods/1/matching-runs',
    body: () => ({}),
    expect: { ...STAFF_ONLY, committee: 'ok' },
  },
  'GET /api/matching-runs/:id': { url: () => '/api/matching-runs/999999', expect: { ...STAFF_ONLY, staff: 404, committee: 404 } },
  'GET /api/matching-runs/:id/pairs': {
    url: () => '/api/matching-runs/999999/pairs',
    expect: { ...STAFF_ONLY, staff: 404, committee: 404 },
  },
  'POST /api/periods/:id/pair-rules': {
    url: () => '/api/periods/1/pair-rules',
    body: () => ({ kind: 'forbid', menteeApplicationId: 999998, mentorApplicationId: 999999 }),
    expect: { ...STAFF_ONLY, committee: 'ok' },
  },
  'DELETE /api/pair-rules/:id': { url: () => '/api/pair-rules/999999', expect: { ...STAFF_ONLY, staff: 404, committee: 404 } },
  'GET /api/matching-runs/:id/pair-preview': {
    url: () => '/api/matching-runs/999999/pair-preview?menteeApplicationId=1&mentorApplicationId=2',
    expect: { ...STAFF_ONLY, staff: 404, committee: 404 },
  },
  'POST /api/matching-runs/:id/reassign': {
    url: () => '/api/matching-runs/999999/reassign',
    body: () => ({ menteeApplicationId: 1, mentorApplicationId: null }),
    expect: { ...STAFF_ONLY, staff: 404, committee: 404 },
  },
  'POST /api/matching-runs/:id/approve': {
    url: () => '/api/matching-runs/999999/approve',
    expect: { ...STAFF_ONLY, staff: 404, committee: 404 },
  },
  'GET /api/my/matches': { url: () => '/api/my/matches', expect: SIGNED_IN },
  ...goalSheetMatrix,
  ...activityMatrix,
  ...resourceMatrix,
  ...reminderMatrix,
  ...programHealthMatrix,
  ...rematchMatrix,
  ...liaisonMatrix,
  ...eventMatrix,
  ...surveyMatrix,
  ...recognitionLetterMatrix,
  ...programFigureMatrix,
  ...reportMatrix,
  ...participantChoiceMatrix,
  ...backupMatrix,
  ...exportMatrix,
  ...personalDataMatrix,
  ...periodMatchMatrix,
};

function satisfies(status: number, outcome: Outcome): boolean {
  if (outcome === 'ok') return status < 500 && status !== 401 && status !== 403 && status !== 404;
  return status === outcome;
}

describeEachDialect('authorization matrix', (db, dialect) => {
  let ctx: TestContext;
  let seq = 0;
  // What each caller got, for the printed table (bench/reliability): checks made and mismatches.
  let checks = 0;
  let mismatches = 0;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    const staff = new Client(ctx.app);
    await staff.useSession(await startSession(ctx.deps, staffId));
    // Something for the per-id routes to find, and outbox message 1.
    await staff.post('/api/periods', { name: 'Seed period', ...DATES });
    await staff.post('/api/invitations', { email: 'seed@example.org', name: 'Seed', roles: ['mentee'] });
  });
  afterAll(async () => {
    recordFigure('authorization', { dialect, routes: Object.keys(MATRIX).length, callers: CALLERS.length, checks, mismatches });
    await ctx.close();
  });

  it('has an entry for every route the app serves, and none for a route it does not', () => {
    const served = ctx.app.routeTable.filter((r) => !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    const missing = served.filter((key) => !(key in MATRIX));
    expect(missing, 'routes with no authorization-matrix entry').toEqual([]);
    expect(
      Object.keys(MATRIX).filter((key) => !served.includes(key)),
      'matrix entries for routes that do not exist',
    ).toEqual([]);
  });

  for (const [key, cell] of Object.entries(MATRIX)) {
    it(`${key}: each caller gets what the matrix says`, async () => {
      const [method] = key.split(' ') as ['GET' | 'POST' | 'PATCH'];
      const failures: string[] = [];
      const seen: Record<string, string> = {};
      for (const caller of CALLERS) {
        const expectation = cell.expect[caller];
        const variants = typeof expectation === 'object' ? (['own', 'other'] as const) : (['any'] as const);
        for (const variant of variants) {
          const client = new Client(ctx.app);
          let ownId = 0;
          if (caller !== 'anonymous') {
            const person = await createPerson(ctx.deps, caller === 'applicant' ? [] : [caller]);
            ownId = person.id;
            if (caller === 'applicant') await applicationOf(ctx, person.id, 'mentor');
            await client.useSession(await startSession(ctx.deps, person.id));
          }
          const other = await createPerson(ctx.deps, ['mentee']);
          seq += 1;
          const fixture: Fixture = { ownId, otherId: other.id, otherEmail: other.email, seq, caller };
          const targets = await cell.targets?.(ctx, fixture);
          const targetId = targets ? (variant === 'own' ? targets.own : targets.other) : variant === 'own' ? ownId : other.id;
          const url = cell.url(fixture).replace(':id', String(targetId));
          const res = await client.request(method, url, method === 'GET' ? undefined : (cell.body?.(fixture) ?? {}));
          const outcome = typeof expectation === 'object' ? expectation[variant as 'own' | 'other'] : expectation;
          checks += 1;
          seen[caller] = variant === 'other' ? `${seen[caller] ?? ''} / ${res.statusCode}` : String(res.statusCode);
          if (!satisfies(res.statusCode, outcome)) {
            mismatches += 1;
            failures.push(
              `${caller}${variant === 'any' ? '' : ` (${variant} record)`}: expected ${outcome}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
          }
        }
      }
      if (dialect === 'sqlite') recordFigure('authorization-row', { route: key, ...seen });
      expect(failures).toEqual([]);
    });
  }
});
