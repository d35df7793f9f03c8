import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { timeZoneOptions } from '../../lib/time-zones.ts';
import { SelectField } from './select-field.tsx';

interface TimeZoneFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  /** A zone to keep in the list even when the browser does not know it; the value itself by default. */
  keep?: string;
}

/** The required "Time zone" choice: every zone the browser knows, by name. */
export function TimeZoneField({ value, onChange, error, hint, keep = value }: TimeZoneFieldProps) {
  const zones = useMemo(() => timeZoneOptions(keep), [keep]);
  return <SelectField label="Time zone" required value={value} onChange={onChange} options={zones} error={error} hint={hint} />;
}
