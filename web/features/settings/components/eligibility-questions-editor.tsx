import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { eligibilityQuestionSchema } from '../../../../src/shared/api/settings.ts';
import type { EligibilityQuestion } from '../../../../src/shared/api/settings.ts';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { focusFirstInvalid, validate } from '../../../lib/validate.ts';
import type { FieldErrors } from '../../../lib/validate.ts';
import type { Settings } from '../../../lib/reads/settings.ts';
import { useUpdateSettings } from '../api/update-settings.ts';
import { questionKeyFrom } from './question-key.ts';
import { SaveStatus } from './save-status.tsx';

interface Row {
  uid: string;
  isNew: boolean;
  keyTouched: boolean;
  key: string;
  text: string;
  appliesTo: EligibilityQuestion['appliesTo'];
  requiredAnswer: 'any' | 'yes' | 'no';
  help: string;
}

const APPLIES_TO = [
  { value: 'both', label: 'Mentors and mentees' },
  { value: 'mentor', label: 'Mentors only' },
  { value: 'mentee', label: 'Mentees only' },
] as const;

const REQUIRED_ANSWER = [
  { value: 'any', label: 'Any answer is fine' },
  { value: 'yes', label: 'Must answer “Yes”' },
  { value: 'no', label: 'Must answer “No”' },
] as const;

function toRow(q: EligibilityQuestion, index: number): Row {
  return {
    uid: `saved-${index}`,
    isNew: false,
    keyTouched: true,
    key: q.key,
    text: q.text,
    appliesTo: q.appliesTo,
    requiredAnswer: q.requiredAnswer ?? 'any',
    help: q.help,
  };
}

function toQuestion(row: Row) {
  return {
    key: row.key,
    text: row.text,
    appliesTo: row.appliesTo,
    requiredAnswer: row.requiredAnswer === 'any' ? null : row.requiredAnswer,
    help: row.help,
  };
}

export function EligibilityQuestionsEditor({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const [rows, setRows] = useState<Row[]>(() => settings.eligibilityQuestions.map(toRow));
  const [added, setAdded] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [announcement, setAnnouncement] = useState('');

  const change = (uid: string, patch: Partial<Row>) => {
    setRows((current) =>
      current.map((r) => {
        if (r.uid !== uid) return r;
        const next = { ...r, ...patch };
        // New questions get a code from their wording until someone edits the code by hand.
        if (next.isNew && !next.keyTouched && patch.text !== undefined) next.key = questionKeyFrom(patch.text);
        return next;
      }),
    );
  };

  const addQuestion = () => {
    const uid = `new-${added}`;
    setAdded(added + 1);
    setRows([...rows, { uid, isNew: true, keyTouched: false, key: '', text: '', appliesTo: 'both', requiredAnswer: 'yes', help: '' }]);
    setAnnouncement(`Question ${rows.length + 1} added.`);
    requestAnimationFrame(() => document.getElementById(`${uid}-text`)?.focus());
  };

  const removeQuestion = (index: number) => {
    setRows(rows.filter((_, i) => i !== index));
    setAnnouncement(`Question ${index + 1} removed. Save to make it final.`);
    requestAnimationFrame(() => document.getElementById('eligibility-add')?.focus());
  };

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (!row) return;
    next.splice(target, 0, row);
    setRows(next);
    setAnnouncement(`Question moved to position ${target + 1} of ${rows.length}.`);
    const edge = (by === -1 && target === 0) || (by === 1 && target === rows.length - 1);
    const focusId = `${row.uid}-${edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`;
    requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    update.reset();
    const next: FieldErrors = {};
    const seen = new Set<string>();
    rows.forEach((row) => {
      const checked = validate(eligibilityQuestionSchema, toQuestion(row));
      if (!checked.ok) {
        for (const [field, message] of Object.entries(checked.errors)) next[`${row.uid}.${field}`] = message;
      }
      if (row.key && seen.has(row.key)) next[`${row.uid}.key`] = 'Two questions have this code; each needs its own.';
      seen.add(row.key);
    });
    if (Object.keys(next).length > 0) {
      setErrors(next);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    update.mutate(
      { eligibilityQuestions: rows.map(toQuestion) },
      {
        onSuccess: () => setRows((current) => current.map((r) => ({ ...r, isNew: false, keyTouched: true }))),
        onError: (error) => {
          if (!isApiError(error)) return;
          // details[].path looks like "eligibilityQuestions.2.key"
          const mapped: FieldErrors = {};
          for (const d of error.details) {
            const [, index, field] = d.path.split('.');
            const row = rows[Number(index)];
            if (row && field) mapped[`${row.uid}.${field}`] = d.message;
          }
          setErrors(mapped);
        },
      },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Eligibility questions">
      <SaveStatus saved={update.isSuccess} error={update.error} what="eligibility questions" />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {rows.length === 0 ? <p className="muted">There are no eligibility questions yet. Everyone who applies can take part.</p> : null}
      {rows.map((row, index) => (
        <fieldset className="fieldset" key={row.uid}>
          <legend className="fieldset__legend">Question {index + 1}</legend>
          <div className="form">
            <TextareaField
              id={`${row.uid}-text`}
              label="Question"
              required
              rows={2}
              value={row.text}
              onChange={(text) => change(row.uid, { text })}
              error={errors[`${row.uid}.text`]}
              maxLength={500}
              hint="Ask it so it can be answered yes or no, e.g. “Are you a member of the association?”"
            />
            <div className="form-row">
              <SelectField
                label="Asked of"
                value={row.appliesTo}
                options={APPLIES_TO}
                onChange={(v) => change(row.uid, { appliesTo: v as Row['appliesTo'] })}
                error={errors[`${row.uid}.appliesTo`]}
              />
              <SelectField
                label="To be eligible"
                value={row.requiredAnswer}
                options={REQUIRED_ANSWER}
                onChange={(v) => change(row.uid, { requiredAnswer: v as Row['requiredAnswer'] })}
                error={errors[`${row.uid}.requiredAnswer`]}
              />
              {row.isNew ? (
                <TextField
                  label="Code"
                  required
                  value={row.key}
                  onChange={(key) => change(row.uid, { key, keyTouched: true })}
                  error={errors[`${row.uid}.key`]}
                  hint="Used in exports. Lower-case letters, digits and _; it can’t change once saved."
                  maxLength={40}
                  autoComplete="off"
                  spellCheck={false}
                />
              ) : (
                <div className="field">
                  <span className="field__label">Code</span>
                  <span>
                    <code>{row.key}</code>
                  </span>
                  {errors[`${row.uid}.key`] ? <p className="field__error">{errors[`${row.uid}.key`]}</p> : null}
                </div>
              )}
            </div>
            <TextareaField
              label="Help text"
              rows={2}
              value={row.help}
              onChange={(help) => change(row.uid, { help })}
              error={errors[`${row.uid}.help`]}
              maxLength={500}
              hint="Optional. Shown under the question to explain why it’s asked or what counts."
            />
            <div className="form-actions">
              <Button id={`${row.uid}-up`} variant="secondary" small disabled={index === 0} onClick={() => move(index, -1)}>
                Move up<span className="visually-hidden"> question {index + 1}</span>
              </Button>
              <Button id={`${row.uid}-down`} variant="secondary" small disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                Move down<span className="visually-hidden"> question {index + 1}</span>
              </Button>
              <Button variant="danger" small onClick={() => removeQuestion(index)}>
                Remove<span className="visually-hidden"> question {index + 1}</span>
              </Button>
            </div>
          </div>
        </fieldset>
      ))}
      <div className="form-actions">
        <Button id="eligibility-add" variant="secondary" onClick={addQuestion} disabled={rows.length >= 20}>
          Add a question
        </Button>
        <Button type="submit" busy={update.isPending}>
          Save questions
        </Button>
      </div>
    </form>
  );
}
