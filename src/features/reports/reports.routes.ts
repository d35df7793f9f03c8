import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import { pdfResponse, sendPdf } from '../../http/send-pdf.ts';
import type { App } from '../../http/types.ts';
import type { Actor } from '../accounts/actor.ts';
import { errorResponses, idParamsSchema, okSchema } from '../../shared/api/common.ts';
import {
  addSectionBodySchema,
  createReportBodySchema,
  reorderSectionsBodySchema,
  reportListSchema,
  reportSchema,
  reportSectionSchema,
  saveSectionBodySchema,
  sectionHistorySchema,
  sectionParamsSchema,
  sectionSavedSchema,
  updateReportBodySchema,
} from '../../shared/api/reports.ts';
import { REPORT_HTML_CSP } from './report-html.ts';
import {
  addSection,
  changeReport,
  createReport,
  getReport,
  listReadableReports,
  listReportSummaries,
  publishReport,
  removeReport,
  removeSection,
  reorderSections,
  reportHtml,
  reportPdf,
  saveSection,
  sectionHistory,
} from './reports.service.ts';

/** The task force writes the annual report; staff too (PRODUCT.md §11). */
const WRITERS = ['staff', 'taskforce'] as const;
const TAGS = ['reports'];

const htmlResponse = z.string().describe('A standalone HTML page (text/html).');

const optionalActor = (request: FastifyRequest): Actor | null => (request.auth ? actorOf(request) : null);

/** Never cached: who may read a report changes with its visibility, and a draft with every save. */
const cachePolicy = (isPublic: boolean) => (isPublic ? 'no-cache' : 'private, no-store');

export function reportRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/reports',
      {
        config: { access: WRITERS },
        schema: {
          tags: TAGS,
          summary: 'Annual reports, drafts and published, with their status',
          response: { 200: reportListSchema, ...errorResponses },
        },
      },
      async () => ({ reports: await listReportSummaries(deps) }),
    );

    app.get(
      '/api/reports/published',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'The published reports I may read (participants: those published for them or the public)',
          response: { 200: reportListSchema, ...errorResponses },
        },
      },
      async (request) => ({ reports: await listReadableReports(deps, actorOf(request)) }),
    );

    app.post(
      '/api/reports',
      {
        config: { access: WRITERS },
        schema: {
          tags: TAGS,
          summary: 'A new draft: the default outline, or the sections of a published report',
          body: createReportBodySchema,
          response: { 201: reportSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await createReport(deps, actorOf(request), request.body)),
    );

    app.get(
      '/api/reports/:id',
      {
        config: { access: WRITERS },
        schema: {
          tags: TAGS,
          summary: 'One report with its sections and charts (live for a draft, frozen once published)',
          params: idParamsSchema,
          response: { 200: reportSchema, ...errorResponses },
        },
      },
      (request) => getReport(deps, request.params.id),
    );

    app.patch(
      '/api/reports/:id',
      {
        config: { access: WRITERS },
        schema: {
          tags: TAGS,
          summary: "Rename a draft, or choose who may read the published report's page",
          params: idParamsSchema,
          body: updateReportBodySchema,
          response: { 200: reportSchema, ...errorResponses },
        },
      },
      (request) => changeReport(deps, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/reports/:id',
      {
        config: { access: WRITERS },
        schema: { tags: TAGS, summary: 'Delete a draft', params: idParamsSchema, response: { 200: okSchema, ...errorResponses } },
      },
      async (request) => {
        await removeReport(deps, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/reports/:id/sections',
      {
        config: { access: WRITERS },
        schema: {
          tags: TAGS,
          summary: 'Add an empty section at the end',
          params: idParamsSchema,
          body: addSectionBodySchema,
          response: { 201: reportSectionSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await addSection(deps, actorOf(request), request.params.id, request.body.title)),
    );

    app.put(
      '/api/reports/:id/sections/order',
      {
        config: { access: WRITERS },
        schema: {
          tags: TAGS,
          summary: 'Put the sections in a new order',
          params: idParamsSchema,
          body: reorderSectionsBodySchema,
          response: { 200: reportSchema, ...errorResponses },
        },
      },
      (request) => reorderSections(deps, request.params.id, request.body.sectionIds),
    );

    app.put(
      '/api/reports/:id/sections/:sectionId',
      {
        config: { access: WRITERS },
        schema: {
          tags: TAGS,
          summary: 'Save a section (autosave): the body comes back sanitized; 409 SECTION_CHANGED if someone saved first',
          params: sectionParamsSchema,
          body: saveSectionBodySchema,
          response: { 200: sectionSavedSchema, ...errorResponses },
        },
      },
      (request) => saveSection(deps, actorOf(request), request.params.id, request.params.sectionId, request.body),
    );

    app.delete(
      '/api/reports/:id/sections/:sectionId',
      {
        config: { access: WRITERS },
        schema: { tags: TAGS, summary: 'Remove a section', params: sectionParamsSchema, response: { 200: okSchema, ...errorResponses } },
      },
      async (request) => {
        await removeSection(deps, request.params.id, request.params.sectionId);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/reports/:id/sections/:sectionId/history',
      {
        config: { access: WRITERS },
        schema: {
          tags: TAGS,
          summary: "A section's saved revisions, newest first",
          params: sectionParamsSchema,
          response: { 200: sectionHistorySchema, ...errorResponses },
        },
      },
      (request) => sectionHistory(deps, request.params.id, request.params.sectionId),
    );

    app.post(
      '/api/reports/:id/publish',
      {
        config: { access: WRITERS },
        schema: {
          tags: TAGS,
          summary: 'Publish: freeze the report and its figures (422 REPORT_EMPTY, 422 CHART_SUPPRESSED)',
          params: idParamsSchema,
          response: { 200: reportSchema, ...errorResponses },
        },
      },
      (request) => publishReport(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/api/reports/:id/report.html',
      {
        // Who may read it depends on the report (draft, visibility): the service decides.
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          summary: 'The report as a standalone HTML page (staff and task force; participants or anyone once published for them)',
          params: idParamsSchema,
          response: { 200: htmlResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { html, isPublic } = await reportHtml(deps, optionalActor(request), request.params.id);
        return reply
          .header('cache-control', cachePolicy(isPublic))
          .type('text/html; charset=utf-8')
          .header('content-security-policy', REPORT_HTML_CSP)
          .header('x-content-type-options', 'nosniff')
          .header('referrer-policy', 'no-referrer')
          .send(html);
      },
    );

    app.get(
      '/api/reports/:id/report.pdf',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          summary: 'The report as a PDF (the same readers as the HTML page)',
          params: idParamsSchema,
          response: { 200: pdfResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { bytes, fileName, isPublic } = await reportPdf(deps, optionalActor(request), request.params.id);
        return sendPdf(reply, { bytes, fileName }, cachePolicy(isPublic));
      },
    );
  };
}
