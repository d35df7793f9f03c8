import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { SURVEY_AUDIENCE_LABELS, SURVEY_AUDIENCES } from '../../../../src/shared/surveys.ts';
import type { SurveyAudience } from '../../../../src/shared/surveys.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import type { EditorValues } from './editor-values.ts';
import { datesWords } from './survey-words.ts';

const AUDIENCE_OPTIONS = SURVEY_AUDIENCES.map((a) => ({ value: a, label: SURVEY_AUDIENCE_LABELS[a] }));

interface SurveySettingsFieldsProps {
  survey: Survey;
  values: EditorValues;
  set: <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => void;
  errors: Record<string, string>;
}

/** The survey's title, introduction, who is asked, whether it is named, and its dates. */
export function SurveySettingsFields({ survey, values, set, errors }: SurveySettingsFieldsProps) {
  const opened = survey.state === 'open' || survey.state === 'closed';
  const window = datesWords(survey.window.opensOn, survey.window.closesOn);
  const datesHint =
    survey.kind === 'wrap-up'
      ? `The wrap-up survey opens and closes within the period’s survey window: ${window}.`
      : `A check-in can run on any dates. For comparison, the period’s survey window is ${window}.`;
  return (
    <>
      <TextField label="Title" required value={values.title} onChange={(v) => set('title', v)} error={errors.title} maxLength={200} />
      <TextareaField
        label="Introduction"
        value={values.intro}
        onChange={(v) => set('intro', v)}
        error={errors.intro}
        maxLength={2000}
        rows={4}
        hint="Shown above the questions and in the invitation e-mail. Say why you ask and how long it takes."
      />
      <RadioGroup<SurveyAudience>
        legend="Who is asked"
        required
        options={AUDIENCE_OPTIONS}
        value={values.audience}
        onChange={(v) => set('audience', v)}
        error={errors.audience}
        hint={`The matched people of ${survey.periodName}.`}
        disabled={opened}
      />
      <Checkbox
        label="Named survey: staff can see each person’s answers"
        checked={values.named}
        onChange={(v) => set('named', v)}
        disabled={opened}
        hint={
          opened
            ? 'This can’t change once the survey has opened.'
            : 'Leave this off for an anonymous survey. Choose it only if you need to follow up with people one by one; it can’t change once the survey opens.'
        }
      />
      {values.named ? (
        <Alert tone="warning" announce={false} title="This survey is named.">
          <p>
            Staff will be able to read each person’s answers with their name beside them. People are told so at the top of the survey, and
            some may say less than they would anonymously.
          </p>
        </Alert>
      ) : null}
      {errors.named ? <p className="field__error">{errors.named}</p> : null}
      <div className="form-row">
        <TextField
          label="Opens on"
          type="date"
          required
          value={values.opensOn}
          onChange={(v) => set('opensOn', v)}
          error={errors.opensOn}
          disabled={opened}
        />
        <TextField
          label="Closes on"
          type="date"
          required
          value={values.closesOn}
          onChange={(v) => set('closesOn', v)}
          error={errors.closesOn}
          disabled={opened}
          hint={opened ? 'To give people more time, use “Give more time” above.' : undefined}
        />
      </div>
      <p className="muted small">
        {datesHint} It opens at the start of its first day and closes at the end of its last, in the program’s time zone.
      </p>
    </>
  );
}
