import type { Deps } from '../../deps.ts';
import { recordPastImport } from '../applications/application-imports.service.ts';
import { IMPORT_FIELDS } from '../../shared/api/applications.ts';
import type { ImportResult } from '../../shared/api/applications.ts';
import { HOUR_MS } from '../../time/clock.ts';
import { toInstant } from '../../time/instant.ts';

/**
 * How this year's applications came in: staff checked the spring form's spreadsheet a week ago,
 * found two rows to fix, and imported the good rows, so the import page has a history to show.
 * The counts are the demo pool's (58 mentees and 19 mentors).
 */
export async function seedDemoImports(
  deps: Pick<Deps, 'db' | 'clock'>,
  o: { periodId: number; staffId: number; imported: number },
): Promise<void> {
  const weekAgo = deps.clock.now().getTime() - 7 * 24 * HOUR_MS;
  const at = (minutes: number) => toInstant(new Date(weekAgo + minutes * 60 * 1000));
  const headings = [...IMPORT_FIELDS];
  const mapping = Object.fromEntries(headings.map((h) => [h, h]));
  const rows: ImportResult['rows'] = [
    {
      line: 15,
      email: 'r.okonkwo@example',
      name: 'Rita Okonkwo',
      role: 'mentee',
      errors: [{ field: 'email', message: 'Enter a valid e-mail address.' }],
    },
    {
      line: 52,
      email: 'tomas.herrera@example.org',
      name: 'Tomás Herrera',
      role: 'mentor',
      errors: [{ field: 'capacity', message: 'Use a whole number of mentees from 1 to 10.' }],
    },
  ];
  const total = o.imported + rows.length;
  const counts = { total, good: o.imported, bad: rows.length };
  const file = { periodId: o.periodId, createdBy: o.staffId, fileBytes: 41_377 };
  await recordPastImport(deps, {
    ...file,
    mode: 'preview',
    at: at(0),
    finishedAt: at(0.1),
    result: { headings, mapping, unmapped: [], rows, counts: { ...counts, imported: 0 }, imported: false },
  });
  await recordPastImport(deps, {
    ...file,
    mode: 'good-rows',
    at: at(3),
    finishedAt: at(3.1),
    result: { headings, mapping, unmapped: [], rows, counts: { ...counts, imported: o.imported }, imported: true },
  });
}
