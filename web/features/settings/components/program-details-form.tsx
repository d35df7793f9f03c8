import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { timeZoneOptions } from '../../../lib/time-zones.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import type { Settings } from '../../../lib/reads/settings.ts';
import { updateSettingsInputSchema, useUpdateSettings } from '../api/update-settings.ts';
import { SaveStatus } from './save-status.tsx';

export function ProgramDetailsForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const [programName, setProgramName] = useState(settings.programName);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const zones = useMemo(() => timeZoneOptions(timeZone), [timeZone]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const checked = validate(updateSettingsInputSchema, { programName, timeZone });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    update.mutate(checked.data, { onError: (error) => isApiError(error) && setErrors(error.fieldErrors()) });
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Program details">
      <SaveStatus saved={update.isSuccess} error={update.error} what="program details" />
      <div className="form-row">
        <TextField
          label="Program name"
          required
          value={programName}
          onChange={setProgramName}
          error={errors.programName}
          maxLength={200}
          hint="Shown in the header of every page and in e-mails."
        />
        <SelectField
          label="Time zone"
          required
          value={timeZone}
          onChange={setTimeZone}
          options={zones}
          error={errors.timeZone}
          hint="Program dates and deadlines are counted in this zone."
        />
      </div>
      <div className="form-actions">
        <Button type="submit" busy={update.isPending}>
          Save program details
        </Button>
      </div>
    </form>
  );
}
