import { useState } from 'react';
import type { FormEvent } from 'react';
import { eventInputSchema } from '../../../../src/shared/api/events.ts';
import type { EventInput } from '../../../../src/shared/api/events.ts';
import {
  EVENT_AUDIENCE_LABELS,
  EVENT_AUDIENCES,
  EVENT_DURATION_MINUTES,
  EVENT_KIND_LABELS,
  EVENT_KINDS,
} from '../../../../src/shared/events.ts';
import type { EventAudience, EventKind } from '../../../../src/shared/events.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { TimeZoneField } from '../../../components/ui/time-zone-field.tsx';
import { WebAddressField } from '../../../components/ui/web-address-field.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { usePeriods } from '../../../lib/reads/periods.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { validate } from '../../../lib/validate.ts';
import { DURATIONS, formProblems, inputOf } from './event-form-values.ts';
import type { EventFormValues } from './event-form-values.ts';

const KIND_OPTIONS = EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }));
const AUDIENCE_OPTIONS = EVENT_AUDIENCES.map((a) => ({ value: a, label: EVENT_AUDIENCE_LABELS[a] }));

interface EventFormProps {
  initial: EventFormValues;
  submitLabel: string;
  busy: boolean;
  /** The last request's failure: an alert on top, its field errors next to the fields. */
  error: unknown;
  onSubmit: (input: EventInput) => void;
  onCancel: () => void;
  /** Said above the buttons, e.g. that saving e-mails everyone an update. */
  note?: string;
}

/** Everything about an event staff fill in: what, when, where, who, and how many. */
export function EventForm({ initial, submitLabel, busy, error, onSubmit, onCancel, note }: EventFormProps) {
  const { ref, errorsWith, setErrors, showErrors } = useCheckedForm();
  const [v, setV] = useState(initial);
  const periods = usePeriods();
  const set =
    <K extends keyof EventFormValues>(key: K) =>
    (value: EventFormValues[K]) =>
      setV((old) => ({ ...old, [key]: value }));
  const errors = errorsWith(error);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(eventInputSchema, inputOf(v));
    // Our own, plainer words first; the schema's for the rest.
    const problems = { ...(checked.ok ? {} : checked.errors), ...formProblems(v) };
    if (!checked.ok || Object.keys(problems).length > 0) {
      showErrors(problems);
      return;
    }
    setErrors({});
    onSubmit(checked.data);
  };

  const periodOptions = [
    { value: '', label: 'Choose a period' },
    ...(periods.data ?? []).map((p) => ({ value: String(p.id), label: p.name })),
  ];

  return (
    <form ref={ref} className="form" onSubmit={submit} noValidate aria-label="Event details">
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}

      <h2>What</h2>
      <SelectField
        label="Kind of event"
        required
        value={v.kind}
        options={KIND_OPTIONS}
        onChange={(k) => set('kind')(k as EventKind)}
        error={errors.kind}
      />
      <TextField label="Title" required value={v.title} onChange={set('title')} error={errors.title} maxLength={200} />
      <TextareaField
        label="Description"
        value={v.description}
        onChange={set('description')}
        error={errors.description}
        maxLength={5000}
        rows={6}
        hint="What it’s about and who it’s for. Web addresses become links."
      />
      <TextField
        label="Host"
        value={v.host}
        onChange={set('host')}
        error={errors.host}
        maxLength={200}
        hint="Who leads it, perhaps a guest speaker. Leave it empty if you’d rather not say."
      />

      <h2>When</h2>
      <div className="form-row">
        <TextField label="Date" type="date" required value={v.date} onChange={set('date')} error={errors.date} />
        <TextField label="Start time" type="time" required value={v.time} onChange={set('time')} error={errors.time} />
      </div>
      <TimeZoneField
        value={v.timeZone}
        onChange={set('timeZone')}
        error={errors.timeZone}
        hint="The date and time above are in this zone. People elsewhere also see the time on their own clock."
      />
      <div className="form-row">
        <SelectField
          label="Length"
          required
          value={v.duration}
          options={DURATIONS}
          onChange={set('duration')}
          error={v.duration === 'other' ? undefined : errors.durationMinutes}
        />
        {v.duration === 'other' ? (
          <TextField
            label="Length in minutes"
            type="number"
            inputMode="numeric"
            required
            min={EVENT_DURATION_MINUTES.min}
            max={EVENT_DURATION_MINUTES.max}
            value={v.customMinutes}
            onChange={set('customMinutes')}
            error={errors.durationMinutes}
          />
        ) : null}
      </div>

      <h2>Where</h2>
      <p className="muted">Add a join link for an online event, a place for one in person, or both.</p>
      <WebAddressField
        label="Join link"
        use="The meeting link from any web-conference tool."
        value={v.joinUrl}
        onChange={set('joinUrl')}
        error={errors.joinUrl}
      />
      <TextField
        label="Place"
        value={v.place}
        onChange={set('place')}
        error={errors.place}
        maxLength={300}
        hint="The venue and room, or the conference and where to meet."
      />

      <h2>Who</h2>
      <RadioGroup<EventAudience>
        legend="Invite"
        required
        stacked
        options={AUDIENCE_OPTIONS}
        value={v.audience}
        onChange={set('audience')}
        error={errors.audience}
      />
      {v.audience === 'period_matches' ? (
        <SelectField
          label="Period"
          required
          value={v.periodId}
          options={periodOptions}
          onChange={set('periodId')}
          error={errors.periodId}
          hint="Both people of every active match in this period are invited."
        />
      ) : null}
      <div className="form-row">
        <TextField
          label="Places"
          type="number"
          inputMode="numeric"
          min={1}
          value={v.capacity}
          onChange={set('capacity')}
          error={errors.capacity}
          hint="Leave empty for no limit. Once it is full, people who say yes join a waitlist."
        />
      </div>
      <div className="form-row">
        <TextField
          label="Answers close on"
          type="date"
          value={v.deadlineDate}
          onChange={set('deadlineDate')}
          error={errors.rsvpDeadline}
          hint="Optional. Without a deadline, people can answer until the event starts."
        />
        <TextField label="Answers close at" type="time" value={v.deadlineTime} onChange={set('deadlineTime')} />
      </div>

      {note ? <p className="muted">{note}</p> : null}
      <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
