import { z } from 'zod';
import { instantSchema, rowIdSchema } from './common.ts';
import { IMPORT_FIELDS, importResultSchema } from './applications.ts';

/**
 * A CSV import of applications that runs in the background (issue #16): the file is sent as it is
 * (`Content-Type: text/csv`, up to 100,000 rows), the server answers 202 with the import at once,
 * and the import's page asks `GET /api/application-imports/:id` for its progress until it is done.
 */

/** The most rows one file may have (the heading row not counted). */
export const MAX_FILE_IMPORT_ROWS = 100_000;
/** The largest file taken: 100,000 rows of long answers. */
export const MAX_FILE_IMPORT_BYTES = 64 * 1024 * 1024;
/** Rows with errors listed in a result; the counts cover all of them. */
export const IMPORT_ROWS_SHOWN = 200;

export const IMPORT_MODES = ['preview', 'all-or-nothing', 'good-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The query of `POST /api/periods/:id/application-imports`; the body is the CSV file itself. */
export const startImportQuerySchema = z.strictObject({
  /** preview: change nothing; all-or-nothing: import only if every row is good; good-rows: skip bad rows. */
  mode: z.enum(IMPORT_MODES),
  /** Tandem field → the CSV heading that holds it, as JSON. Omitted: headings are matched by name. */
  mapping: z.string().max(8000).optional(),
});
export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));

/** reading: the file is read and each row checked (done and total in bytes); writing: rows written of all to write. */
export const IMPORT_STEPS = ['reading', 'writing'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];
export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;

export const applicationImportSchema = z.object({
  id: rowIdSchema,
  periodId: rowIdSchema,
  mode: z.enum(IMPORT_MODES),
  status: z.enum(IMPORT_STATUSES),
  /** While running, on the instance doing it: the step and how far it is. */
  progress: z
    .object({ step: z.enum(IMPORT_STEPS), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() })
    .nullable(),
  /** Bytes of the file. */
  fileBytes: z.number().int().nonnegative(),
  createdAt: instantSchema,
  finishedAt: instantSchema.nullable(),
  /**
   * When done: what the import found, as the small import answers it, except that `rows` lists
   * only rows with errors, at most IMPORT_ROWS_SHOWN of them (counts.bad says how many there are).
   */
  result: importResultSchema.nullable(),
  /** When failed: why, the way an error answer says it. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ApplicationImport = z.infer<typeof applicationImportSchema>;

/** Imports a period's list shows, the newest first. */
export const RECENT_IMPORTS = 10;

/**
 * One import in a period's list (`GET /api/periods/:id/application-imports`): what its page shows
 * without the rows with problems, and who sent the file.
 */
export const applicationImportSummarySchema = applicationImportSchema.omit({ result: true }).extend({
  /** Who sent the file; null once their account is gone. */
  createdBy: z.object({ userId: rowIdSchema, name: z.string() }).nullable(),
  /** When done: the rows found, good, with problems and written (as in the result). */
  counts: importResultSchema.shape.counts.nullable(),
  /** When done: the required fields no column of the file was matched to (none: the rows were checked). */
  unmapped: importResultSchema.shape.unmapped.nullable(),
});
export type ApplicationImportSummary = z.infer<typeof applicationImportSummarySchema>;

export const applicationImportListSchema = z.object({ imports: z.array(applicationImportSummarySchema) });
export type ApplicationImportList = z.infer<typeof applicationImportListSchema>;
