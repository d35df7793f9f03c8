/**
 * The words of events (PRODUCT.md §8): forums, trainings, networking sessions and conference
 * meet-ups. Shared by the server and the web app, so both speak of the same things.
 */

export const EVENT_KINDS = ['forum', 'training', 'networking', 'meetup'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  forum: 'Forum',
  training: 'Training webinar',
  networking: 'Networking session',
  meetup: 'Conference meet-up',
};

/** Who is invited. "period_matches": both people of every active match of one period. */
export const EVENT_AUDIENCES = ['everyone', 'mentors', 'mentees', 'period_matches', 'staff'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
export const EVENT_AUDIENCE_LABELS: Record<EventAudience, string> = {
  everyone: 'Everyone in the program',
  mentors: 'All mentors',
  mentees: 'All mentees',
  period_matches: 'The matches of a period',
  staff: 'Program staff only',
};

/** What is stored. "Past" is not stored: it is a published event whose end has come. */
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** What people see: the stored status and the clock together. */
export const EVENT_PHASES = ['draft', 'upcoming', 'happening', 'past', 'cancelled'] as const;
export type EventPhase = (typeof EVENT_PHASES)[number];

export const RSVP_RESPONSES = ['yes', 'no', 'maybe'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];
/** A person's place on the list: their answer, or "waitlist" (said yes to a full event). */
export const RSVP_STATES = ['yes', 'no', 'maybe', 'waitlist'] as const;
export type RsvpState = (typeof RSVP_STATES)[number];
export const RSVP_LABELS: Record<RsvpState, string> = { yes: 'Going', no: 'Not going', maybe: 'Maybe', waitlist: 'On the waitlist' };

/** What can be attached after an event. */
export const EVENT_MEDIA_KINDS = ['recording', 'slides'] as const;
export type EventMediaKind = (typeof EVENT_MEDIA_KINDS)[number];

/** How attendance was recorded. */
export const ATTENDANCE_SOURCES = ['hand', 'import'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

export const EVENT_DURATION_MINUTES = { min: 5, max: 24 * 60 } as const;
