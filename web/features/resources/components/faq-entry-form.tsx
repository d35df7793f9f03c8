import { useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import { faqEntryInputSchema } from '../api/create-faq-entry.ts';
import type { FaqEntryInput } from '../api/create-faq-entry.ts';

interface FaqEntryFormProps {
  label?: string;
  labelledBy?: string;
  heading?: ReactNode;
  initial?: FaqEntryInput;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (input: FaqEntryInput, saved: () => void) => void;
  onCancel?: () => void;
  clearWhenSaved?: boolean;
}

/** A question and its answer, for adding and for editing. */
export function FaqEntryForm({
  label,
  labelledBy,
  heading,
  initial = { question: '', answer: '' },
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
  clearWhenSaved,
}: FaqEntryFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [question, setQuestion] = useState(initial.question);
  const [answer, setAnswer] = useState(initial.answer);
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const checked = validate(faqEntryInputSchema, { question, answer });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    onSubmit(checked.data, () => {
      if (clearWhenSaved) {
        setQuestion('');
        setAnswer('');
      }
    });
  };
  const shown = { ...(isApiError(error) ? error.fieldErrors() : {}), ...errors };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={label} aria-labelledby={labelledBy}>
      {heading}
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      <TextField label="Question" required value={question} onChange={setQuestion} error={shown.question} maxLength={500} />
      <TextareaField
        label="Answer"
        required
        rows={6}
        value={answer}
        onChange={setAnswer}
        error={shown.answer}
        maxLength={5000}
        hint="Plain text. Leave a blank line between paragraphs; web addresses become links."
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
