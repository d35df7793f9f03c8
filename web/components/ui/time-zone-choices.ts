/**
 * Time zone choices for the picker: one per group of zones that keep the same clock (from @vvo/tzdb),
 * each labelled with its main city, its country and the offset from UTC today, computed with Intl so it
 * follows daylight saving time. Pure: the zone data and the moment come in as arguments.
 */

/** The fields of a @vvo/tzdb entry this picker reads. */
export interface ZoneEntry {
  name: string;
  group: readonly string[];
  mainCities: readonly string[];
  countryName: string;
  alternativeName: string;
  abbreviation?: string;
}

export interface TimeZoneChoice {
  /** The IANA name that is stored. */
  value: string;
  label: string;
  /** What a search is matched against: cities, country, zone names, abbreviation, offset. */
  search: string;
}

/** Minutes ahead of UTC in `timeZone` at `at` (negative behind), or null for a zone Intl does not know. */
export function utcOffsetMinutes(timeZone: string, at: Date): number | null {
  let text: string | undefined;
  try {
    text = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return null;
  }
  if (text === undefined) return null;
  // "GMT" alone for UTC itself; otherwise "GMT-06:00", "GMT+05:30".
  const m = /^GMT(?:([+-−])(\d{1,2})(?::?(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '+' ? minutes : -minutes;
}

/** 330 → "UTC+05:30", −360 → "UTC−06:00" (a true minus sign), 0 → "UTC+00:00". */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}

/** Lower case, accents and underscores gone, so "sao paulo" finds "America/Sao_Paulo" and "São Paulo". */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('_', ' ').toLowerCase();
}

function place(entry: ZoneEntry | undefined, zone: string): string {
  const city = entry?.mainCities.find((c) => c !== '');
  if (city && entry?.countryName) return `${city}, ${entry.countryName}`;
  if (entry?.alternativeName) return entry.alternativeName;
  return zone.replaceAll('_', ' ');
}

/** "Chicago, United States — UTC−06:00 (America/Chicago)". */
export function choiceLabel(entry: ZoneEntry | undefined, zone: string, at: Date): string {
  const offset = utcOffsetMinutes(zone, at);
  return `${place(entry, zone)} — ${offset === null ? 'offset unknown' : formatUtcOffset(offset)} (${zone})`;
}

function choice(entry: ZoneEntry | undefined, zone: string, at: Date): TimeZoneChoice {
  const label = choiceLabel(entry, zone, at);
  const words = entry ? [entry.countryName, entry.alternativeName, entry.abbreviation ?? '', ...entry.mainCities, ...entry.group] : [];
  return { value: zone, label, search: searchable([label, zone, ...words].join(' ')) };
}

/**
 * One choice per zone group; `keep` (the stored value) is always offered under its own name, even when
 * it is an older alias such as "US/Central" or a zone tzdb folds into another one.
 */
export function timeZoneChoices(entries: readonly ZoneEntry[], at: Date, keep: string | readonly string[]): TimeZoneChoice[] {
  const choices = entries.map((e) => choice(e, e.name, at));
  for (const zone of typeof keep === 'string' ? [keep] : keep) {
    if (zone !== '' && !choices.some((c) => c.value === zone)) {
      choices.unshift(
        choice(
          entries.find((e) => e.group.includes(zone)),
          zone,
          at,
        ),
      );
    }
  }
  return choices;
}

/** The choices whose text holds every word of the query, in their order; all of them for an empty query. */
export function filterChoices<T extends { search: string }>(choices: readonly T[], query: string): T[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...choices];
  return choices.filter((c) => words.every((w) => c.search.includes(w)));
}
