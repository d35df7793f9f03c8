import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sqliteKysely } from '../db/create-db.ts';
import { memoUnlessChanged } from '../db/unchanged-cache.ts';
import { answerSerializerCompiler } from './answer-serializer.ts';

describe('answerSerializerCompiler', () => {
  const db = sqliteKysely<Record<string, never>>(new SQLite(':memory:'));
  afterAll(() => db.destroy());

  const schema = z.object({ name: z.string(), count: z.number() });
  const compile = () => answerSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });

  it('checks and writes a fresh answer every time, dropping what the schema does not name', () => {
    const serialize = compile();
    const answer = { name: 'Ada', count: 1, passwordHash: 'never sent' };
    expect(serialize(answer)).toBe('{"name":"Ada","count":1}');
    answer.count = 2;
    expect(serialize(answer)).toBe('{"name":"Ada","count":2}');
    expect(() => serialize({ name: 'Ada' })).toThrow();
  });

  it('writes an answer the unchanged-cache keeps once per route', async () => {
    // Kept answers are frozen under tests; a getter counts how often the answer is really read.
    let reads = 0;
    const kept = await memoUnlessChanged(db, 'kept answer', () =>
      Promise.resolve({
        name: 'Grace',
        get count() {
          reads += 1;
          return 3;
        },
        secret: 'x',
      }),
    );
    const serialize = compile();
    const before = reads;
    expect(serialize(kept)).toBe('{"name":"Grace","count":3}');
    expect(reads).toBeGreaterThan(before);
    const once = reads;
    // Written once for this route: asked again, the same text without reading the answer again.
    expect(serialize(kept)).toBe('{"name":"Grace","count":3}');
    expect(reads).toBe(once);
    // Another route (another schema, another serializer) writes it for itself.
    const other = answerSerializerCompiler({ schema: z.object({ name: z.string() }), method: 'GET', url: '/y', httpStatus: '200' });
    expect(other(kept)).toBe('{"name":"Grace"}');
  });
});
