import { z } from 'zod';
import { FIGURE_KEYS, MAX_SECTIONS, REPORT_STATUSES, REPORT_VISIBILITIES } from '../reports.ts';
import { instantSchema, rowIdSchema } from './common.ts';

/**
 * The task force's workspace and annual report (PRODUCT.md §11). A chart in a report is a
 * reference to data (`chartRefSchema`), drawn from live figures until the report is published and
 * from the frozen copy after.
 */

/** Where a chart's numbers come from: one of a period's own figures, or one survey question. */
export const chartRefSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('figures'), periodId: rowIdSchema, figure: z.enum(FIGURE_KEYS) }),
  z.strictObject({
    source: z.literal('survey'),
    surveyId: rowIdSchema,
    questionId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
  }),
]);
export type ChartRef = z.infer<typeof chartRefSchema>;

/** One bar: a label and a count (the chart's table shows both, and the share of the total). */
export const chartBarSchema = z.object({ label: z.string(), value: z.number() });

/**
 * A chart's data. `summary` says the numbers in words for screen readers and the PDF. A chart
 * whose groups would fall under the confidentiality threshold is `suppressed`, with the reason.
 */
export const chartDataSchema = z.discriminatedUnion('suppressed', [
  z.object({
    suppressed: z.literal(false),
    title: z.string(),
    /** What is counted: "applications", "people", "matches"… */
    unit: z.string(),
    bars: z.array(chartBarSchema),
    /** Shares are of this total (it may differ from the sum of bars for multiple choice). */
    total: z.number(),
    summary: z.string(),
  }),
  z.object({ suppressed: z.literal(true), title: z.string(), reason: z.string() }),
]);
export type ChartData = z.infer<typeof chartDataSchema>;

/**
 * A section's body: ProseMirror JSON (what the TipTap editor produces), restricted on the server
 * to the nodes and marks a report allows — see `src/features/reports/rich-text.rules.ts`:
 * doc, paragraph, heading (levels 2–3), bulletList, orderedList, listItem, blockquote, hardBreak,
 * text, and `chart` (attrs: { ref: ChartRef }); marks bold, italic, underline, strike, link
 * (attrs: { href } with http, https or mailto only). Anything else is dropped, never executed.
 */
export interface RichNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}
export const richDocSchema: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    type: z.string().max(40),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(richDocSchema).max(5000).optional(),
    marks: z
      .array(z.object({ type: z.string().max(40), attrs: z.record(z.string(), z.unknown()).optional() }))
      .max(20)
      .optional(),
    text: z.string().optional(),
  }),
);

/** How deep a section's document may nest (lists in lists in quotes…); the editor never nears it. */
export const MAX_DOC_DEPTH = 40;

/** Whether a JSON value nests no deeper than `max`, found with a stack, not recursion. */
function nestsWithin(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > max) return false;
    if (Array.isArray(v)) for (const item of v) stack.push([item, depth + 1]);
    else if (v !== null && typeof v === 'object') for (const item of Object.values(v)) stack.push([item, depth + 1]);
  }
  return true;
}

/**
 * A section's body as sent by the editor. Its depth is checked first, without recursion: a body
 * nested ten thousand levels deep fits in a request and would overflow the stack of any
 * recursive reader (the schema's own included); the server's sanitizer reads the rest.
 */
export const richDocInputSchema = z
  .unknown()
  .refine((v) => nestsWithin(v, MAX_DOC_DEPTH * 4), { message: 'This text is nested too deeply to keep.' })
  .pipe(richDocSchema);

export const reportSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  periodId: z.number(),
  periodName: z.string(),
  status: z.enum(REPORT_STATUSES),
  visibility: z.enum(REPORT_VISIBILITIES),
  basedOnId: z.number().nullable(),
  updatedAt: instantSchema,
  publishedAt: instantSchema.nullable(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export const reportListSchema = z.object({ reports: z.array(reportSummarySchema) });

export const reportSectionSchema = z.object({
  id: z.number(),
  position: z.number(),
  title: z.string(),
  body: richDocSchema,
  revision: z.number(),
  updatedAt: instantSchema,
  updatedByName: z.string().nullable(),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const reportSchema = reportSummarySchema.extend({
  sections: z.array(reportSectionSchema),
  /** Every chart the sections show, by `chartKey(ref)`: live for a draft, frozen once published. */
  charts: z.array(z.object({ key: z.string(), ref: chartRefSchema, data: chartDataSchema })),
});
export type Report = z.infer<typeof reportSchema>;

/** The one text a chart reference is known by (its keys in a fixed order). */
export function chartKey(ref: ChartRef): string {
  return ref.source === 'figures' ? `figures:${ref.periodId}:${ref.figure}` : `survey:${ref.surveyId}:${ref.questionId}`;
}

export const createReportBodySchema = z.strictObject({
  periodId: rowIdSchema,
  title: z.string().trim().min(1).max(200).optional(),
  /** Start from a published report's sections instead of the default outline. */
  basedOnId: rowIdSchema.optional(),
});
export const updateReportBodySchema = z.strictObject({
  title: z.string().trim().min(1, 'Give the report a title.').max(200).optional(),
  visibility: z.enum(REPORT_VISIBILITIES).optional(),
});
export const addSectionBodySchema = z.strictObject({ title: z.string().trim().min(1, 'Give the section a title.').max(200) });
export const saveSectionBodySchema = z.strictObject({
  title: z.string().trim().min(1, 'Give the section a title.').max(200),
  body: richDocInputSchema,
  /** The revision this edit started from; a newer one on the server means someone else saved first. */
  revision: z.number().int().min(1),
});
export const sectionSavedSchema = z.object({ revision: z.number(), updatedAt: instantSchema, body: richDocSchema });
export const sectionParamsSchema = z.strictObject({
  id: z.coerce.number().pipe(rowIdSchema),
  sectionId: z.coerce.number().pipe(rowIdSchema),
});
export const sectionHistorySchema = z.object({
  versions: z.array(z.object({ revision: z.number(), title: z.string(), savedAt: instantSchema, savedByName: z.string().nullable() })),
});

/** What can be put in a report for a period: its figures and the questions of its closed surveys. */
export const chartOptionsSchema = z.object({
  options: z.array(z.object({ ref: chartRefSchema, label: z.string(), group: z.string(), data: chartDataSchema })),
});

/** The sections of a report in their new order: every section once. */
export const reorderSectionsBodySchema = z.strictObject({ sectionIds: z.array(rowIdSchema).min(1).max(MAX_SECTIONS) });
