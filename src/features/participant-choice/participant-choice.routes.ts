import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { multipartLimits, receiveUpload } from '../../files/upload-parser.ts';
import { actorOf } from '../../http/access.ts';
import { sendStoredFile, storedFileResponses } from '../../http/send-stored-file.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, errorSchema, idParamsSchema } from '../../shared/api/common.ts';
import {
  acceptedRequestSchema,
  answerMentorRequestBodySchema,
  createMentorRequestBodySchema,
  mentorCardParamsSchema,
  mentorRequestSchema,
  myMentorCardSchema,
  myMentorRequestsSchema,
  mySuggestionsSchema,
  myWishesSchema,
  periodMentorRequestsSchema,
  saveWishesBodySchema,
  updateMentorCardBodySchema,
} from '../../shared/api/mentor-choice.ts';
import { PHOTO_MAX_BYTES } from '../../shared/matching-modes.ts';
import { getMyMentorCard, mentorPhotoFor, removeMyMentorPhoto, setMyMentorPhoto, updateMyMentorCard } from './mentor-cards.service.ts';
import {
  acceptMentorRequest,
  askMentor,
  declineMentorRequest,
  getMentorRequest,
  listMyMentorRequests,
  listPeriodMentorRequests,
  withdrawMentorRequest,
} from './mentor-requests.service.ts';
import { getMySuggestions } from './suggestions.service.ts';
import { getMyWishes, saveMyWishes } from './wishes.service.ts';

const TAGS = ['participant choice'];

/**
 * Participant choice: mentees' suggestions and requests, mentors' answers and cards, hybrid
 * wishes, and staff's view of a period's requests. Who may act on a request is decided in the
 * service by ownership (the request's mentee or mentor, or staff): anyone else gets a 404.
 */
export function participantChoiceRoutes(deps: Deps) {
  const photoLimits = { uploadDir: deps.config.uploadDir, maxUploadBytes: Math.min(PHOTO_MAX_BYTES, deps.config.maxUploadBytes) };

  return async (app: App) => {
    app.get(
      '/api/my/suggestions',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Mentors suggested to me (a mentee in a participant-choice or hybrid period), best first, with why',
          response: { 200: mySuggestionsSchema, 401: errorSchema },
        },
      },
      (request) => getMySuggestions(deps, actorOf(request)),
    );

    app.get(
      '/api/my/mentor-requests',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Requests I sent (as a mentee) and received (as a mentor)',
          response: { 200: myMentorRequestsSchema, 401: errorSchema },
        },
      },
      (request) => listMyMentorRequests(deps, actorOf(request)),
    );

    app.post(
      '/api/mentor-requests',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Ask a mentor (mentorId is their user id) with a short note',
          body: createMentorRequestBodySchema,
          response: { 201: mentorRequestSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await askMentor(deps, actorOf(request), request.body)),
    );

    app.get(
      '/api/mentor-requests/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'One request, for its mentee, its mentor or staff',
          params: idParamsSchema,
          response: { 200: mentorRequestSchema, ...errorResponses },
        },
      },
      (request) => getMentorRequest(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/api/mentor-requests/:id/accept',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Accept a request (its mentor, or staff stepping in): the pair becomes a match',
          params: idParamsSchema,
          body: answerMentorRequestBodySchema.optional(),
          response: { 200: acceptedRequestSchema, ...errorResponses },
        },
      },
      (request) => acceptMentorRequest(deps, actorOf(request), request.params.id, request.body?.note ?? ''),
    );

    app.post(
      '/api/mentor-requests/:id/decline',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Decline a request (its mentor, or staff), with optional words for the mentee',
          params: idParamsSchema,
          body: answerMentorRequestBodySchema.optional(),
          response: { 200: mentorRequestSchema, ...errorResponses },
        },
      },
      (request) => declineMentorRequest(deps, actorOf(request), request.params.id, request.body?.note ?? ''),
    );

    app.post(
      '/api/mentor-requests/:id/withdraw',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Withdraw a request (its mentee), or close it for the program (staff, with a note)',
          params: idParamsSchema,
          body: answerMentorRequestBodySchema.optional(),
          response: { 200: mentorRequestSchema, ...errorResponses },
        },
      },
      (request) => withdrawMentorRequest(deps, actorOf(request), request.params.id, request.body?.note ?? ''),
    );

    app.get(
      '/api/periods/:id/mentor-requests',
      {
        config: { access: ['staff'] },
        schema: {
          tags: TAGS,
          summary: 'Every mentor request of a period, with counts by status',
          params: idParamsSchema,
          response: { 200: periodMentorRequestsSchema, ...errorResponses },
        },
      },
      (request) => listPeriodMentorRequests(deps, request.params.id),
    );

    app.get(
      '/api/my/wishes',
      {
        config: { access: 'signed-in' },
        schema: { tags: TAGS, summary: 'My ranked wishes (hybrid mode)', response: { 200: myWishesSchema, 401: errorSchema } },
      },
      (request) => getMyWishes(deps, actorOf(request)),
    );

    app.put(
      '/api/my/wishes',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Save my ranked wishes (hybrid mode): mentor user ids, first choice first',
          body: saveWishesBodySchema,
          response: { 200: myWishesSchema, ...errorResponses },
        },
      },
      (request) => saveMyWishes(deps, actorOf(request), request.body.mentorIds),
    );

    app.get(
      '/api/my/mentor-card',
      {
        config: { access: 'signed-in' },
        schema: { tags: TAGS, summary: 'My mentor card, as mentees see it', response: { 200: myMentorCardSchema, 401: errorSchema } },
      },
      (request) => getMyMentorCard(deps, actorOf(request)),
    );

    app.put(
      '/api/my/mentor-card',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Change what my card says I offer, and my photo’s description',
          body: updateMentorCardBodySchema,
          response: { 200: myMentorCardSchema, ...errorResponses },
        },
      },
      (request) => updateMyMentorCard(deps, actorOf(request), request.body),
    );

    app.delete(
      '/api/my/mentor-card/photo',
      {
        config: { access: 'signed-in' },
        schema: { tags: TAGS, summary: 'Remove my card’s photo', response: { 200: myMentorCardSchema, ...errorResponses } },
      },
      (request) => removeMyMentorPhoto(deps, actorOf(request)),
    );

    // Multipart only here: the rest of the API keeps taking JSON alone.
    await app.register(async (scope) => {
      await scope.register(fastifyMultipart, { limits: multipartLimits(photoLimits.maxUploadBytes), throwFileSizeLimit: true });
      scope.put(
        '/api/my/mentor-card/photo',
        {
          config: { access: 'signed-in' },
          schema: {
            tags: TAGS,
            summary: 'Upload my card’s photo (multipart/form-data: alt and one image file); it is cropped square and resized',
            consumes: ['multipart/form-data'],
            response: { 200: myMentorCardSchema, ...errorResponses },
          },
        },
        async (request) => {
          const { fields, file } = await receiveUpload(request, photoLimits);
          return setMyMentorPhoto(deps, actorOf(request), fields, file);
        },
      );
    });

    app.get(
      '/api/mentor-cards/:userId/photo',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'A mentor’s card photo, for those who may see the card',
          params: mentorCardParamsSchema,
          querystring: z.object({ v: z.string().max(40).optional() }),
          response: { ...storedFileResponses, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { file, storedAt } = await mentorPhotoFor(deps, actorOf(request), request.params.userId);
        return sendStoredFile(request, reply, { uploadDir: photoLimits.uploadDir, file, storedAt });
      },
    );
  };
}
