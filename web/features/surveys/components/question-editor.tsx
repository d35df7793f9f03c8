import { QUESTION_AUDIENCES, QUESTION_KIND_LABELS, QUESTION_KINDS } from '../../../../src/shared/surveys.ts';
import type { QuestionAudience, QuestionKind } from '../../../../src/shared/surveys.ts';
import { MAX_OPTIONS } from '../../../../src/shared/surveys.ts';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { ItemButton } from '../../../components/ui/item-button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import type { QuestionValues } from './editor-values.ts';
import { withKind } from './editor-values.ts';

const KIND_OPTIONS = QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }));
const AUDIENCE_LABELS: Record<QuestionAudience, string> = {
  both: 'Everyone asked',
  mentor: 'Mentors only',
  mentee: 'Mentees only',
};
const AUDIENCE_OPTIONS = QUESTION_AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }));

interface QuestionEditorProps {
  question: QuestionValues;
  index: number;
  count: number;
  /** Answers exist: only the wording may change. */
  frozen: boolean;
  /** Problems by path inside this question ("text", "options.1"). */
  errors: Record<string, string>;
  /** Showing its fields, rather than a line about it. */
  open: boolean;
  onChange: (q: QuestionValues) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onOpen: () => void;
  onClose: () => void;
}

/** The ids of a question's controls, so the focus can be put back on them after a change. */
export const questionControlId = (q: { id: string }, part: string) => `builder-${q.id}-${part}`;

function OptionsEditor({
  question: q,
  frozen,
  errors,
  onChange,
}: Pick<QuestionEditorProps, 'question' | 'frozen' | 'errors' | 'onChange'>) {
  const setOption = (i: number, text: string) => onChange({ ...q, options: q.options.map((o, j) => (j === i ? text : o)) });
  if (q.kind === 'likert') {
    return (
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Words for the five points of the scale</legend>
        <div className="form-row">
          {q.options.map((o, i) => (
            <TextField
              key={i}
              label={`Point ${i + 1}`}
              required
              value={o}
              maxLength={200}
              onChange={(v) => setOption(i, v)}
              error={errors[`options.${i}`]}
            />
          ))}
        </div>
        {errors.options ? <p className="field__error">{errors.options}</p> : null}
      </fieldset>
    );
  }
  if (q.kind !== 'single' && q.kind !== 'multiple') return null;
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Choices</legend>
      <ol className="plain-list survey-builder__choices">
        {q.options.map((o, i) => (
          <li key={i} className="item-row">
            <TextField
              label={`Choice ${i + 1}`}
              id={questionControlId(q, `choice-${i}`)}
              required
              value={o}
              maxLength={200}
              onChange={(v) => setOption(i, v)}
              error={errors[`options.${i}`]}
              className="item-row__main"
            />
            {frozen ? null : (
              <ItemButton
                itemLabel={`choice ${i + 1} of question ${q.text || 'without text'}`}
                variant="secondary"
                disabled={q.options.length <= 2}
                onClick={() => onChange({ ...q, options: q.options.filter((_, j) => j !== i) })}
              >
                Remove
              </ItemButton>
            )}
          </li>
        ))}
      </ol>
      {errors.options ? <p className="field__error">{errors.options}</p> : null}
      {frozen ? null : (
        <ItemButton
          itemLabel={`to question ${q.text || 'without text'}`}
          disabled={q.options.length >= MAX_OPTIONS}
          onClick={() => onChange({ ...q, options: [...q.options, ''] })}
        >
          Add a choice
        </ItemButton>
      )}
    </fieldset>
  );
}

/** What the question is, in a line: its kind, who is asked, whether it's required, its section. */
function detailsOf(q: QuestionValues): string {
  return [
    QUESTION_KIND_LABELS[q.kind],
    q.audience === 'both' ? '' : AUDIENCE_LABELS[q.audience],
    q.required ? 'Required' : 'Optional',
    q.section ? `Section: ${q.section}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Move up, Move down and Remove: none of them once people have answered. */
function RowButtons({
  q,
  index,
  count,
  frozen,
  onMove,
  onRemove,
}: Pick<QuestionEditorProps, 'index' | 'count' | 'frozen' | 'onMove' | 'onRemove'> & { q: QuestionValues }) {
  if (frozen) return null;
  const name = `question ${index + 1}`;
  return (
    <>
      <ItemButton id={questionControlId(q, 'up')} itemLabel={name} disabled={index === 0} onClick={() => onMove(-1)}>
        Move up
      </ItemButton>
      <ItemButton id={questionControlId(q, 'down')} itemLabel={name} disabled={index === count - 1} onClick={() => onMove(1)}>
        Move down
      </ItemButton>
      <ItemButton itemLabel={name} variant="danger" disabled={count <= 1} onClick={onRemove}>
        Remove
      </ItemButton>
    </>
  );
}

/**
 * One question in the builder. Closed, it is a line saying what it asks and how, with buttons to
 * edit, move or remove it; open, its wording, kind, who is asked and whether an answer is
 * required, and its choices or scale words. Once people have answered, only the wording can
 * change, so everything else is locked.
 */
export function QuestionEditor(props: QuestionEditorProps) {
  const { question: q, index, frozen, errors, open, onChange, onOpen, onClose } = props;
  const name = `question ${index + 1}`;
  if (!open) {
    return (
      <div className="item-row">
        <div className="item-row__main">
          <p className="item-title">
            {index + 1}. {q.text || 'A question without words yet'}
          </p>
          <p className="muted small">{detailsOf(q)}</p>
        </div>
        <div className="item-row__actions">
          <ItemButton id={questionControlId(q, 'edit')} itemLabel={name} onClick={onOpen}>
            Edit
          </ItemButton>
          <RowButtons q={q} {...props} />
        </div>
      </div>
    );
  }
  return (
    <fieldset className="fieldset survey-builder__question">
      <legend className="fieldset__legend">Question {index + 1}</legend>
      <div className="form">
        {errors._question ? <p className="field__error">{errors._question}</p> : null}
        <TextField
          label="Question"
          id={questionControlId(q, 'text')}
          required
          value={q.text}
          maxLength={500}
          onChange={(text) => onChange({ ...q, text })}
          error={errors.text}
        />
        <TextField
          label="Help text"
          value={q.help}
          maxLength={500}
          onChange={(help) => onChange({ ...q, help })}
          error={errors.help}
          hint="Optional: a line under the question, such as an example."
        />
        <div className="form-row">
          <SelectField
            label="Kind of answer"
            value={q.kind}
            options={KIND_OPTIONS}
            onChange={(k) => onChange(withKind(q, k as QuestionKind))}
            error={errors.kind}
            disabled={frozen}
          />
          <SelectField
            label="Asked of"
            value={q.audience}
            options={AUDIENCE_OPTIONS}
            onChange={(a) => onChange({ ...q, audience: a as QuestionAudience })}
            error={errors.audience}
            disabled={frozen}
          />
          <TextField
            label="Section heading"
            value={q.section}
            maxLength={120}
            onChange={(section) => onChange({ ...q, section })}
            error={errors.section}
            hint="Questions in a row with the same heading are shown together."
          />
        </div>
        <OptionsEditor question={q} frozen={frozen} errors={errors} onChange={onChange} />
        {q.kind === 'number' ? (
          <div className="form-row">
            <TextField
              label="Smallest answer"
              type="number"
              inputMode="numeric"
              value={q.min}
              onChange={(min) => onChange({ ...q, min })}
              error={errors.min}
              disabled={frozen}
              hint="Optional."
            />
            <TextField
              label="Largest answer"
              type="number"
              inputMode="numeric"
              value={q.max}
              onChange={(max) => onChange({ ...q, max })}
              error={errors.max}
              disabled={frozen}
              hint="Optional."
            />
          </div>
        ) : null}
        <Checkbox
          label="An answer is required"
          checked={q.required}
          onChange={(required) => onChange({ ...q, required })}
          disabled={frozen}
        />
        <div className="item-row__actions">
          <ItemButton itemLabel={name} onClick={onClose} disabled={Object.keys(errors).length > 0}>
            Done
          </ItemButton>
          <RowButtons q={q} {...props} />
        </div>
      </div>
    </fieldset>
  );
}
