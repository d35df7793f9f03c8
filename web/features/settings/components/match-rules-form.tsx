import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { CHANNELS, CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import type { Channel } from '../../../../src/shared/channels.ts';
import { Button } from '../../../components/ui/button.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import type { GoalSheetSubmitter } from '../../../../src/shared/api/settings.ts';
import { TextField } from '../../../components/ui/field.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import type { Settings } from '../api/get-settings.ts';
import { updateSettingsInputSchema, useUpdateSettings } from '../api/update-settings.ts';
import { SaveStatus } from './save-status.tsx';

const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
const SUBMITTER_OPTIONS: { value: GoalSheetSubmitter; label: string }[] = [
  { value: 'mentee', label: 'The mentee' },
  { value: 'either', label: 'Either the mentor or the mentee' },
];

/** '' stays NaN so the schema reports "Enter a whole number." rather than saving 0. */
function toNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

export function MatchRulesForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const [deadline, setDeadline] = useState(String(settings.goalSheetDeadlineDays));
  const [goalsMin, setGoalsMin] = useState(String(settings.goalsPerSheetMin));
  const [goalsMax, setGoalsMax] = useState(String(settings.goalsPerSheetMax));
  const [guarantee, setGuarantee] = useState(String(settings.guaranteeWindowDays));
  const [contacts, setContacts] = useState(String(settings.contactsPerMonth));
  const [quietWeeks, setQuietWeeks] = useState(String(settings.quietAfterWeeks));
  const [submitter, setSubmitter] = useState<GoalSheetSubmitter>(settings.goalSheetSubmitter);
  const [channels, setChannels] = useState<Channel[]>(settings.channels);
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const values = {
      goalSheetDeadlineDays: toNumber(deadline),
      goalsPerSheetMin: toNumber(goalsMin),
      goalsPerSheetMax: toNumber(goalsMax),
      guaranteeWindowDays: toNumber(guarantee),
      contactsPerMonth: toNumber(contacts),
      quietAfterWeeks: toNumber(quietWeeks),
      goalSheetSubmitter: submitter,
      channels,
    };
    const checked = validate(updateSettingsInputSchema, values);
    const next: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!next.goalsPerSheetMin && !next.goalsPerSheetMax && values.goalsPerSheetMin > values.goalsPerSheetMax) {
      next.goalsPerSheetMax = 'The most goals must be at least the fewest goals.';
    }
    if (!checked.ok || Object.keys(next).length > 0) {
      setErrors(next);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    update.mutate(checked.data, { onError: (error) => isApiError(error) && setErrors(error.fieldErrors()) });
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Matches and goal sheets">
      <SaveStatus saved={update.isSuccess} error={update.error} what="match rules" />
      <div className="form-row">
        <TextField
          label="Goal sheet due after (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          required
          value={deadline}
          onChange={setDeadline}
          error={errors.goalSheetDeadlineDays}
          hint="Days from the match until the pair sends in their goal sheet."
        />
        <TextField
          label="Re-match window (days)"
          type="number"
          inputMode="numeric"
          min={0}
          max={365}
          required
          value={guarantee}
          onChange={setGuarantee}
          error={errors.guaranteeWindowDays}
          hint="For this many days after the match, either person may ask for a new partner. 0 turns this off."
        />
      </div>
      <div className="form-row">
        <TextField
          label="Fewest goals per sheet"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          required
          value={goalsMin}
          onChange={setGoalsMin}
          error={errors.goalsPerSheetMin}
        />
        <TextField
          label="Most goals per sheet"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          required
          value={goalsMax}
          onChange={setGoalsMax}
          error={errors.goalsPerSheetMax}
        />
        <TextField
          label="Suggested contacts per month"
          type="number"
          inputMode="numeric"
          min={0}
          max={31}
          required
          value={contacts}
          onChange={setContacts}
          error={errors.contactsPerMonth}
          hint="A friendly target, not a rule. 0 means no suggestion."
        />
        <TextField
          label="Quiet after (weeks without a contact)"
          type="number"
          inputMode="numeric"
          min={1}
          max={52}
          required
          value={quietWeeks}
          onChange={setQuietWeeks}
          error={errors.quietAfterWeeks}
          hint="The pair gets a friendly nudge and the match shows on the program health page."
        />
      </div>
      <RadioGroup
        legend="Who sends in the goal sheet"
        options={SUBMITTER_OPTIONS}
        value={submitter}
        onChange={setSubmitter}
        error={errors.goalSheetSubmitter}
      />
      <CheckboxGroup
        legend="Ways pairs can keep in touch"
        required
        options={CHANNEL_OPTIONS}
        value={channels}
        onChange={setChannels}
        error={errors.channels}
        hint="Applicants choose their preferred ways from this list."
      />
      <div className="form-actions">
        <Button type="submit" busy={update.isPending}>
          Save match rules
        </Button>
      </div>
    </form>
  );
}
