import { useId, useMemo } from 'react';
import { FieldMessages, TextField } from './field.tsx';
import { lazyData, useLazyData } from './lazy-data.ts';
import { regionData, regionName, splitRegion } from './region-choices.ts';
import type { RegionData } from './region-choices.ts';
import { SelectField } from './select-field.tsx';

interface RegionFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
  legend?: string;
}

// The country and subdivision lists (ISO 3166) load when a region field first shows, not with every page.
const loadRegions = lazyData(async (): Promise<RegionData> => {
  const { iso31661, iso31662 } = await import('iso-3166');
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  } catch {
    names = undefined;
  }
  return regionData(iso31661, iso31662, (code) => names?.of(code));
});

/**
 * Where someone lives: a country, then a state, province or region of it (or the whole country).
 * The value stays a code like "US-IL" or "FR"; a stored code the lists don't know is still shown.
 */
export function RegionField({ value, onChange, error, required = true, legend = 'Region' }: RegionFieldProps) {
  const id = useId();
  const regions = useLazyData(loadRegions);
  const { country, subdivision } = splitRegion(value);

  const countryOptions = useMemo(() => {
    if (regions.status !== 'ready') return [];
    const list = regions.data.countries.map((c) => ({ value: c.code, label: c.name }));
    if (country !== '' && !list.some((c) => c.value === country)) list.unshift({ value: country, label: country });
    return [{ value: '', label: 'Choose a country' }, ...list];
  }, [regions, country]);

  const subdivisionOptions = useMemo(() => {
    if (regions.status !== 'ready' || country === '') return [];
    const list = (regions.data.subdivisions.get(country) ?? []).map((s) => ({ value: s.code, label: s.name }));
    if (subdivision !== '' && !list.some((s) => s.value === subdivision)) list.unshift({ value: subdivision, label: subdivision });
    return list;
  }, [regions, country, subdivision]);

  if (regions.status === 'failed') {
    // Without the lists (offline for a moment), the code can still be typed.
    return (
      <TextField
        label={legend}
        required={required}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={onChange}
        error={error}
        maxLength={10}
        hint="Your country and state or province as a code, like US-IL or CA-ON; or just the country, like GB."
      />
    );
  }

  const countryName = countryOptions.find((c) => c.value === country)?.label ?? '';
  return (
    <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend className="fieldset__legend">
        {legend}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            (required)
          </span>
        ) : null}
      </legend>
      <FieldMessages hint="We use it to suggest partners near you when you’d like to meet in person." hintId={`${id}-hint`} />
      <div className="form-row">
        {regions.status === 'loading' ? (
          <SelectField
            label="Country"
            required={required}
            disabled
            value=""
            onChange={() => undefined}
            options={[{ value: '', label: 'Loading countries…' }]}
          />
        ) : (
          <SelectField
            label="Country"
            required={required}
            autoComplete="country"
            value={country}
            onChange={onChange}
            options={countryOptions}
            aria-invalid={error && country === '' ? true : undefined}
          />
        )}
        {subdivisionOptions.length > 0 ? (
          <SelectField
            label="State, province or region"
            value={subdivision}
            onChange={(code) => onChange(code === '' ? country : code)}
            options={[{ value: '', label: `All of ${countryName}` }, ...subdivisionOptions]}
            aria-invalid={error && country !== '' ? true : undefined}
          />
        ) : null}
      </div>
      <FieldMessages error={error} errorId={`${id}-error`} />
    </fieldset>
  );
}

/** A stored region code in words ("Illinois, United States"); the code itself until the lists load. */
export function RegionName({ code }: { code: string }) {
  const regions = useLazyData(loadRegions);
  return <>{regions.status === 'ready' ? regionName(regions.data, code) : code}</>;
}
