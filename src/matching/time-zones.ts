/**
 * UTC offsets of IANA time zones at a given instant, via Intl (pure: the instant is passed in,
 * never read from a clock). Offsets depend on the instant because of daylight saving time.
 */

const OFFSET_PATTERN = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/;

/** Offset in minutes east of UTC, or undefined when the zone is unknown. */
/** Making an Intl.DateTimeFormat costs far more than using one: one per zone (null: not a zone). */
const offsetFormats = new Map<string, Intl.DateTimeFormat | null>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = offsetFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      format = null;
    }
    // Zone names come from people's answers: keep the cache from growing without bound.
    if (offsetFormats.size >= 1_000) offsetFormats.clear();
    offsetFormats.set(timeZone, format);
  }
  return format;
}

export function utcOffsetMinutes(timeZone: string, atEpochMs: number): number | undefined {
  let name: string | undefined;
  const format = offsetFormat(timeZone);
  if (format === null) return undefined;
  try {
    const parts = format.formatToParts(atEpochMs);
    name = parts.find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
  const match = name === undefined ? null : OFFSET_PATTERN.exec(name);
  if (match === null) return undefined;
  if (match[1] === undefined) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

export function isValidTimeZone(timeZone: string): boolean {
  return utcOffsetMinutes(timeZone, 0) !== undefined;
}

/** Per-run cache: one Intl lookup per distinct zone. */
export class TimeZoneOffsets {
  private readonly cache = new Map<string, number | undefined>();
  constructor(private readonly atEpochMs: number) {}

  minutes(timeZone: string | undefined): number | undefined {
    if (timeZone === undefined || timeZone.trim() === '') return undefined;
    const zone = timeZone.trim();
    if (!this.cache.has(zone)) this.cache.set(zone, utcOffsetMinutes(zone, this.atEpochMs));
    return this.cache.get(zone);
  }
}

/** Clock-time distance in hours, wrapping around the day (UTC-11 and UTC+13 are 0 hours apart). */
export function hoursApart(offsetA: number, offsetB: number): number {
  const d = Math.abs(offsetA - offsetB) % 1440;
  return Math.min(d, 1440 - d) / 60;
}
