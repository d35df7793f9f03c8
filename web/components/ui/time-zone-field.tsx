import { useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { browserTimeZone } from '../../lib/time-zones.ts';
import { Combobox } from './combobox.tsx';
import { lazyData, useLazyData } from './lazy-data.ts';
import { timeZoneChoices } from './time-zone-choices.ts';
import type { ZoneEntry } from './time-zone-choices.ts';

interface TimeZoneFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  /** A zone to keep in the list even when the zone data does not list it by that name; the value itself by default. */
  keep?: string;
}

/** Every zone the browser knows, in case the zone list cannot load: still a working field, with plainer labels. */
function browserZones(): ZoneEntry[] {
  let names: string[];
  try {
    names = Intl.supportedValuesOf('timeZone');
  } catch {
    names = ['UTC'];
  }
  return names.map((name) => ({ name, group: [name], mainCities: [], countryName: '', alternativeName: '' }));
}

// The zone list (about 17 kB) loads when a time zone field first shows, not with every page.
const loadZones = lazyData(async (): Promise<ZoneEntry[]> => {
  const { getTimeZones } = await import('@vvo/tzdb');
  return getTimeZones({ includeUtc: true });
});

/**
 * The required "Time zone" choice, searchable by city, country or zone name, each zone with its offset
 * from UTC today. The stored value is the IANA name; an empty value becomes the browser's own zone.
 */
export function TimeZoneField({ value, onChange, error, hint, keep = value }: TimeZoneFieldProps) {
  const zones = useLazyData(loadZones);
  useEffect(() => {
    if (value === '') onChange(browserTimeZone());
  }, [value, onChange]);
  const choices = useMemo(() => {
    if (zones.status === 'loading') return null;
    const entries = zones.status === 'ready' ? zones.data : browserZones();
    return timeZoneChoices(entries, new Date(), [keep, value]);
  }, [zones, keep, value]);
  return (
    <Combobox
      label="Time zone"
      required
      value={value}
      onChange={onChange}
      choices={choices}
      loadingText={value.replaceAll('_', ' ')}
      noun="time zone"
      error={error}
      hint={hint ?? 'Type a city, a country or a zone name, then choose from the list.'}
    />
  );
}
