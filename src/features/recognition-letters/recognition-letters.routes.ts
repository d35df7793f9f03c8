import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import { pdfResponse, sendPdf } from '../../http/send-pdf.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import {
  letterParamsSchema,
  myLetterListSchema,
  periodLettersSchema,
  sendLettersResultSchema,
} from '../../shared/api/recognition-letters.ts';
import { allLettersPdf, getPeriodLetters, letterPdf, listMyLetters, sendLetters } from './recognition-letters.service.ts';

const tags = ['recognition-letters'];

export function recognitionLetterRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/recognition-letters/mine',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The periods in which I completed my service as a mentor, each with its letter',
          response: { 200: myLetterListSchema, ...errorResponses },
        },
      },
      async (request) => ({ letters: await listMyLetters(deps, actorOf(request)) }),
    );

    app.get(
      '/api/periods/:id/recognition-letters',
      {
        config: { access: ['staff'] },
        schema: {
          tags,
          summary: "The period's mentors who have a letter, and whether each was e-mailed",
          params: idParamsSchema,
          response: { 200: periodLettersSchema, ...errorResponses },
        },
      },
      (request) => getPeriodLetters(deps, request.params.id),
    );

    app.get(
      '/api/periods/:id/recognition-letters.pdf',
      {
        config: { access: ['staff'] },
        schema: {
          tags,
          summary: 'Every letter of the period in one PDF, a page each (422 NO_LETTERS when there are none)',
          params: idParamsSchema,
          response: { 200: pdfResponse, ...errorResponses },
        },
      },
      async (request, reply) => sendPdf(reply, await allLettersPdf(deps, request.params.id)),
    );

    app.get(
      '/api/periods/:id/recognition-letters/:userId(^\\d+).pdf',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: "One mentor's letter: my own, or anyone's for staff (422 NOT_COMPLETED when they did not complete the period)",
          params: letterParamsSchema,
          response: { 200: pdfResponse, ...errorResponses },
        },
      },
      async (request, reply) => sendPdf(reply, await letterPdf(deps, actorOf(request), request.params.id, request.params.userId)),
    );

    app.post(
      '/api/periods/:id/recognition-letters/send',
      {
        config: { access: ['staff'] },
        schema: {
          tags,
          summary: 'E-mail every mentor who completed the period that their letter is ready (once each)',
          params: idParamsSchema,
          response: { 200: sendLettersResultSchema, ...errorResponses },
        },
      },
      (request) => sendLetters(deps, actorOf(request), request.params.id),
    );
  };
}
