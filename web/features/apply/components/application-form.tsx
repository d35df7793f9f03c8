import { useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { z } from 'zod';
import type { ApplicationAnswers } from '../../../../src/shared/api/applications.ts';
import { emailSchema, passwordSchema, personNameSchema } from '../../../../src/shared/api/common.ts';
import {
  CAREER_STAGES,
  CAREER_STAGE_LABELS,
  WORKPLACE_TYPES,
  WORKPLACE_TYPE_LABELS,
} from '../../../../src/shared/application-vocabulary.ts';
import type { ApplicationRole } from '../../../../src/shared/application-vocabulary.ts';
import { CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { FieldMessages, TextField } from '../../../components/ui/field.tsx';
import { NewPasswordField } from '../../../components/ui/password-fields.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { TimeZoneField } from '../../../components/ui/time-zone-field.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { focusFirstInvalid } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import type { ApplyForm } from '../api/get-apply-form.ts';
import { checkAnswers, errorsFromPaths } from './answers-draft.ts';
import type { AnswersDraft } from './answers-draft.ts';

export interface Account {
  name: string;
  email: string;
  password: string;
}

export interface ApplicationSubmission {
  periodId: number;
  role: ApplicationRole;
  /** Only when the person is not signed in. */
  account: Account | null;
  answers: ApplicationAnswers;
}

interface ApplicationFormProps {
  form: ApplyForm;
  initial: AnswersDraft;
  /** Fixed when editing; otherwise chosen on the form (a preset comes from the link they followed). */
  role: ApplicationRole | '';
  roleFixed?: boolean;
  /** Fixed when editing. */
  period?: { id: number; name: string };
  askForAccount: boolean;
  submitLabel: string;
  busy: boolean;
  /** A problem that isn't about one field, shown above the button. */
  failure?: ReactNode;
  /** Reject with the API error so its field details land next to the fields. */
  onSubmit: (submission: ApplicationSubmission) => Promise<unknown>;
  extraActions?: ReactNode;
}

const accountSchema = z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema });

const ROLE_OPTIONS = [
  { value: 'mentee', label: 'Mentee', hint: 'Learn alongside someone further along in the profession.' },
  { value: 'mentor', label: 'Mentor', hint: 'Share what you know with someone newer to the field.' },
] as const;

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

const WORKPLACE_OPTIONS = [
  { value: '', label: 'Choose one' },
  ...WORKPLACE_TYPES.map((w) => ({ value: w, label: WORKPLACE_TYPE_LABELS[w] })),
];
const STAGE_OPTIONS = [{ value: '', label: 'Choose one' }, ...CAREER_STAGES.map((s) => ({ value: s, label: CAREER_STAGE_LABELS[s] }))];

function GoalChoices({
  goals,
  value,
  onChange,
  error,
}: {
  goals: ApplyForm['goals'];
  value: readonly number[];
  onChange: (ids: number[]) => void;
  error: string | undefined;
}) {
  const id = useId();
  const toggle = (goalId: number, checked: boolean) => {
    const next = checked ? [...value, goalId] : value.filter((v) => v !== goalId);
    onChange(next);
  };
  return (
    <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : `${id}-hint`} aria-invalid={error ? true : undefined}>
      <legend className="fieldset__legend">
        Program goals that matter to you<span className="field__required"> (required)</span>
      </legend>
      <FieldMessages hint="Choose one or more. We use them to find someone who cares about the same things." hintId={`${id}-hint`} />
      <div className="choices choices--stacked">
        {goals.map((g) => (
          <div className="choice-with-hint" key={g.id}>
            <label className="choice">
              <input
                type="checkbox"
                checked={value.includes(g.id)}
                aria-invalid={error ? true : undefined}
                aria-describedby={g.description ? `${id}-goal-${g.id}` : undefined}
                onChange={(e) => toggle(g.id, e.target.checked)}
              />
              {g.title}
            </label>
            {g.description ? (
              <p className="field__hint choice__hint" id={`${id}-goal-${g.id}`}>
                {g.description}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <FieldMessages error={error} errorId={`${id}-error`} />
    </fieldset>
  );
}

/** The mentor and mentee application, for a first application and for later changes. */
export function ApplicationForm({
  form,
  initial,
  role: initialRole,
  roleFixed,
  period,
  askForAccount,
  submitLabel,
  busy,
  failure,
  onSubmit,
  extraActions,
}: ApplicationFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<AnswersDraft>(initial);
  const [role, setRole] = useState<ApplicationRole | ''>(initialRole);
  const [periodId, setPeriodId] = useState<string>(
    period ? String(period.id) : form.periods.length === 1 ? String(form.periods[0]?.id) : '',
  );
  const [account, setAccount] = useState<Account>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [showSummary, setShowSummary] = useState(false);

  const questions = form.eligibilityQuestions.filter((q) => role !== '' && (q.appliesTo === 'both' || q.appliesTo === role));
  const set =
    <K extends keyof AnswersDraft>(key: K) =>
    (value: AnswersDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const setAccountField = (key: keyof Account) => (value: string) => setAccount((a) => ({ ...a, [key]: value }));

  const handleSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next: FieldErrors = {};
    if (!period && periodId === '') next.periodId = 'Choose the program period you are applying for.';
    if (role === '') next.role = 'Choose whether you would like to be a mentor or a mentee.';
    let checkedAccount: Account | null = null;
    if (askForAccount) {
      const result = accountSchema.safeParse(account);
      if (result.success) checkedAccount = result.data;
      else for (const issue of result.error.issues) next[String(issue.path[0])] ??= issue.message;
    }
    const checked = checkAnswers(
      draft,
      role,
      questions.map((q) => q.key),
    );
    if (!checked.ok) Object.assign(next, checked.errors);
    if (!checked.ok || Object.keys(next).length > 0 || role === '') {
      setErrors(next);
      setShowSummary(true);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setShowSummary(false);
    onSubmit({ periodId: Number(period ? period.id : periodId), role, account: checkedAccount, answers: checked.answers }).catch(
      (err: unknown) => {
        if (isApiError(err) && err.details.length > 0) {
          setErrors(errorsFromPaths(err.details));
          focusFirstInvalid(formRef.current);
        }
      },
    );
  };

  const errorCount = Object.keys(errors).length;
  const isMentor = role === 'mentor';

  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit}
      noValidate
      aria-label={submitLabel === 'Send application' ? 'Application' : 'Your application'}
    >
      <Card title="Your application">
        <div className="form">
          {period ? (
            <p>
              Program period: <strong>{period.name}</strong>
            </p>
          ) : form.periods.length > 1 ? (
            <RadioGroup
              legend="Program period"
              required
              value={periodId}
              onChange={setPeriodId}
              error={errors.periodId}
              options={form.periods.map((p) => ({
                value: String(p.id),
                label: p.name,
                hint: `Applications close ${formatDate(p.applicationsCloseOn)}.`,
              }))}
            />
          ) : (
            <p>
              You’re applying for <strong>{form.periods[0]?.name}</strong>. Applications close{' '}
              {form.periods[0] ? formatDate(form.periods[0].applicationsCloseOn) : ''}.
            </p>
          )}
          {roleFixed ? (
            <p>
              You applied as a <strong>{role}</strong>.
            </p>
          ) : (
            <RadioGroup
              legend="I would like to take part as a"
              required
              value={role}
              onChange={setRole}
              error={errors.role}
              options={ROLE_OPTIONS}
              stacked
            />
          )}
        </div>
      </Card>

      {askForAccount ? (
        <Card title="About you">
          <div className="form">
            <p className="muted">
              You’ll use your e-mail address and password to sign in, follow your application and, once matched, reach your partner.
            </p>
            <TextField
              label="Your name"
              required
              autoComplete="name"
              value={account.name}
              onChange={setAccountField('name')}
              error={errors.name}
              maxLength={120}
            />
            <TextField
              label="E-mail address"
              type="email"
              required
              autoComplete="email"
              value={account.email}
              onChange={setAccountField('email')}
              error={errors.email}
            />
            <NewPasswordField
              label="Choose a password"
              value={account.password}
              onChange={setAccountField('password')}
              error={errors.password}
            />
          </div>
        </Card>
      ) : null}

      <Card title="Your work">
        <div className="form">
          <div className="form-row">
            <TextField
              label="Job title"
              autoComplete="organization-title"
              value={draft.jobTitle}
              onChange={set('jobTitle')}
              error={errors.jobTitle}
              maxLength={200}
              hint="Leave it empty if you’re a student or between jobs."
            />
            <TextField
              label="Employer"
              autoComplete="organization"
              value={draft.employer}
              onChange={set('employer')}
              error={errors.employer}
              maxLength={200}
              hint="We won’t pair you with someone from the same place."
            />
          </div>
          <div className="form-row">
            <SelectField
              label="Kind of workplace"
              required
              value={draft.workplaceType}
              options={WORKPLACE_OPTIONS}
              onChange={(v) => set('workplaceType')(v as AnswersDraft['workplaceType'])}
              error={errors.workplaceType}
            />
            <SelectField
              label="Where you are in your career"
              required
              value={draft.careerStage}
              options={STAGE_OPTIONS}
              onChange={(v) => set('careerStage')(v as AnswersDraft['careerStage'])}
              error={errors.careerStage}
            />
            <TextField
              label="Years of experience in the field"
              type="number"
              inputMode="numeric"
              min={0}
              max={70}
              required
              value={draft.yearsExperience}
              onChange={set('yearsExperience')}
              error={errors.yearsExperience}
              hint="Paid or volunteer. 0 is fine."
            />
          </div>
        </div>
      </Card>

      <Card title="Where you are">
        <div className="form">
          <div className="form-row">
            <TextField
              label="Region"
              required
              autoComplete="off"
              spellCheck={false}
              value={draft.region}
              onChange={set('region')}
              error={errors.region}
              maxLength={10}
              hint="Your country and state or province as a code, like US-IL or CA-ON; or just the country, like GB."
            />
            <TimeZoneField value={draft.timeZone} keep={initial.timeZone} onChange={set('timeZone')} error={errors.timeZone} />
          </div>
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

      <Card title="What you’d like from the program">
        <div className="form">
          <GoalChoices goals={form.goals} value={draft.programGoalIds} onChange={set('programGoalIds')} error={errors.programGoalIds} />
          <TextField
            label={isMentor ? 'Areas of expertise' : 'Interests'}
            required
            autoComplete="off"
            value={draft.interests}
            onChange={set('interests')}
            error={errors.interests}
            hint="Separate them with commas, for example: storytime, teen services, grant writing."
          />
          <TextareaField
            label={isMentor ? 'What would you like to share as a mentor?' : 'What do you hope to gain from a mentor?'}
            rows={4}
            value={draft.hopes}
            onChange={set('hopes')}
            error={errors.hopes}
            maxLength={2000}
            hint="A few sentences is plenty. Your match will read this."
          />
        </div>
      </Card>

      <Card title="How you like to keep in touch">
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

      {questions.length > 0 ? (
        <Card title="Eligibility">
          <div className="form">
            {questions.map((q) => (
              <RadioGroup
                key={q.key}
                legend={q.text}
                required
                hint={q.help || undefined}
                value={draft.eligibilityAnswers[q.key] ?? ''}
                onChange={(answer) => setDraft((d) => ({ ...d, eligibilityAnswers: { ...d.eligibilityAnswers, [q.key]: answer } }))}
                error={errors[`eligibilityAnswers.${q.key}`]}
                options={YES_NO}
              />
            ))}
          </div>
        </Card>
      ) : null}

      {isMentor ? (
        <Card title="How many mentees can you take?">
          <TextField
            label="Number of mentees"
            type="number"
            inputMode="numeric"
            min={1}
            max={10}
            required
            value={draft.capacity}
            onChange={set('capacity')}
            error={errors.capacity}
            hint="Most mentors take one. Each mentee needs a couple of conversations a month."
          />
        </Card>
      ) : null}

      <Card title="Confidential preferences (optional)">
        <div className="form">
          <p>
            <strong>Only the program office and the matching committee see these answers.</strong> They help us make a good match and are
            never shown to your match or anyone else.
          </p>
          <Checkbox
            label={`I’d prefer a ${isMentor ? 'mentee' : role === 'mentee' ? 'mentor' : 'partner'} of the same gender`}
            checked={draft.preferSameGender}
            onChange={set('preferSameGender')}
          />
          <TextField
            label="Your gender"
            autoComplete="off"
            value={draft.gender}
            onChange={set('gender')}
            error={errors['confidential.gender']}
            maxLength={60}
            hint="In your own words. Leave it empty if you’d rather not say."
          />
          <TextareaField
            label="Anything else the matching committee should know"
            rows={3}
            value={draft.notes}
            onChange={set('notes')}
            error={errors['confidential.notes']}
            maxLength={1000}
          />
        </div>
      </Card>

      {showSummary && errorCount > 0 ? (
        <Alert tone="error" title="Some answers need another look.">
          <p>
            {errorCount === 1 ? 'One answer is' : `${errorCount} answers are`} marked above. Please check {errorCount === 1 ? 'it' : 'them'}{' '}
            and send again.
          </p>
        </Alert>
      ) : null}
      {failure}
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {extraActions}
      </div>
    </form>
  );
}
