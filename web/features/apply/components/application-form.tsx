import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { z } from 'zod';
import type { ApplicationAnswers } from '../../../../src/shared/api/applications.ts';
import { emailSchema, passwordSchema, personNameSchema } from '../../../../src/shared/api/common.ts';
import type { ApplicationRole } from '../../../../src/shared/application-vocabulary.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { NewPasswordField } from '../../../components/ui/password-fields.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { focusFirstInvalid } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import type { ApplyForm } from '../api/get-apply-form.ts';
import { checkAnswers, errorsFromPaths, readStoredDraft } from './answers-draft.ts';
import type { AnswersDraft, StoredDraft } from './answers-draft.ts';
import { STEPS, errorsForStep, firstStepWithErrors, resumeStep } from './application-steps.ts';
import { StepAboutYou } from './step-about-you.tsx';
import { StepGoals } from './step-goals.tsx';
import { StepProgress } from './step-progress.tsx';
import { StepReview } from './step-review.tsx';
import { StepWhereAndHow } from './step-where-and-how.tsx';

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
  /**
   * Where the answers are kept as people go (session storage, so they survive a reload or a wrong
   * turn but not the closing of the tab on a shared computer); none: nothing is kept.
   */
  draftKey?: string;
}

const accountSchema = z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema });

const ROLE_OPTIONS = [
  { value: 'mentee', label: 'Mentee', hint: 'Learn alongside someone further along in the profession.' },
  { value: 'mentor', label: 'Mentor', hint: 'Share what you know with someone newer to the field.' },
] as const;

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The mentor and mentee application in steps, for a first application and for later changes. */
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
  draftKey,
}: ApplicationFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [stored] = useState<StoredDraft | null>(() => (draftKey ? readStoredDraft(session()?.getItem(draftKey) ?? null, initial) : null));
  const [draft, setDraft] = useState<AnswersDraft>(stored?.answers ?? initial);
  const [role, setRole] = useState<ApplicationRole | ''>(roleFixed ? initialRole : stored?.role || initialRole);
  const [periodId, setPeriodId] = useState<string>(() => {
    if (period) return String(period.id);
    if (stored && form.periods.some((p) => String(p.id) === stored.periodId)) return stored.periodId;
    return form.periods.length === 1 ? String(form.periods[0]?.id) : '';
  });
  const [account, setAccount] = useState<Account>({ name: stored?.name ?? '', email: stored?.email ?? '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [showSummary, setShowSummary] = useState(false);
  const sent = useRef(false);

  const questions = form.eligibilityQuestions.filter((q) => role !== '' && (q.appliesTo === 'both' || q.appliesTo === role));

  const check = () => {
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
    if (draft.region.trim() === '') next.region = 'Choose your country, and your state or province if it’s listed.';
    return { errors: next, answers: checked.ok ? checked.answers : null, account: checkedAccount };
  };

  const [step, setStep] = useState(() => (stored ? resumeStep(stored.step, check().errors) : 0));
  // After a step changes, focus goes to its heading, or to the first answer that needs another look.
  const focusNext = useRef<'heading' | 'invalid' | null>(null);
  useEffect(() => {
    if (focusNext.current === 'heading') headingRef.current?.focus();
    if (focusNext.current === 'invalid') focusFirstInvalid(formRef.current);
    focusNext.current = null;
  }, [step, errors]);

  useEffect(() => {
    if (!draftKey || sent.current) return;
    const keep: StoredDraft = { answers: draft, role, periodId, name: account.name, email: account.email, step };
    session()?.setItem(draftKey, JSON.stringify(keep));
  }, [draftKey, draft, role, periodId, account.name, account.email, step]);

  const set =
    <K extends keyof AnswersDraft>(key: K) =>
    (value: AnswersDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const setAccountField = (key: keyof Account) => (value: string) => setAccount((a) => ({ ...a, [key]: value }));

  const goTo = (to: number, stepErrors: FieldErrors = {}) => {
    const problems = Object.keys(stepErrors).length > 0;
    focusNext.current = problems ? 'invalid' : 'heading';
    setErrors(stepErrors);
    setShowSummary(problems);
    setStep(to);
  };

  const last = STEPS.length - 1;
  const handleSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const result = check();
    if (step < last) {
      // "Next": this step's answers must be right before the next one.
      const here = errorsForStep(result.errors, step);
      if (Object.keys(here).length > 0) {
        focusNext.current = 'invalid';
        setErrors(here);
        setShowSummary(true);
        return;
      }
      goTo(step + 1);
      return;
    }
    const blocked = firstStepWithErrors(result.errors);
    if (blocked !== null || !result.answers || role === '') {
      goTo(blocked ?? 0, errorsForStep(result.errors, blocked ?? 0));
      return;
    }
    setErrors({});
    setShowSummary(false);
    onSubmit({ periodId: Number(period ? period.id : periodId), role, account: result.account, answers: result.answers }).then(
      () => {
        if (!draftKey) return;
        sent.current = true;
        session()?.removeItem(draftKey);
      },
      (err: unknown) => {
        if (isApiError(err) && err.details.length > 0) {
          const fromServer = errorsFromPaths(err.details);
          const at = firstStepWithErrors(fromServer) ?? last;
          goTo(at, errorsForStep(fromServer, at));
        }
      },
    );
  };

  const errorCount = Object.keys(errors).length;
  const periodName = period?.name ?? form.periods.find((p) => String(p.id) === periodId)?.name ?? '';
  const stepProps = { form, draft, set, role, errors };

  const choices = (
    <Card title="Your application" level={3}>
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
  );

  const accountCard = askForAccount ? (
    <Card title="Your account" level={3}>
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
  ) : null;

  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit}
      noValidate
      aria-label={submitLabel === 'Send application' ? 'Application' : 'Your application'}
    >
      <StepProgress current={step} />
      <h2 ref={headingRef} tabIndex={-1}>
        <span className="visually-hidden">
          Step {step + 1} of {STEPS.length}:{' '}
        </span>
        {STEPS[step]?.title}
      </h2>
      {draftKey ? (
        <p className="muted small">Your answers are kept in this browser tab as you go, until you send them or close the tab.</p>
      ) : null}

      {step === 0 ? <StepAboutYou {...stepProps} choices={choices} account={accountCard} /> : null}
      {step === 1 ? <StepWhereAndHow {...stepProps} keepTimeZone={initial.timeZone} /> : null}
      {step === 2 ? (
        <StepGoals
          {...stepProps}
          questions={questions}
          setEligibility={(key, answer) => setDraft((d) => ({ ...d, eligibilityAnswers: { ...d.eligibilityAnswers, [key]: answer } }))}
        />
      ) : null}
      {step === last ? (
        <StepReview
          form={form}
          draft={draft}
          role={role}
          periodName={periodName}
          account={askForAccount ? account : null}
          questions={questions}
          goTo={(to) => goTo(to)}
        />
      ) : null}

      {showSummary && errorCount > 0 ? (
        <Alert tone="error" title="Some answers need another look.">
          <p>
            {errorCount === 1 ? 'One answer on this step is' : `${errorCount} answers on this step are`} marked above. Please check{' '}
            {errorCount === 1 ? 'it' : 'them'} and try again.
          </p>
        </Alert>
      ) : null}
      {step === last ? failure : null}
      <div className="form-actions">
        {step > 0 ? (
          <Button variant="secondary" onClick={() => goTo(step - 1)}>
            Back
          </Button>
        ) : null}
        {step < last ? (
          <Button type="submit">Next</Button>
        ) : (
          <Button type="submit" busy={busy}>
            {submitLabel}
          </Button>
        )}
        {extraActions}
      </div>
    </form>
  );
}
