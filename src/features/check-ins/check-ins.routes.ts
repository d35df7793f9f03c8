import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import {
  answerCheckInBodySchema,
  checkInAnswerResultSchema,
  checkInHandledSchema,
  checkInSentSchema,
  checkInTokenParamsSchema,
  checkInViewSchema,
  sendCheckInBodySchema,
} from '../../shared/api/check-ins.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { answerCheckIn, markCheckInTalkHandled, sendCheckIn, viewCheckIn } from './check-ins.service.ts';

export function checkInRoutes(deps: Deps) {
  // The links are public, like invitation links: limited like the other token routes.
  const tokenLimit = { max: deps.config.rateLimitAuthPerMinute, timeWindow: '1 minute' };

  return async (app: App) => {
    app.post(
      '/api/matches/:id/check-ins',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['check-ins'],
          summary: 'Check in with a pair: both get an e-mail with two one-click answers',
          params: idParamsSchema,
          body: sendCheckInBodySchema,
          response: { 201: checkInSentSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await sendCheckIn(deps, actorOf(request), request.params.id, request.body.note)),
    );

    app.post(
      '/api/matches/:id/check-ins/handled',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['check-ins'],
          summary: 'Mark the pair\'s "I\'d like to talk" answers as handled',
          params: idParamsSchema,
          response: { 200: checkInHandledSchema, ...errorResponses },
        },
      },
      (request) => markCheckInTalkHandled(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/api/check-ins/:token',
      {
        config: { access: 'public', rateLimit: tokenLimit },
        schema: {
          tags: ['check-ins'],
          summary: 'What a check-in link offers (changes nothing)',
          params: checkInTokenParamsSchema,
          response: { 200: checkInViewSchema, ...errorResponses },
        },
      },
      (request) => viewCheckIn(deps, request.params.token),
    );

    app.post(
      '/api/check-ins/:token/answer',
      {
        config: { access: 'public', rateLimit: tokenLimit },
        schema: {
          tags: ['check-ins'],
          summary: 'Answer a check-in; the first answer stands',
          params: checkInTokenParamsSchema,
          body: answerCheckInBodySchema,
          response: { 200: checkInAnswerResultSchema, ...errorResponses },
        },
      },
      (request) => answerCheckIn(deps, request.params.token, request.body.answer),
    );
  };
}
