import { useState } from 'react';
import { MAX_QUESTIONS } from '../../../../src/shared/surveys.ts';
import { Button } from '../../../components/ui/button.tsx';
import { focusWhen, listItemAt } from '../../../lib/reorder.ts';
import type { QuestionValues } from './editor-values.ts';
import { moved, newQuestion } from './editor-values.ts';
import { QuestionEditor, questionControlId } from './question-editor.tsx';

interface QuestionBuilderProps {
  questions: QuestionValues[];
  onChange: (questions: QuestionValues[]) => void;
  frozen: boolean;
  /** Problems by path ("questions.2.text"). */
  errors: Record<string, string>;
}

/** The errors of question `i`, by their path inside it ("_question" for the question as a whole). */
function errorsOf(errors: Record<string, string>, i: number): Record<string, string> {
  const prefix = `questions.${i}`;
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === prefix) out._question = message;
    else if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  }
  return out;
}

/**
 * The list of questions, each a line until opened for editing: add, edit, move and remove them. Nothing is saved until "Save changes";
 * after each move or removal the focus stays somewhere sensible and a live region says what happened.
 */
export function QuestionBuilder({ questions, onChange, frozen, errors }: QuestionBuilderProps) {
  const [said, setSaid] = useState('');
  const [openIds, setOpenIds] = useState<string[]>([]);
  const setOpen = (id: string, open: boolean) =>
    setOpenIds((ids) => (open ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));

  const add = () => {
    const q = newQuestion(questions);
    onChange([...questions, q]);
    setOpen(q.id, true);
    setSaid(`Question ${questions.length + 1} added.`);
    focusWhen(questionControlId(q, 'text'));
  };
  const move = (i: number, by: -1 | 1) => {
    const q = questions[i];
    if (!q) return;
    onChange(moved(questions, i, by));
    const target = i + by;
    setSaid(`Question moved to place ${target + 1} of ${questions.length}.`);
    const stay = target === 0 ? 'down' : target === questions.length - 1 ? 'up' : by === -1 ? 'up' : 'down';
    const button = questionControlId(q, stay);
    focusWhen(button, listItemAt(button, target));
  };
  const remove = (i: number) => {
    const next = questions.filter((_, j) => j !== i);
    onChange(next);
    setSaid(`Question ${i + 1} removed. Save changes to keep it that way.`);
    const neighbour = next[Math.min(i, next.length - 1)];
    if (neighbour) focusWhen(questionControlId(neighbour, openIds.includes(neighbour.id) ? 'text' : 'edit'));
  };

  return (
    <>
      {errors.questions ? <p className="field__error">{errors.questions}</p> : null}
      <ol className="plain-list survey-builder">
        {questions.map((q, i) => {
          const own = errorsOf(errors, i);
          return (
            <li key={q.id}>
              <QuestionEditor
                question={q}
                index={i}
                count={questions.length}
                frozen={frozen}
                errors={own}
                // A question with a problem stays open, so the problem shows beside its field.
                open={openIds.includes(q.id) || Object.keys(own).length > 0}
                onChange={(changed) => onChange(questions.map((x, j) => (j === i ? changed : x)))}
                onMove={(by) => move(i, by)}
                onRemove={() => remove(i)}
                onOpen={() => {
                  setOpen(q.id, true);
                  focusWhen(questionControlId(q, 'text'));
                }}
                onClose={() => {
                  setOpen(q.id, false);
                  focusWhen(questionControlId(q, 'edit'));
                }}
              />
            </li>
          );
        })}
      </ol>
      {frozen ? null : (
        <p>
          <Button variant="secondary" onClick={add} disabled={questions.length >= MAX_QUESTIONS}>
            Add a question
          </Button>
        </p>
      )}
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </>
  );
}
