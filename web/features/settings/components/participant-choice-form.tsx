import { useState } from 'react';
import type { FormEvent } from 'react';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import type { Settings } from '../../../lib/reads/settings.ts';
import { updateSettingsInputSchema, useUpdateSettings } from '../api/update-settings.ts';
import { SaveStatus } from './save-status.tsx';

/** '' stays NaN so the schema reports "Enter a whole number." rather than saving 0. */
const toNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** Periods where mentees choose: how many mentors they may ask at once, and how long a mentor has to answer (the API's bounds). */
export function ParticipantChoiceForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [atOnce, setAtOnce] = useState(String(settings.requestsAtOnce));
  const [expiryDays, setExpiryDays] = useState(String(settings.requestExpiryDays));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const input = check(updateSettingsInputSchema, { requestsAtOnce: toNumber(atOnce), requestExpiryDays: toNumber(expiryDays) });
    if (!input) return;
    update.mutate(input, { onError: showServerErrors });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label="When mentees choose their mentor">
      <SaveStatus saved={update.isSuccess} error={update.error} what="request rules" />
      <div className="form-row">
        <TextField
          label="Mentors a mentee may ask at once"
          type="number"
          inputMode="numeric"
          min={1}
          max={5}
          required
          value={atOnce}
          onChange={setAtOnce}
          error={errors.requestsAtOnce}
          hint="From 1 to 5. With 1, a mentee waits for an answer (or withdraws) before asking someone else; more is quicker for mentees but asks more of mentors who then go unchosen."
        />
        <TextField
          label="Days a mentor has to answer"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          required
          value={expiryDays}
          onChange={setExpiryDays}
          error={errors.requestExpiryDays}
          hint="From 1 to 60. A request nobody answers lapses at the end of this many days; the mentee is told and can ask someone else."
        />
      </div>
      <FormActions submitLabel="Save request rules" busy={update.isPending} />
    </form>
  );
}
