import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoUnlessChanged } from '../db/unchanged-cache.ts';
import { answerSerializerCompiler } from './answer-serializer.ts';

describe('answerSerializerCompiler', () => {
  const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
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
    const kept = await memoUnlessChanged(db, 'kept answer', () => Promise.resolve({ name: 'Grace', count: 3, secret: 'x' }));
    const serialize = compile();
    expect(serialize(kept)).toBe('{"name":"Grace","count":3}');
    // Kept answers are never changed in place; one that were would show it is not written again.
    kept.count = 99;
    expect(serialize(kept)).toBe('{"name":"Grace","count":3}');
    // Another route (another schema, another serializer) writes it for itself.
    const other = answerSerializerCompiler({ schema: z.object({ name: z.string() }), method: 'GET', url: '/y', httpStatus: '200' });
    expect(other(kept)).toBe('{"name":"Grace"}');
  });
});
