import { useState } from 'react';
import type { FormEvent } from 'react';
import { CHANNELS, CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import type { Channel } from '../../../../src/shared/channels.ts';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import type { GoalSheetSubmitter } from '../../../../src/shared/api/settings.ts';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import type { Settings } from '../../../lib/reads/settings.ts';
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

type NumberKey =
  'goalSheetDeadlineDays' | 'guaranteeWindowDays' | 'goalsPerSheetMin' | 'goalsPerSheetMax' | 'contactsPerMonth' | 'quietAfterWeeks';
interface NumberSpec {
  key: NumberKey;
  label: string;
  min: number;
  max: number;
  hint?: string;
}

/** The whole-number rules, in rows as the form shows them; the bounds match the API's. */
const NUMBER_ROWS: NumberSpec[][] = [
  [
    {
      key: 'goalSheetDeadlineDays',
      label: 'Goal sheet due after (days)',
      min: 1,
      max: 365,
      hint: 'Days from the match until the pair sends in their goal sheet.',
    },
    {
      key: 'guaranteeWindowDays',
      label: 'Re-match window (days)',
      min: 0,
      max: 365,
      hint: 'For this many days after the match, either person may ask for a new partner. 0 turns this off.',
    },
  ],
  [
    { key: 'goalsPerSheetMin', label: 'Fewest goals per sheet', min: 1, max: 10 },
    { key: 'goalsPerSheetMax', label: 'Most goals per sheet', min: 1, max: 10 },
    {
      key: 'contactsPerMonth',
      label: 'Suggested contacts per month',
      min: 0,
      max: 31,
      hint: 'A friendly target, not a rule. 0 means no suggestion.',
    },
    {
      key: 'quietAfterWeeks',
      label: 'Quiet after (weeks without a contact)',
      min: 1,
      max: 52,
      hint: 'The pair gets a friendly nudge and the match shows on the program health page.',
    },
  ],
];
const NUMBER_KEYS = NUMBER_ROWS.flat().map((f) => f.key);

export function MatchRulesForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const { ref, errors, setErrors, showErrors, showServerErrors } = useCheckedForm();
  const [numbers, setNumbers] = useState<Record<NumberKey, string>>(
    () => Object.fromEntries(NUMBER_KEYS.map((k) => [k, String(settings[k])])) as Record<NumberKey, string>,
  );
  const [submitter, setSubmitter] = useState<GoalSheetSubmitter>(settings.goalSheetSubmitter);
  const [channels, setChannels] = useState<Channel[]>(settings.channels);
  const [committeeHandlesRematch, setCommitteeHandlesRematch] = useState(settings.committeeHandlesRematch);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const values = {
      ...(Object.fromEntries(NUMBER_KEYS.map((k) => [k, toNumber(numbers[k])])) as Record<NumberKey, number>),
      goalSheetSubmitter: submitter,
      channels,
      committeeHandlesRematch,
    };
    const checked = validate(updateSettingsInputSchema, values);
    const next: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!next.goalsPerSheetMin && !next.goalsPerSheetMax && values.goalsPerSheetMin > values.goalsPerSheetMax) {
      next.goalsPerSheetMax = 'The most goals must be at least the fewest goals.';
    }
    if (!checked.ok || Object.keys(next).length > 0) {
      showErrors(next);
      return;
    }
    setErrors({});
    update.mutate(checked.data, { onError: showServerErrors });
  };

  return (
    <form ref={ref} className="form" onSubmit={onSubmit} noValidate aria-label="Matches and goal sheets">
      <SaveStatus saved={update.isSuccess} error={update.error} what="match rules" />
      {NUMBER_ROWS.map((row) => (
        <div className="form-row" key={row[0]?.key}>
          {row.map((f) => (
            <TextField
              key={f.key}
              label={f.label}
              type="number"
              inputMode="numeric"
              min={f.min}
              max={f.max}
              required
              value={numbers[f.key]}
              onChange={(value) => setNumbers((current) => ({ ...current, [f.key]: value }))}
              error={errors[f.key]}
              hint={f.hint}
            />
          ))}
        </div>
      ))}
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
      <Checkbox
        label="The matching committee may act on the re-match queue"
        hint="The committee can always read the queue. When this is ticked it can also find new partners and keep matches, as the program office does."
        checked={committeeHandlesRematch}
        onChange={setCommitteeHandlesRematch}
      />
      <FormActions submitLabel="Save match rules" busy={update.isPending} />
    </form>
  );
}
