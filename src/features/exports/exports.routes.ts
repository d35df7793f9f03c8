import { z } from 'zod';
import { spreadsheetCsv } from '../../csv/spreadsheet-csv-stream.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { Access, App } from '../../http/types.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { PERIOD_EXPORT_READERS } from '../../shared/exports.ts';
import type { Actor } from '../accounts/actor.ts';
import {
  exportApplications,
  exportContacts,
  exportEventAttendance,
  exportGoalSheets,
  exportMatches,
  exportPeriodAttendance,
  exportPeriodSurveyResults,
  exportSurveyResults,
} from './exports.service.ts';
import type { CsvExport } from './exports.service.ts';

const TAGS = ['exports'];
const READERS = PERIOD_EXPORT_READERS;

/** `?bom=1` starts the file with a byte-order mark, so Excel reads it as UTF-8. */
const exportQuerySchema = z.strictObject({
  bom: z.enum(['0', '1'], { error: 'Use bom=1 for a file with a byte-order mark (for Excel), or bom=0 (the default) without.' }).optional(),
});

type Exporting = (deps: Deps, actor: Actor, id: number) => Promise<CsvExport>;

export function exportRoutes(deps: Deps) {
  return async function routes(app: App): Promise<void> {
    const csvRoute = (url: string, access: Access, summary: string, run: Exporting) =>
      app.get(
        url,
        {
          config: { access },
          schema: {
            tags: TAGS,
            summary,
            params: idParamsSchema,
            querystring: exportQuerySchema,
            // A stream of CSV text, never run through a serializer.
            response: { 200: z.any().describe('The CSV file (UTF-8; with ?bom=1 it starts with a byte-order mark)'), ...errorResponses },
          },
        },
        async (request, reply) => {
          const { fileName, table } = await run(deps, actorOf(request), request.params.id);
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${fileName}"`)
            .header('cache-control', 'no-store')
            .send(spreadsheetCsv(table, { bom: request.query.bom === '1' }));
        },
      );

    csvRoute(
      '/api/periods/:id/exports/applications.csv',
      READERS.applications,
      "A period's applications as CSV (re-imports; no confidential preferences)",
      exportApplications,
    );
    csvRoute('/api/periods/:id/exports/matches.csv', READERS.matches, "A period's matches as CSV", exportMatches);
    csvRoute(
      '/api/periods/:id/exports/goal-sheets.csv',
      READERS['goal-sheets'],
      "A period's goal sheets as CSV, one row per goal",
      exportGoalSheets,
    );
    csvRoute('/api/periods/:id/exports/contacts.csv', READERS.contacts, "The contact logs of a period's pairs as CSV", exportContacts);
    csvRoute(
      '/api/periods/:id/exports/attendance.csv',
      READERS.attendance,
      "Attendance at the events a period's cohort was invited to, as CSV",
      exportPeriodAttendance,
    );
    csvRoute(
      '/api/periods/:id/exports/survey-results.csv',
      READERS['survey-results'],
      "The results of a period's closed surveys as CSV (aggregates only, small groups hidden)",
      exportPeriodSurveyResults,
    );
    csvRoute(
      '/api/events/:id/exports/attendance.csv',
      READERS.attendance,
      "One event's invitees and attendance as CSV",
      exportEventAttendance,
    );
    csvRoute(
      '/api/surveys/:id/exports/survey-results.csv',
      READERS['survey-results'],
      "One survey's results as CSV (aggregates only, small groups hidden)",
      exportSurveyResults,
    );
  };
}
