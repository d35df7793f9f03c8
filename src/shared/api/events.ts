import { z } from 'zod';
import {
  ATTENDANCE_SOURCES,
  EVENT_AUDIENCES,
  EVENT_DURATION_MINUTES,
  EVENT_KINDS,
  EVENT_MEDIA_KINDS,
  EVENT_PHASES,
  EVENT_STATUSES,
  RSVP_RESPONSES,
  RSVP_STATES,
} from '../events.ts';
import { dateOnlySchema, instantSchema, rowIdSchema } from './common.ts';
import { cursorSchema, listPageFields, pageSizeSchema, queryFlagSchema, searchTextSchema } from './list-query.ts';
import { isWebAddress } from './resources.ts';

/** Events: forums, trainings, networking sessions and meet-ups (PRODUCT.md §8). */

const kindSchema = z.enum(EVENT_KINDS);
const audienceSchema = z.enum(EVENT_AUDIENCES);
const rsvpStateSchema = z.enum(RSVP_STATES);

const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 18:00.');
const webAddressSchema = z.string().trim().max(2000).refine(isWebAddress, 'Use a web address that starts with https:// or http://.');

/** What staff fill in. The start is a wall-clock date and time in the event's own time zone. */
export const eventInputSchema = z.strictObject({
  kind: kindSchema,
  title: z.string().trim().min(1, 'Give the event a title.').max(200),
  /** Plain text; web addresses in it become links. */
  description: z.string().trim().max(5000),
  date: dateOnlySchema,
  time: timeOfDaySchema,
  /** An IANA time zone (America/Chicago); checked by the server. */
  timeZone: z.string().trim().min(1).max(64),
  durationMinutes: z.number().int().min(EVENT_DURATION_MINUTES.min).max(EVENT_DURATION_MINUTES.max),
  /** A join link for any web-conference tool; empty for an event in a place. */
  joinUrl: z.union([z.literal(''), webAddressSchema]),
  /** Where, for an event in person: conference, venue, room. */
  place: z.string().trim().max(300),
  audience: audienceSchema,
  /** The period whose matches are invited; required for the "period_matches" audience. */
  periodId: rowIdSchema.nullable(),
  capacity: z.number().int().min(1).max(100_000).nullable(),
  /** Answers close at this local date and time (same zone as the event); null: until it starts. */
  rsvpDeadline: z.strictObject({ date: dateOnlySchema, time: timeOfDaySchema }).nullable(),
  /** Who leads it (a name, perhaps a guest); may be empty. */
  host: z.string().trim().max(200),
});
export type EventInput = z.infer<typeof eventInputSchema>;

export const eventMediaSchema = z.object({
  kind: z.enum(EVENT_MEDIA_KINDS),
  /** An external link, or null for an uploaded file. */
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  fileType: z.string().nullable(),
  fileSize: z.number().nullable(),
  /** Where the browser gets it: the link itself, or the file route. */
  href: z.string(),
});
export type EventMedia = z.infer<typeof eventMediaSchema>;

export const rsvpCountsSchema = z.object({
  invited: z.number(),
  yes: z.number(),
  no: z.number(),
  maybe: z.number(),
  waitlist: z.number(),
  attended: z.number(),
});

export const eventSchema = z.object({
  id: z.number(),
  kind: kindSchema,
  title: z.string(),
  description: z.string(),
  status: z.enum(EVENT_STATUSES),
  phase: z.enum(EVENT_PHASES),
  timeZone: z.string(),
  /** The start as staff entered it, in timeZone. */
  date: z.string(),
  time: z.string(),
  startsAt: instantSchema,
  endsAt: instantSchema,
  durationMinutes: z.number(),
  joinUrl: z.string(),
  place: z.string(),
  audience: audienceSchema,
  periodId: z.number().nullable(),
  periodName: z.string().nullable(),
  capacity: z.number().nullable(),
  rsvpDeadline: z.object({ date: z.string(), time: z.string(), at: instantSchema }).nullable(),
  /** Whether answers are still taken (published, not started, before the deadline). */
  rsvpOpen: z.boolean(),
  host: z.string(),
  /** Grows with every change people were told of (the calendar files' SEQUENCE). */
  sequence: z.number(),
  openToLaterCohorts: z.boolean(),
  counts: rsvpCountsSchema,
  /** Whether the signed-in person is invited (staff see events they are not invited to). */
  invited: z.boolean(),
  /** The signed-in person's answer; null when they have not answered or are not invited. */
  myRsvp: rsvpStateSchema.nullable(),
  /** 1 for the first on the waitlist; null when not on it. */
  myWaitlistPosition: z.number().nullable(),
  recording: eventMediaSchema.nullable(),
  slides: eventMediaSchema.nullable(),
  publishedAt: instantSchema.nullable(),
  cancelledAt: instantSchema.nullable(),
});
export type EventView = z.infer<typeof eventSchema>;

export const eventListQuerySchema = z.strictObject({
  /** all (the default): every event I am invited to (staff: every event, drafts too); upcoming: not over yet; past: over. Cancelled events show in all only. */
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
});
export const eventListSchema = z.object({ events: z.array(eventSchema) });

export const archiveQuerySchema = z.strictObject({
  q: z.string().trim().max(200).default(''),
  kind: kindSchema.optional(),
  periodId: z.coerce.number().pipe(rowIdSchema).optional(),
});
export const archiveSchema = z.object({
  events: z.array(eventSchema),
  /** The periods and kinds present, for the filters. */
  periods: z.array(z.object({ id: z.number(), name: z.string() })),
});

export const rsvpBodySchema = z.strictObject({
  response: z.enum(RSVP_RESPONSES),
  /** A "yes" to a full event is refused (409 EVENT_FULL) unless the person asks for the waitlist. */
  joinWaitlist: z.boolean().optional(),
});
export const rsvpResultSchema = z.object({
  eventId: z.number(),
  /** "waitlist" when the event was full. */
  state: rsvpStateSchema,
  waitlistPosition: z.number().nullable(),
});
export type RsvpResult = z.infer<typeof rsvpResultSchema>;

/** The one-click link in an e-mail: the token names the person and the event. */
export const rsvpTokenParamsSchema = z.strictObject({ token: z.string().min(20).max(100) });
export const rsvpLinkViewSchema = z.object({
  programName: z.string(),
  personName: z.string(),
  event: z.object({
    id: z.number(),
    title: z.string(),
    kind: kindSchema,
    phase: z.enum(EVENT_PHASES),
    timeZone: z.string(),
    startsAt: instantSchema,
    endsAt: instantSchema,
    joinUrl: z.string(),
    place: z.string(),
  }),
  state: rsvpStateSchema.nullable(),
  rsvpOpen: z.boolean(),
});
export type RsvpLinkView = z.infer<typeof rsvpLinkViewSchema>;

export const attendeeSchema = z.object({
  userId: z.number(),
  name: z.string(),
  email: z.string(),
  /** mentor, mentee, staff… as far as the audience goes */
  roles: z.array(z.string()),
  state: rsvpStateSchema.nullable(),
  respondedAt: instantSchema.nullable(),
  waitlistPosition: z.number().nullable(),
  attended: z.boolean().nullable(),
  attendanceSource: z.enum(ATTENDANCE_SOURCES).nullable(),
  invitedAt: instantSchema,
});
export type Attendee = z.infer<typeof attendeeSchema>;

/** The answer filter: one of the answers, or `none-yet` for those who have not answered. */
export const ATTENDEE_STATE_FILTERS = [...RSVP_STATES, 'none-yet'] as const;
export type AttendeeStateFilter = (typeof ATTENDEE_STATE_FILTERS)[number];

/** `name` (the default), or `waitlist`: by place on the waitlist, first come first served. */
export const ATTENDEE_SORTS = ['name', 'waitlist'] as const;
export type AttendeeSort = (typeof ATTENDEE_SORTS)[number];

const WAITLIST_ORDER_ONLY = 'Order by waitlist place only with the waitlist filter (state=waitlist): nobody else has a place.';

/**
 * The staff list of an event's invitees (GET /api/events/:id/attendees): searched by name or
 * e-mail, filtered by answer and attendance, a page at a time.
 */
export const attendeeListQuerySchema = z
  .strictObject({
    q: searchTextSchema.optional(),
    state: z.enum(ATTENDEE_STATE_FILTERS).optional(),
    /** true: marked as came; false: not marked as came (marked absent, or not marked at all). */
    attended: queryFlagSchema.optional(),
    sort: z.enum(ATTENDEE_SORTS).default('name'),
    after: cursorSchema.optional(),
    limit: pageSizeSchema,
  })
  .refine((query) => query.sort !== 'waitlist' || query.state === 'waitlist', { path: ['sort'], message: WAITLIST_ORDER_ONLY });
export type AttendeeListQuery = z.output<typeof attendeeListQuerySchema>;

/** `event.counts` counts the whole event; `total` the invitees this search and these filters keep. */
export const attendeeListSchema = z.object({ event: eventSchema, attendees: z.array(attendeeSchema), ...listPageFields });
export type AttendeeList = z.infer<typeof attendeeListSchema>;

export const attendanceBodySchema = z.strictObject({
  marks: z
    .array(z.strictObject({ userId: rowIdSchema, attended: z.boolean() }))
    .min(1)
    .max(10_000),
});
export const attendanceResultSchema = z.object({ changed: z.number(), counts: rsvpCountsSchema });

/** The web-conference tool's attendance report: headings mapped as in the application import. */
export const ATTENDANCE_IMPORT_FIELDS = ['email', 'name'] as const;
export const attendanceImportBodySchema = z.strictObject({
  fileBase64: z.string().max(11_000_000),
  mapping: z.partialRecord(z.enum(ATTENDANCE_IMPORT_FIELDS), z.string().max(200)).optional(),
  mode: z.enum(['preview', 'import']),
});
export const attendanceImportResultSchema = z.object({
  headings: z.array(z.string()),
  mapping: z.partialRecord(z.enum(ATTENDANCE_IMPORT_FIELDS), z.string()),
  rows: z.array(
    z.object({
      line: z.number(),
      email: z.string(),
      name: z.string(),
      /** Who the row was matched to among the invited, or null with the reason. */
      userId: z.number().nullable(),
      matchedBy: z.enum(['email', 'name']).nullable(),
      problem: z.string().nullable(),
    }),
  ),
  counts: z.object({ total: z.number(), matched: z.number(), unmatched: z.number(), marked: z.number() }),
  imported: z.boolean(),
});
export type AttendanceImportResult = z.infer<typeof attendanceImportResultSchema>;

export const mediaKindParamsSchema = z.strictObject({
  id: z.coerce.number().pipe(rowIdSchema),
  kind: z.enum(EVENT_MEDIA_KINDS),
});
export const mediaLinkBodySchema = z.strictObject({ url: webAddressSchema });
export const sharingBodySchema = z.strictObject({ openToLaterCohorts: z.boolean() });

/** The personal calendar feed: its address is shown once, when it is made. */
export const calendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: instantSchema.nullable(),
  /** Only in the answer that made it: the secret address to paste into a calendar app. */
  url: z.string().nullable(),
});
export const feedTokenParamsSchema = z.strictObject({ token: z.string().min(20).max(100) });
