import { insertSurveyInvitations } from '../../../src/features/surveys/survey-invitations.store.ts';
import { insertSurvey, updateSurvey } from '../../../src/features/surveys/surveys.store.ts';
import { addDays } from '../../../src/time/zoned.ts';
import type { TestContext } from '../../setup/test-app.ts';
import { ownOrOther, SEED_PERIOD_ID, SIGNED_IN, STAFF_ONLY } from './matrix-kit.ts';
import type { Caller, Cell, Expectation, Fixture } from './matrix-kit.ts';

const QUESTION = { id: 'q', section: '', kind: 'likert', text: 'How is it going?', help: '', required: true, audience: 'both' };
const LABELS = ['1', '2', '3', '4', '5'];

/** An open check-in straight in the store; the caller is invited to their own, nobody to the other. */
async function survey(ctx: TestContext, invite: number): Promise<number> {
  const now = ctx.deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const at = now.toISOString();
  const id = await insertSurvey(
    ctx.deps.db,
    {
      period_id: SEED_PERIOD_ID,
      kind: 'check-in',
      title: 'Matrix check-in',
      intro: '',
      audience: 'both',
      named: 0,
      opens_on: addDays(today, -2),
      closes_on: addDays(today, 10),
      questions: JSON.stringify([{ ...QUESTION, options: LABELS, min: null, max: null }]),
    },
    1,
    at,
  );
  await updateSurvey(ctx.deps.db, id, { published_at: at }, at);
  if (invite > 0) await insertSurveyInvitations(ctx.deps.db, id, [{ userId: invite, role: 'mentee' }], at);
  return id;
}

const surveys = async (ctx: TestContext, f: Fixture) => ({ own: await survey(ctx, f.ownId), other: await survey(ctx, 0) });

/** Only the person invited may answer; everyone else (staff too) gets 404 for a survey not theirs. */
const INVITED: Record<Caller, Expectation> = { ...ownOrOther('ok', 404), anonymous: 401 };
/** Aggregates only, for staff and the advisory task force. */
const RESULT_READERS: Record<Caller, Expectation> = { ...STAFF_ONLY, taskforce: 'ok' };

/** Routes of surveys: who may call them. */
export const surveyMatrix: Record<string, Cell> = {
  'GET /api/surveys': { url: () => '/api/surveys', expect: SIGNED_IN },
  'GET /api/survey-results': { url: () => '/api/survey-results', expect: RESULT_READERS },
  'POST /api/surveys': { url: () => '/api/surveys', body: () => ({ periodId: SEED_PERIOD_ID, kind: 'check-in' }), expect: STAFF_ONLY },
  'GET /api/surveys/:id': { url: () => '/api/surveys/:id', targets: surveys, expect: STAFF_ONLY },
  'PATCH /api/surveys/:id': { url: () => '/api/surveys/:id', targets: surveys, body: () => ({ title: 'Renamed' }), expect: STAFF_ONLY },
  'DELETE /api/surveys/:id': { url: () => '/api/surveys/:id', targets: surveys, expect: STAFF_ONLY },
  'POST /api/surveys/:id/publish': { url: () => '/api/surveys/:id/publish', targets: surveys, expect: STAFF_ONLY },
  'POST /api/surveys/:id/close': { url: () => '/api/surveys/:id/close', targets: surveys, expect: STAFF_ONLY },
  'POST /api/surveys/:id/extend': {
    url: () => '/api/surveys/:id/extend',
    targets: surveys,
    body: () => ({ closesOn: '2099-01-01' }),
    expect: STAFF_ONLY,
  },
  'GET /api/surveys/:id/progress': { url: () => '/api/surveys/:id/progress', targets: surveys, expect: STAFF_ONLY },
  'GET /api/surveys/:id/not-yet': { url: () => '/api/surveys/:id/not-yet', targets: surveys, expect: STAFF_ONLY },
  'GET /api/surveys/:id/results': { url: () => '/api/surveys/:id/results', targets: surveys, expect: RESULT_READERS },
  'GET /api/surveys/:id/answers': { url: () => '/api/surveys/:id/answers', targets: surveys, expect: STAFF_ONLY },
  'GET /api/surveys/:id/form': { url: () => '/api/surveys/:id/form', targets: surveys, expect: INVITED },
  'PUT /api/surveys/:id/draft': {
    url: () => '/api/surveys/:id/draft',
    targets: surveys,
    body: () => ({ answers: { q: 3 } }),
    expect: INVITED,
  },
  'POST /api/surveys/:id/response': {
    url: () => '/api/surveys/:id/response',
    targets: surveys,
    body: () => ({ answers: { q: 4 } }),
    expect: INVITED,
  },
};
