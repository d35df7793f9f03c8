import type { Question } from '../../../../src/shared/api/surveys.ts';
import type { LocalAnswers, LocalValue } from './answer-values.ts';
import { sectionsOf } from './answer-values.ts';
import { QuestionField } from './question-field.tsx';

interface SurveyQuestionsProps {
  questions: readonly Question[];
  values: LocalAnswers;
  onChange?: (id: string, value: LocalValue) => void;
  errors?: Record<string, string>;
  readOnly?: boolean;
}

/**
 * The questions, each section a fieldset with its heading as the legend, so a screen reader says
 * which part of the survey a question belongs to. Questions outside a section stand on their own.
 */
export function SurveyQuestions({ questions, values, onChange, errors = {}, readOnly = false }: SurveyQuestionsProps) {
  const fields = (list: readonly Question[]) =>
    list.map((q) => (
      <QuestionField
        key={q.id}
        question={q}
        value={values[q.id]}
        onChange={(v) => onChange?.(q.id, v)}
        error={errors[q.id]}
        readOnly={readOnly}
      />
    ));
  return (
    <>
      {sectionsOf(questions).map((section, i) =>
        section.title ? (
          <fieldset className="fieldset survey-section" key={`${i}-${section.title}`}>
            <legend className="survey-section__legend">
              <h2>{section.title}</h2>
            </legend>
            <div className="form">{fields(section.questions)}</div>
          </fieldset>
        ) : (
          <div className="form" key={`${i}-untitled`}>
            {fields(section.questions)}
          </div>
        ),
      )}
    </>
  );
}
