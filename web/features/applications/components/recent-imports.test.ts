import { describe, expect, it } from 'vitest';
import type { ApplicationImportSummary } from '../api/get-period-imports.ts';
import { importOutcome } from './recent-imports.tsx';

const base: ApplicationImportSummary = {
  id: 1,
  periodId: 1,
  mode: 'preview',
  status: 'done',
  progress: null,
  fileBytes: 2048,
  createdAt: '2026-12-07T09:00:00.000Z',
  finishedAt: '2026-12-07T09:00:03.000Z',
  error: null,
  createdBy: { userId: 1, name: 'Dana Whitaker' },
  counts: { total: 1200, good: 1197, bad: 3, imported: 0 },
  unmapped: [],
};

describe('importOutcome', () => {
  it('says what a check found and what an import wrote or left out', () => {
    expect(importOutcome(base)).toBe('1,200 rows: 1,197 good, 3 with problems');
    expect(importOutcome({ ...base, counts: { total: 1, good: 1, bad: 0, imported: 0 } })).toBe('1 row: 1 good');
    expect(importOutcome({ ...base, unmapped: ['email', 'name'], counts: { total: 0, good: 0, bad: 0, imported: 0 } })).toBe(
      'Columns to match first: 2 required fields had none',
    );
    expect(importOutcome({ ...base, mode: 'good-rows', counts: { total: 1200, good: 1197, bad: 3, imported: 1197 } })).toBe(
      '1,197 imported, 3 left out',
    );
    expect(importOutcome({ ...base, mode: 'all-or-nothing', counts: { total: 1200, good: 1197, bad: 3, imported: 0 } })).toBe(
      'Nothing imported, 3 with problems',
    );
  });

  it('says how far a running import has got, and why one stopped', () => {
    const running = { ...base, status: 'running' as const, counts: null, unmapped: null, finishedAt: null };
    expect(importOutcome(running)).toBe('Running');
    expect(importOutcome({ ...running, progress: { step: 'reading', done: 250, total: 1000 } })).toBe('Running: checking the rows, 25 %');
    expect(importOutcome({ ...running, progress: { step: 'writing', done: 999, total: 1000 } })).toBe('Running: writing, 99 %');
    const failed = {
      ...base,
      status: 'failed' as const,
      counts: null,
      unmapped: null,
      error: { code: 'INTERRUPTED', message: 'The server stopped.' },
    };
    expect(importOutcome(failed)).toBe('Stopped: The server stopped.');
  });
});
