import type { ReactNode } from 'react';
import type { Question } from '../../../../src/shared/api/surveys.ts';
import { LIKERT_POINTS, TEXT_LIMITS } from '../../../../src/shared/surveys.ts';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import type { LocalValue } from './answer-values.ts';

interface QuestionFieldProps {
  question: Question;
  value: LocalValue | undefined;
  onChange: (value: LocalValue) => void;
  error?: string | undefined;
  /** A preview: everything shows, nothing can be changed. */
  readOnly?: boolean;
}

function numberHint(q: Question): string {
  if (q.min !== null && q.max !== null) return `A number from ${q.min} to ${q.max}.`;
  if (q.min !== null) return `A number of ${q.min} or more.`;
  if (q.max !== null) return `A number of ${q.max} or less.`;
  return '';
}

/** The question's own help, then anything the kind of answer adds (a range, a character count). */
function hintOf(help: string, extra: string): ReactNode {
  const parts = [help, extra].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * One question as the person answering sees it: a 1–5 scale or a choice as a group of radio
 * buttons, several choices as checkboxes, a number field, or a text field with its character count.
 * The wrapper's id lets an error summary link to it; its kind is for the browser tests.
 */
export function QuestionField({ question: q, value, onChange, error, readOnly = false }: QuestionFieldProps) {
  const common = { error, required: q.required, disabled: readOnly };
  let field: ReactNode;
  switch (q.kind) {
    case 'likert':
      field = (
        <RadioGroup<string>
          {...common}
          legend={q.text}
          hint={hintOf(q.help, '1 is the lowest, 5 the highest.')}
          options={LIKERT_POINTS.map((point, i) => ({ value: String(point), label: `${point} · ${q.options[i] ?? ''}` }))}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(v) => onChange(Number(v))}
        />
      );
      break;
    case 'single':
      field = (
        <RadioGroup<string>
          {...common}
          stacked
          legend={q.text}
          hint={hintOf(q.help, '')}
          options={q.options.map((o) => ({ value: o, label: o }))}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
        />
      );
      break;
    case 'multiple':
      field = (
        <CheckboxGroup<string>
          {...common}
          legend={q.text}
          hint={hintOf(q.help, 'Choose as many as apply.')}
          options={q.options.map((o) => ({ value: o, label: o }))}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
        />
      );
      break;
    case 'number':
      field = (
        <TextField
          {...common}
          label={q.text}
          hint={hintOf(q.help, numberHint(q))}
          type="number"
          inputMode="decimal"
          className="survey-question__number"
          min={q.min ?? undefined}
          max={q.max ?? undefined}
          value={typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''}
          onChange={onChange}
        />
      );
      break;
    case 'short-text':
    case 'long-text': {
      const limit = TEXT_LIMITS[q.kind];
      const text = typeof value === 'string' ? value : '';
      const count = `${text.length.toLocaleString()} of ${limit.toLocaleString()} characters used.`;
      field =
        q.kind === 'short-text' ? (
          <TextField {...common} label={q.text} hint={hintOf(q.help, count)} maxLength={limit} value={text} onChange={onChange} />
        ) : (
          <TextareaField
            {...common}
            label={q.text}
            hint={hintOf(q.help, count)}
            maxLength={limit}
            rows={5}
            value={text}
            onChange={onChange}
          />
        );
      break;
    }
  }
  return (
    <div className="survey-question" id={`question-${q.id}`} data-kind={q.kind}>
      {field}
    </div>
  );
}
