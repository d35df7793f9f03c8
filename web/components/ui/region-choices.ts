/**
 * Countries and their subdivisions (ISO 3166-1 and 3166-2) for the region picker. The stored value is a
 * code the server accepts: a country ("FR") or a country and one of its subdivisions ("US-IL").
 */
export const REGION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

export interface Place {
  code: string;
  name: string;
}

export interface RegionData {
  countries: Place[];
  /** By country code, sorted by name. */
  subdivisions: ReadonlyMap<string, Place[]>;
}

/** "us-il" → { country: 'US', subdivision: 'US-IL' }; "FR" → { country: 'FR', subdivision: '' }. */
export function splitRegion(code: string): { country: string; subdivision: string } {
  const upper = code.trim().toUpperCase();
  const country = upper.slice(0, 2);
  return { country, subdivision: upper.length > 2 ? upper : '' };
}

const byName = (a: Place, b: Place) => a.name.localeCompare(b.name, 'en');

/**
 * The picker's lists from the ISO data: assigned countries named the way people say them (via
 * `displayName`, e.g. "United States" rather than "United States of America"), each with the
 * subdivisions whose codes the server accepts.
 */
export function regionData(
  countries: readonly { alpha2: string; name: string; state?: string }[],
  subdivisions: readonly { code: string; name: string }[],
  displayName: (code: string) => string | undefined = () => undefined,
): RegionData {
  const list = countries
    .filter((c) => (c.state ?? 'assigned') === 'assigned' && REGION_CODE.test(c.alpha2))
    .map((c) => ({ code: c.alpha2, name: displayName(c.alpha2) ?? c.name }))
    .sort(byName);
  const subs = new Map<string, Place[]>();
  for (const s of subdivisions) {
    if (!REGION_CODE.test(s.code) || s.code.length <= 2) continue;
    const country = s.code.slice(0, 2);
    const places = subs.get(country) ?? [];
    if (!places.some((p) => p.code === s.code)) places.push({ code: s.code, name: s.name });
    subs.set(country, places);
  }
  for (const places of subs.values()) places.sort(byName);
  return { countries: list, subdivisions: subs };
}

/** "Illinois, United States", "France", or the code itself when the lists do not know it. */
export function regionName(data: RegionData, code: string): string {
  const { country, subdivision } = splitRegion(code);
  const countryName = data.countries.find((c) => c.code === country)?.name;
  if (!countryName) return code;
  if (subdivision === '') return countryName;
  const sub = data.subdivisions.get(country)?.find((s) => s.code === subdivision)?.name;
  return sub ? `${sub}, ${countryName}` : `${subdivision}, ${countryName}`;
}
