// An event happens at one moment, entered by staff as a wall-clock time in the event's own time
// zone. People read it in that zone first (the one the invitation names), and in their own when
// that shows a different clock.

type Style = 'date' | 'time' | 'short';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  time: { hour: 'numeric', minute: '2-digit' },
  short: { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' },
};

function format(iso: string, timeZone: string, style: Style, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone }).format(d);
  } catch {
    // A zone this browser doesn't know: UTC, said plainly, rather than nothing.
    return `${new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone: 'UTC' }).format(d)} UTC`;
  }
}

/** 'America/New_York' → 'America/New York': the zone as people can read it. */
export function zoneLabel(timeZone: string): string {
  return timeZone.replaceAll('_', ' ');
}

export interface EventTimes {
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

export interface WhenText {
  /** 'Thursday, March 12, 2026' */
  date: string;
  /** '6:00 PM – 7:00 PM', with the end's date when it falls on another day. */
  time: string;
}

/** When the event is, read in one zone. */
export function whenIn(event: EventTimes, timeZone: string, locale?: string): WhenText {
  const date = format(event.startsAt, timeZone, 'date', locale);
  const endDate = format(event.endsAt, timeZone, 'date', locale);
  const start = format(event.startsAt, timeZone, 'time', locale);
  const end = format(event.endsAt, timeZone, 'time', locale);
  return { date, time: endDate === date ? `${start} – ${end}` : `${start} – ${endDate}, ${end}` };
}

/**
 * The same event on the viewer's own clock, or null when their zone shows the same date and times
 * as the event's (the same zone, or another with the same offset that day).
 */
export function whenForViewer(event: EventTimes, viewerZone: string, locale?: string): WhenText | null {
  if (viewerZone === event.timeZone) return null;
  const theirs = whenIn(event, event.timeZone, locale);
  const mine = whenIn(event, viewerZone, locale);
  return mine.date === theirs.date && mine.time === theirs.time ? null : mine;
}

/** A short start for lists, in the event's zone: 'Thu, Mar 12, 2026, 6:00 PM'. */
export function shortStart(event: Pick<EventTimes, 'startsAt' | 'timeZone'>, locale?: string): string {
  return format(event.startsAt, event.timeZone, 'short', locale);
}

/** One moment in the event's zone: 'Thursday, March 12, 2026, 5:00 PM'. */
export function momentIn(iso: string, timeZone: string, locale?: string): string {
  return `${format(iso, timeZone, 'date', locale)}, ${format(iso, timeZone, 'time', locale)}`;
}
