import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import { errorHandler } from '../../http/error-handler.ts';
import { pdfResponse, sendPdf } from '../../http/send-pdf.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import {
  acknowledgeGoalSheetBodySchema,
  goalSheetConflictSchema,
  goalSheetListQuerySchema,
  goalSheetListSchema,
  goalSheetVersionListSchema,
  goalSheetViewSchema,
  returnGoalSheetBodySchema,
  saveGoalSheetBodySchema,
  submitGoalSheetBodySchema,
} from '../../shared/api/goal-sheets.ts';
import {
  blankGoalSheetPdf,
  getGoalSheet,
  goalSheetPdf,
  listGoalSheetVersions,
  reviewGoalSheet,
  saveGoalSheet,
  StaleRevisionError,
  submitGoalSheet,
} from './goal-sheets.service.ts';
import { listGoalSheets } from './period-goal-sheets.service.ts';

/** Every error shape, with the 409 that may carry the current sheet. */
const responses = { ...errorResponses, 409: goalSheetConflictSchema };
const tags = ['goal-sheets'];

/**
 * A stale write answers 409 with the sheet as it is now in `details.current`, so the person can
 * merge; every other error goes to the app's one error handler.
 */
function answerStaleWithCurrent(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const err: unknown = error;
  if (err instanceof StaleRevisionError) {
    void reply.code(409).send({ code: err.code, message: err.message, details: { current: err.current } });
    return;
  }
  errorHandler(error, request, reply);
}

export function goalSheetRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/matches/:id/goal-sheet',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: "A match's goal sheet (the pair and staff)",
          params: idParamsSchema,
          response: { 200: goalSheetViewSchema, ...responses },
        },
      },
      (request) => getGoalSheet(deps, actorOf(request), request.params.id),
    );

    app.put(
      '/api/matches/:id/goal-sheet',
      {
        config: { access: 'signed-in' },
        errorHandler: answerStaleWithCurrent,
        schema: {
          tags,
          summary: 'Save the goal sheet (the mentor or the mentee), on top of the revision the edit started from',
          params: idParamsSchema,
          body: saveGoalSheetBodySchema,
          response: { 200: goalSheetViewSchema, ...responses },
        },
      },
      (request) => saveGoalSheet(deps, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/matches/:id/goal-sheet/submit',
      {
        config: { access: 'signed-in' },
        errorHandler: answerStaleWithCurrent,
        schema: {
          tags,
          summary: 'Send the goal sheet to the program office (the mentee, or either of the pair if the program says so)',
          params: idParamsSchema,
          body: submitGoalSheetBodySchema,
          response: { 200: goalSheetViewSchema, ...responses },
        },
      },
      (request) => submitGoalSheet(deps, actorOf(request), request.params.id, request.body.revision),
    );

    app.post(
      '/api/matches/:id/goal-sheet/acknowledge',
      {
        config: { access: ['staff'] },
        errorHandler: answerStaleWithCurrent,
        schema: {
          tags,
          summary: 'Acknowledge a submitted goal sheet (staff); this is final',
          params: idParamsSchema,
          body: acknowledgeGoalSheetBodySchema,
          response: { 200: goalSheetViewSchema, ...responses },
        },
      },
      (request) =>
        reviewGoalSheet(deps, actorOf(request), request.params.id, request.body.revision, {
          kind: 'acknowledge',
          comment: request.body.comment || null,
        }),
    );

    app.post(
      '/api/matches/:id/goal-sheet/return',
      {
        config: { access: ['staff'] },
        errorHandler: answerStaleWithCurrent,
        schema: {
          tags,
          summary: 'Return a submitted goal sheet to the pair with a comment (staff)',
          params: idParamsSchema,
          body: returnGoalSheetBodySchema,
          response: { 200: goalSheetViewSchema, ...responses },
        },
      },
      (request) =>
        reviewGoalSheet(deps, actorOf(request), request.params.id, request.body.revision, {
          kind: 'return',
          comment: request.body.comment,
        }),
    );

    app.get(
      '/api/matches/:id/goal-sheet/versions',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: "The goal sheet's history, newest first (the pair and staff)",
          params: idParamsSchema,
          response: { 200: goalSheetVersionListSchema, ...responses },
        },
      },
      async (request) => ({ versions: await listGoalSheetVersions(deps, actorOf(request), request.params.id) }),
    );

    app.get(
      '/api/matches/:id/goal-sheet.pdf',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The goal sheet as a PDF (the pair and staff)',
          params: idParamsSchema,
          response: { 200: pdfResponse, ...responses },
        },
      },
      async (request, reply) => sendPdf(reply, await goalSheetPdf(deps, actorOf(request), request.params.id)),
    );

    app.get(
      '/api/goal-sheets',
      {
        config: { access: ['staff'] },
        schema: {
          tags,
          summary:
            "A period's matches with their goal sheet's state, searched and filtered, a page at a time: overdue first, then waiting for review, then by due date",
          querystring: goalSheetListQuerySchema,
          response: { 200: goalSheetListSchema, ...responses },
        },
      },
      (request) => listGoalSheets(deps, request.query),
    );

    app.get(
      '/api/goal-sheets/blank.pdf',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'A blank goal sheet to fill in by hand', response: { 200: pdfResponse, ...responses } },
      },
      async (_request, reply) => sendPdf(reply, await blankGoalSheetPdf(deps)),
    );
  };
}
