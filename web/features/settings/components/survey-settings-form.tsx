import { useState } from 'react';
import type { FormEvent } from 'react';
import { DEFAULT_MIN_GROUP_SIZE } from '../../../../src/shared/surveys.ts';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import type { Settings } from '../../../lib/reads/settings.ts';
import { updateSettingsInputSchema, useUpdateSettings } from '../api/update-settings.ts';
import { SaveStatus } from './save-status.tsx';

/** '' stays NaN so the schema reports "Enter a whole number." rather than saving 0. */
const toNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** How small a group of respondents survey results may show (the API allows 3 to 50). */
export function SurveySettingsForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [minGroupSize, setMinGroupSize] = useState(String(settings.surveyMinGroupSize));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const input = check(updateSettingsInputSchema, { surveyMinGroupSize: toNumber(minGroupSize) });
    if (!input) return;
    update.mutate(input, { onError: showServerErrors });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label="Evaluation surveys">
      <SaveStatus saved={update.isSuccess} error={update.error} what="survey settings" />
      <div className="form-row">
        <TextField
          label="Smallest group shown in survey results"
          type="number"
          inputMode="numeric"
          min={3}
          max={50}
          required
          value={minGroupSize}
          onChange={setMinGroupSize}
          error={errors.surveyMinGroupSize}
          hint={`Results hide any group of people smaller than this, so nobody’s answers can be picked out. From 3 to 50; ${DEFAULT_MIN_GROUP_SIZE} unless you change it.`}
        />
      </div>
      <FormActions submitLabel="Save survey settings" busy={update.isPending} />
    </form>
  );
}
