import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { multipartLimits, receiveUpload } from '../../files/upload-parser.ts';
import { actorOf } from '../../http/access.ts';
import { sendStoredFile, storedFileResponses } from '../../http/send-stored-file.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema, okSchema } from '../../shared/api/common.ts';
import {
  archiveQuerySchema,
  archiveSchema,
  attendanceBodySchema,
  attendanceImportBodySchema,
  attendanceImportResultSchema,
  attendanceResultSchema,
  attendeeListQuerySchema,
  attendeeListSchema,
  calendarFeedSchema,
  eventInputSchema,
  eventListQuerySchema,
  eventListSchema,
  eventSchema,
  feedTokenParamsSchema,
  mediaKindParamsSchema,
  mediaLinkBodySchema,
  rsvpBodySchema,
  rsvpLinkViewSchema,
  rsvpResultSchema,
  rsvpTokenParamsSchema,
  sharingBodySchema,
} from '../../shared/api/events.ts';
import { calendarFeedFile, calendarFeedOf, makeCalendarFeed, turnOffCalendarFeed } from './calendar-feed.service.ts';
import { importAttendance, markAttendance, searchAttendees } from './event-attendance.service.ts';
import { attachMedia, detachMedia, eventMediaFileFor, listArchive, setSharing } from './event-media.service.ts';
import { rsvpAsMember, rsvpByLink, viewRsvpLink } from './event-rsvp.service.ts';
import {
  cancelEvent,
  changeEvent,
  createEvent,
  eventCalendarFile,
  getEvent,
  listEventsFor,
  publishEvent,
  removeDraftEvent,
} from './events.service.ts';

const STAFF = ['staff'] as const;
const TAGS = ['events'];
const calendarResponse = { 200: z.string().describe('A calendar file (text/calendar, RFC 5545)'), ...errorResponses };

export function eventRoutes(deps: Deps) {
  // One-click answer links and calendar feeds are public, like check-in links: limited alike.
  const tokenLimit = { max: deps.config.rateLimitAuthPerMinute, timeWindow: '1 minute' };
  const files = { uploadDir: deps.config.uploadDir, maxUploadBytes: deps.config.maxUploadBytes };

  return async (app: App) => {
    app.get(
      '/api/events',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'The events I am invited to (staff: all, drafts too)',
          querystring: eventListQuerySchema,
          response: { 200: eventListSchema, ...errorResponses },
        },
      },
      async (request) => ({ events: await listEventsFor(deps, actorOf(request), request.query.when) }),
    );

    app.get(
      '/api/events/archive',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Past events with recordings or slides that I may watch, by period and kind, searchable',
          querystring: archiveQuerySchema,
          response: { 200: archiveSchema, ...errorResponses },
        },
      },
      (request) => listArchive(deps, actorOf(request), request.query),
    );

    app.post(
      '/api/events',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Create an event as a draft (nobody is told until it is published)',
          body: eventInputSchema,
          response: { 201: eventSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await createEvent(deps, actorOf(request), request.body)),
    );

    app.get(
      '/api/events/:id',
      {
        config: { access: 'signed-in' },
        schema: { tags: TAGS, summary: 'One event I may see', params: idParamsSchema, response: { 200: eventSchema, ...errorResponses } },
      },
      (request) => getEvent(deps, actorOf(request), request.params.id),
    );

    app.patch(
      '/api/events/:id',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Change an event (the whole form); once published, everyone invited gets an update',
          params: idParamsSchema,
          body: eventInputSchema,
          response: { 200: eventSchema, ...errorResponses },
        },
      },
      (request) => changeEvent(deps, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/events/:id',
      {
        config: { access: STAFF },
        schema: { tags: TAGS, summary: 'Delete a draft', params: idParamsSchema, response: { 200: okSchema, ...errorResponses } },
      },
      async (request) => {
        await removeDraftEvent(deps, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/events/:id/publish',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Publish a draft: its audience is invited by e-mail, with a calendar file',
          params: idParamsSchema,
          response: { 200: eventSchema, ...errorResponses },
        },
      },
      (request) => publishEvent(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/api/events/:id/cancel',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Cancel a published event: everyone invited gets a cancellation (METHOD:CANCEL)',
          params: idParamsSchema,
          response: { 200: eventSchema, ...errorResponses },
        },
      },
      (request) => cancelEvent(deps, actorOf(request), request.params.id),
    );

    app.get(
      '/api/events/:id/calendar.ics',
      {
        config: { access: 'signed-in' },
        schema: { tags: TAGS, summary: 'The event as a calendar file (text/calendar)', params: idParamsSchema, response: calendarResponse },
      },
      async (request, reply) => {
        const { fileName, ics } = await eventCalendarFile(deps, actorOf(request), request.params.id);
        return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(ics);
      },
    );

    app.put(
      '/api/events/:id/rsvp',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Answer yes, no or maybe; a yes to a full event is refused unless joinWaitlist is true',
          params: idParamsSchema,
          body: rsvpBodySchema,
          response: { 200: rsvpResultSchema, ...errorResponses },
        },
      },
      (request) => rsvpAsMember(deps, actorOf(request), request.params.id, request.body.response, request.body.joinWaitlist ?? false),
    );

    app.get(
      '/api/events/:id/attendees',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Who is invited, with answers, waitlist places and attendance: searched, filtered, a page at a time',
          params: idParamsSchema,
          querystring: attendeeListQuerySchema,
          response: { 200: attendeeListSchema, ...errorResponses },
        },
      },
      (request) => searchAttendees(deps, actorOf(request), request.params.id, request.query),
    );

    app.put(
      '/api/events/:id/attendance',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Mark who came (once the event has started)',
          params: idParamsSchema,
          body: attendanceBodySchema,
          response: { 200: attendanceResultSchema, ...errorResponses },
        },
      },
      (request) => markAttendance(deps, actorOf(request), request.params.id, request.body.marks),
    );

    app.post(
      '/api/events/:id/attendance/import',
      {
        config: { access: STAFF },
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags: TAGS,
          summary: "Preview or import the web-conference tool's attendance report (CSV, columns mapped as in the application import)",
          params: idParamsSchema,
          body: attendanceImportBodySchema,
          response: { 200: attendanceImportResultSchema, ...errorResponses },
        },
      },
      (request) => importAttendance(deps, actorOf(request), request.params.id, request.body),
    );

    app.put(
      '/api/events/:id/media/:kind',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Attach the recording or the slides as a link (once the event has started)',
          params: mediaKindParamsSchema,
          body: mediaLinkBodySchema,
          response: { 200: eventSchema, ...errorResponses },
        },
      },
      (request) => attachMedia(deps, actorOf(request), request.params.id, request.params.kind, { url: request.body.url }),
    );

    // Multipart is accepted by this one route only (as for resources).
    await app.register(async (scope: App) => {
      await scope.register(fastifyMultipart, { limits: multipartLimits(files.maxUploadBytes), throwFileSizeLimit: true });
      scope.post(
        '/api/events/:id/media/:kind/upload',
        {
          config: { access: STAFF },
          schema: {
            tags: TAGS,
            summary: 'Upload the recording or the slides (multipart/form-data with one file)',
            consumes: ['multipart/form-data'],
            params: mediaKindParamsSchema,
            response: { 200: eventSchema, ...errorResponses },
          },
        },
        async (request) => {
          const { file } = await receiveUpload(request, files);
          return attachMedia(deps, actorOf(request), request.params.id, request.params.kind, { file });
        },
      );
    });

    app.delete(
      '/api/events/:id/media/:kind',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Remove the recording or the slides',
          params: mediaKindParamsSchema,
          response: { 200: eventSchema, ...errorResponses },
        },
      },
      (request) => detachMedia(deps, actorOf(request), request.params.id, request.params.kind),
    );

    app.get(
      '/api/events/:id/media/:kind/file',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'The uploaded recording or slides, for those who may see the event; Range requests for video',
          params: mediaKindParamsSchema,
          response: { ...storedFileResponses, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { file, storedAt } = await eventMediaFileFor(deps, actorOf(request), request.params.id, request.params.kind);
        return sendStoredFile(request, reply, { uploadDir: files.uploadDir, file, storedAt });
      },
    );

    app.put(
      '/api/events/:id/sharing',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Open the recording to later cohorts, or keep it to the audience',
          params: idParamsSchema,
          body: sharingBodySchema,
          response: { 200: eventSchema, ...errorResponses },
        },
      },
      (request) => setSharing(deps, actorOf(request), request.params.id, request.body.openToLaterCohorts),
    );

    app.get(
      '/api/rsvp/:token',
      {
        config: { access: 'public', rateLimit: tokenLimit },
        schema: {
          tags: TAGS,
          summary: "What an e-mail's answer link is for (changes nothing)",
          params: rsvpTokenParamsSchema,
          response: { 200: rsvpLinkViewSchema, ...errorResponses },
        },
      },
      (request) => viewRsvpLink(deps, request.params.token),
    );

    app.post(
      '/api/rsvp/:token',
      {
        config: { access: 'public', rateLimit: tokenLimit },
        schema: {
          tags: TAGS,
          summary: "Answer with an e-mail's link: for that person and that event only, no sign-in",
          params: rsvpTokenParamsSchema,
          body: rsvpBodySchema,
          response: { 200: rsvpResultSchema, ...errorResponses },
        },
      },
      (request) => rsvpByLink(deps, request.params.token, request.body.response, request.body.joinWaitlist ?? false),
    );

    app.get(
      '/api/me/calendar-feed',
      {
        config: { access: 'signed-in' },
        schema: { tags: TAGS, summary: 'Whether my calendar feed is on', response: { 200: calendarFeedSchema, ...errorResponses } },
      },
      (request) => calendarFeedOf(deps, actorOf(request)),
    );

    app.post(
      '/api/me/calendar-feed',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Make a new secret feed address (shown once; the old one stops working)',
          response: { 201: calendarFeedSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await makeCalendarFeed(deps, actorOf(request))),
    );

    app.delete(
      '/api/me/calendar-feed',
      {
        config: { access: 'signed-in' },
        schema: { tags: TAGS, summary: 'Turn my calendar feed off', response: { 200: calendarFeedSchema, ...errorResponses } },
      },
      (request) => turnOffCalendarFeed(deps, actorOf(request)),
    );

    app.get(
      '/api/calendar-feeds/:token/events.ics',
      {
        config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: TAGS,
          summary: 'A personal calendar feed (the secret address is the key)',
          params: feedTokenParamsSchema,
          response: calendarResponse,
        },
      },
      async (request, reply) => {
        const ics = await calendarFeedFile(deps, request.params.token);
        return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
      },
    );
  };
}
