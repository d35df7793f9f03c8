import { describe, expect, it } from 'vitest';
import { IMPORT_STEPS } from '../../../../src/shared/api/application-imports.ts';
import { stageDisplay } from './import-progress.tsx';

type Progress = { step: (typeof IMPORT_STEPS)[number]; done: number; total: number };
const at = (step: string, done: number, total: number) => ({ kind: 'running' as const, progress: { step, done, total } as Progress });

describe('the words and bar of a CSV import’s progress', () => {
  it('counts bytes as a percentage and rows as counts, and announces only tens of percent', () => {
    expect(stageDisplay({ kind: 'sending', sent: 450, total: 1000 })).toEqual({
      value: 45,
      max: 100,
      text: 'Sending the file: 45%',
      announce: 'Sending the file: 40%',
    });
    expect(stageDisplay(at('reading', 1, 3)).text).toBe('Reading and checking the file: 33%');
    expect(stageDisplay(at('writing', 3_500, 100_000))).toEqual({
      value: 3_500,
      max: 100_000,
      text: 'Writing applications: 3,500 of 100,000',
      announce: 'Writing applications: 0%',
    });
  });

  it('has words for every step the server reports, and copes with one it does not know', () => {
    for (const step of IMPORT_STEPS) expect(stageDisplay(at(step, 1, 2)).text).not.toMatch(/^Working/);
    expect(stageDisplay(at('indexing', 5, 10)).text).toBe('Working: 5 of 10');
  });

  it('shows an indeterminate bar before the server reports a step, and never divides by zero', () => {
    expect(stageDisplay({ kind: 'running', progress: null })).toMatchObject({ value: undefined, text: 'Starting…' });
    expect(stageDisplay(at('writing', 0, 0))).toMatchObject({ value: 0, max: 1 });
    expect(stageDisplay({ kind: 'sending', sent: 0, total: 0 })).toMatchObject({ value: 0, text: 'Sending the file: 0%' });
  });
});
