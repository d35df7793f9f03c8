import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dstSweep, offsetChanges } from '../../../test/setup/dst-sweep.ts';
import type { SweepResult } from '../../../test/setup/dst-sweep.ts';
import { recordFigure } from '../../../test/setup/figures.ts';

/** Issue #15 item 8: 20 time zones × every daylight-saving change 2024–2030. */
describe('reminders across every daylight-saving change', () => {
  it('finds the changes it sweeps from Intl: two a year in New York, none in São Paulo', () => {
    expect(offsetChanges('America/New_York')).toHaveLength(14);
    expect(offsetChanges('America/New_York')[0]).toBe('2024-03-10');
    expect(offsetChanges('America/Sao_Paulo')).toEqual([]);
    expect(offsetChanges('Australia/Lord_Howe').length).toBeGreaterThanOrEqual(13);
  });

  it('sends each reminder at 09:00 local on its day, none missed, none twice', () => {
    const sweep = dstSweep();
    expect(sweep.changes).toBeGreaterThan(230);
    expect(sweep.reminders).toHaveLength(sweep.matches * 4);
    expect(sweep.problems).toEqual([]);
    recordFigure('dst', {
      zones: sweep.zones,
      changes: sweep.changes,
      reminders: sweep.reminders.length,
      missed: 0,
      doubled: 0,
      wrongTime: sweep.problems.length,
    });
  });

  it('computes the same schedule to the millisecond under TZ=UTC and TZ=America/New_York', async () => {
    const script = fileURLToPath(new URL('../../../test/setup/dst-sweep.ts', import.meta.url));
    const runUnder = (tz: string) =>
      new Promise<{ offsetMinutes: number; sweep: SweepResult }>((resolve, reject) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', script],
          { env: { ...process.env, TZ: tz }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
          (error, stdout, stderr) => {
            if (error) reject(new Error(`${error.message}\n${stderr}`));
            else resolve(JSON.parse(stdout) as { offsetMinutes: number; sweep: SweepResult });
          },
        );
      });
    const [utc, newYork] = await Promise.all([runUnder('UTC'), runUnder('America/New_York')]);
    expect([utc.offsetMinutes, newYork.offsetMinutes]).toEqual([0, 240]);
    expect(newYork.sweep.reminders).toEqual(utc.sweep.reminders);
    expect(utc.sweep.reminders).toEqual(dstSweep().reminders);
  }, 120_000);
});
