import { CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import { Card } from '../../../components/ui/card.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { RegionField } from '../../../components/ui/region-field.tsx';
import { TimeZoneField } from '../../../components/ui/time-zone-field.tsx';
import type { StepProps } from './step-props.ts';
import { YES_NO } from './step-props.ts';

/** Step 2: where someone lives and how they'd like to keep in touch. */
export function StepWhereAndHow({ form, draft, set, errors, keepTimeZone }: StepProps & { keepTimeZone: string }) {
  return (
    <>
      <Card title="Where you are" level={3}>
        <div className="form">
          <RegionField value={draft.region} onChange={set('region')} error={errors.region} />
          <TimeZoneField value={draft.timeZone} keep={keepTimeZone} onChange={set('timeZone')} error={errors.timeZone} />
          <RadioGroup
            legend="Would you like to meet in person if your match lives nearby?"
            required
            value={draft.meetInPerson}
            onChange={set('meetInPerson')}
            error={errors.meetInPerson}
            options={YES_NO}
          />
        </div>
      </Card>
      <Card title="How you like to keep in touch" level={3}>
        <div className="form">
          <CheckboxGroup
            legend="Ways you’d like to keep in touch"
            required
            options={form.channels.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
            value={draft.channels}
            onChange={set('channels')}
            error={errors.channels}
          />
          <div className="form-row">
            <TextField
              label="Languages you can mentor or be mentored in"
              required
              autoComplete="off"
              value={draft.languages}
              onChange={set('languages')}
              error={errors.languages}
              hint="Separate them with commas, for example: English, Spanish."
            />
            <TextField
              label="Phone"
              type="tel"
              autoComplete="tel"
              value={draft.phone}
              onChange={set('phone')}
              error={errors.phone}
              maxLength={40}
              hint="Optional. Shared with your match only."
            />
          </div>
        </div>
      </Card>
    </>
  );
}
