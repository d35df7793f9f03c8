import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

describeEachDialect('the suggested interests vocabulary', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let mentor: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
    mentor = (await signedIn(ctx, ['mentor'])).client;
  });
  afterAll(() => ctx.close());

  it('starts empty, saves a tidied list with duplicates dropped, and offers it on the application form', async () => {
    expect((await staff.get('/api/settings')).json().interestVocabulary).toEqual([]);
    expect((await new Client(ctx.app).get('/api/apply/form')).json().interestVocabulary).toEqual([]);

    const saved = await staff.patch('/api/settings', {
      interestVocabulary: ['  Storytime ', 'grant   writing', 'storytime', '', 'Grant writing', 'teen services'],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().interestVocabulary).toEqual(['Storytime', 'grant writing', 'teen services']);

    expect((await staff.get('/api/settings')).json().interestVocabulary).toEqual(['Storytime', 'grant writing', 'teen services']);
    expect((await new Client(ctx.app).get('/api/apply/form')).json().interestVocabulary).toEqual([
      'Storytime',
      'grant writing',
      'teen services',
    ]);

    // Other changes leave the list as it is.
    await staff.patch('/api/settings', { contactsPerMonth: 3 });
    expect((await staff.get('/api/settings')).json().interestVocabulary).toEqual(['Storytime', 'grant writing', 'teen services']);
  });

  it('refuses a term that is too long, too many terms or a list that is not text, changing nothing', async () => {
    const before = (await staff.get('/api/settings')).json();
    for (const bad of [
      { interestVocabulary: ['x'.repeat(61)] },
      { interestVocabulary: Array.from({ length: 201 }, (_, i) => `term ${i}`) },
      { interestVocabulary: [42] },
      { interestVocabulary: 'storytime' },
    ]) {
      const res = await staff.patch('/api/settings', bad);
      expect(res.statusCode, JSON.stringify(bad).slice(0, 60)).toBe(400);
      expect(res.json()).toHaveProperty('code');
    }
    expect((await staff.get('/api/settings')).json()).toEqual(before);

    // 60 characters and 200 terms are fine.
    const full = Array.from({ length: 200 }, (_, i) => `term ${i}`.padEnd(60, '.'));
    const ok = await staff.patch('/api/settings', { interestVocabulary: full });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().interestVocabulary).toEqual(full);
  });

  it('is kept by staff only', async () => {
    expect((await mentor.patch('/api/settings', { interestVocabulary: ['anything'] })).statusCode).toBe(403);
  });
});
