import type { EventInput, EventView } from '../../../../src/shared/api/events.ts';
import type { EventAudience, EventKind } from '../../../../src/shared/events.ts';
import type { FieldErrors } from '../../../lib/validate.ts';

/** The form as typed: every field a string until it is checked. */
export interface EventFormValues {
  kind: EventKind;
  title: string;
  description: string;
  date: string;
  time: string;
  timeZone: string;
  /** One of DURATIONS' values, or 'other' with the minutes in customMinutes. */
  duration: string;
  customMinutes: string;
  joinUrl: string;
  place: string;
  audience: EventAudience;
  periodId: string;
  capacity: string;
  deadlineDate: string;
  deadlineTime: string;
  host: string;
}

export const DURATIONS = [
  { value: '30', label: '30 minutes' },
  { value: '45', label: '45 minutes' },
  { value: '60', label: '1 hour' },
  { value: '90', label: '1 hour 30 minutes' },
  { value: '120', label: '2 hours' },
  { value: '180', label: '3 hours' },
  { value: '240', label: '4 hours' },
  { value: 'other', label: 'Another length…' },
];

export function blankEvent(timeZone: string): EventFormValues {
  return {
    kind: 'forum',
    title: '',
    description: '',
    date: '',
    time: '',
    timeZone,
    duration: '60',
    customMinutes: '',
    joinUrl: '',
    place: '',
    audience: 'everyone',
    periodId: '',
    capacity: '',
    deadlineDate: '',
    deadlineTime: '',
    host: '',
  };
}

export function valuesOf(event: EventView): EventFormValues {
  const listed = DURATIONS.some((d) => d.value === String(event.durationMinutes));
  return {
    kind: event.kind,
    title: event.title,
    description: event.description,
    date: event.date,
    time: event.time,
    timeZone: event.timeZone,
    duration: listed ? String(event.durationMinutes) : 'other',
    customMinutes: listed ? '' : String(event.durationMinutes),
    joinUrl: event.joinUrl,
    place: event.place,
    audience: event.audience,
    periodId: event.periodId === null ? '' : String(event.periodId),
    capacity: event.capacity === null ? '' : String(event.capacity),
    deadlineDate: event.rsvpDeadline?.date ?? '',
    deadlineTime: event.rsvpDeadline?.time ?? '',
    host: event.host,
  };
}

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** What goes to the schema: numbers as numbers, blanks as null. */
export function inputOf(v: EventFormValues): Record<keyof EventInput, unknown> {
  const deadline = v.deadlineDate || v.deadlineTime ? { date: v.deadlineDate, time: v.deadlineTime } : null;
  return {
    kind: v.kind,
    title: v.title,
    description: v.description,
    date: v.date,
    time: v.time,
    timeZone: v.timeZone,
    durationMinutes: numberOrNull(v.duration === 'other' ? v.customMinutes : v.duration) ?? Number.NaN,
    joinUrl: v.joinUrl.trim(),
    place: v.place,
    audience: v.audience,
    periodId: v.audience === 'period_matches' ? numberOrNull(v.periodId) : null,
    capacity: numberOrNull(v.capacity),
    rsvpDeadline: deadline,
    host: v.host,
  };
}

/** What the schema alone can't say: a place or a link, the period for its matches, a whole deadline. */
export function formProblems(v: EventFormValues): FieldErrors {
  const problems: FieldErrors = {};
  if (!v.date) problems.date = 'Choose the day of the event.';
  if (!v.time) problems.time = 'Choose the time it starts.';
  if (v.duration === 'other' && !v.customMinutes.trim()) problems.durationMinutes = 'Say how many minutes it lasts.';
  if (!v.joinUrl.trim() && !v.place.trim()) problems.joinUrl = 'Add a join link or a place (or both), so people know where to go.';
  if (v.audience === 'period_matches' && !v.periodId) problems.periodId = 'Choose the period whose matches are invited.';
  if (Boolean(v.deadlineDate) !== Boolean(v.deadlineTime))
    problems.rsvpDeadline = 'Give both a date and a time for the deadline, or leave both empty.';
  return problems;
}
