import { useState } from 'react';
import type { FormEvent } from 'react';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { TimeZoneField } from '../../../components/ui/time-zone-field.tsx';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import type { Settings } from '../../../lib/reads/settings.ts';
import { updateSettingsInputSchema, useUpdateSettings } from '../api/update-settings.ts';
import { SaveStatus } from './save-status.tsx';

export function ProgramDetailsForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [programName, setProgramName] = useState(settings.programName);
  const [timeZone, setTimeZone] = useState(settings.timeZone);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const input = check(updateSettingsInputSchema, { programName, timeZone });
    if (!input) return;
    update.mutate(input, { onError: showServerErrors });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label="Program details">
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
        <TimeZoneField
          value={timeZone}
          onChange={setTimeZone}
          error={errors.timeZone}
          hint="Program dates and deadlines are counted in this zone."
        />
      </div>
      <FormActions submitLabel="Save program details" busy={update.isPending} />
    </form>
  );
}
