import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { surveySettingsSchema } from '../../../../src/shared/api/surveys.ts';
import type { Survey } from '../../../../src/shared/api/surveys.ts';
import { SURVEY_KIND_LABELS, SURVEY_STATE_LABELS } from '../../../../src/shared/surveys.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { formatDate, formatInstant } from '../../../lib/format-date.ts';
import { focusFirstInvalid } from '../../../lib/validate.ts';
import { useUpdateSurvey } from '../api/update-survey.ts';
import { builderProblems, changedFields, errorsByPath, fromSurvey, isDirty, toSettings } from './editor-values.ts';
import type { EditorValues } from './editor-values.ts';
import { ExtendForm } from './extend-form.tsx';
import { ProgressPanel } from './progress-panel.tsx';
import { QuestionBuilder } from './question-builder.tsx';
import { SurveyActions } from './survey-actions.tsx';
import { SurveySettingsFields } from './survey-settings-fields.tsx';
import { audienceWords, STATE_TONES } from './survey-words.ts';

const back = (
  <p className="breadcrumb">
    <Link to="/surveys">← Surveys</Link>
  </p>
);

function StateNote({ survey }: { survey: Survey }) {
  const who = audienceWords(survey.audience, survey.periodName);
  switch (survey.state) {
    case 'draft':
      return (
        <Alert tone="info" announce={false} title="This is a draft.">
          <p>
            Only staff can see it. Check the questions (the previews show exactly what people will see), then publish it. It will open on{' '}
            {formatDate(survey.opensOn)} for {who}.
          </p>
        </Alert>
      );
    case 'scheduled':
      return (
        <Alert tone="info" announce={false} title={`Scheduled: it opens on ${formatDate(survey.opensOn)}.`}>
          <p>
            That morning we’ll e-mail {who} a link to answer. It closes at the end of {formatDate(survey.closesOn)}.
          </p>
        </Alert>
      );
    case 'open':
      return (
        <Alert tone="success" announce={false} title={`Open until ${formatDate(survey.closesOn)}.`}>
          <p>
            {survey.invited} people were asked: {who}.
          </p>
        </Alert>
      );
    case 'closed':
      return (
        <Alert tone="info" announce={false} title="This survey has closed.">
          <p>
            {survey.closedEarlyAt
              ? `Staff closed it early, ${formatInstant(survey.closedEarlyAt)}.`
              : `It closed at the end of ${formatDate(survey.closesOn)}.`}{' '}
            {survey.responded} of {survey.invited} people asked answered.
          </p>
        </Alert>
      );
  }
}

function WordingChanges({ survey }: { survey: Survey }) {
  if (survey.wordingChanges.length === 0) return null;
  return (
    <Card title="Wording changed after people answered">
      <p className="muted">Kept so the results can say what people saw when they answered.</p>
      <ul className="plain-list item-list">
        {survey.wordingChanges.map((c, i) => (
          <li key={i}>
            <p className="small muted">
              {formatInstant(c.changedAt)} by {c.changedBy}
            </p>
            <p>
              <strong>Before:</strong> {c.before}
            </p>
            <p>
              <strong>After:</strong> {c.after}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The settings and the questions in one form, saved together with "Save changes". */
function SurveyEditor({ survey, values, setValues }: { survey: Survey; values: EditorValues; setValues: (v: EditorValues) => void }) {
  const update = useUpdateSurvey();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');
  const dirty = isDirty(survey, values);
  const set = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => {
    setSaved('');
    setValues({ ...values, [key]: value });
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setSaved('');
    update.reset();
    const parsed = surveySettingsSchema.safeParse(toSettings(values));
    const problems = { ...(parsed.success ? {} : errorsByPath(parsed.error.issues)), ...builderProblems(values) };
    if (!parsed.success || Object.keys(problems).length > 0) {
      setErrors(problems);
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    const changes = changedFields(survey, parsed.data);
    if (Object.keys(changes).length === 0) {
      setSaved('Nothing has changed since the last save.');
      return;
    }
    update.mutate(
      { id: survey.id, changes },
      {
        onSuccess: (next) => {
          setValues(fromSurvey(next));
          setSaved(survey.questionsFrozen ? 'Changes saved. The new wording is noted beside the survey.' : 'Changes saved.');
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          const byPath: Record<string, string> = {};
          for (const d of error.details) byPath[d.path] ??= d.message;
          setErrors(byPath);
          focusFirstInvalid(form);
        },
      },
    );
  };

  return (
    <form className="form" noValidate onSubmit={submit} aria-label="Survey settings and questions">
      <Card title="Settings">
        <div className="form">
          <SurveySettingsFields survey={survey} values={values} set={set} errors={errors} />
        </div>
      </Card>
      <Card title={`Questions (${values.questions.length})`}>
        {survey.questionsFrozen ? (
          <Alert tone="info" announce={false} title="People have started answering, so the questions are settled.">
            <p>
              You can still fix the wording: the questions, help text, section headings and the words of choices and scales. Adding,
              removing or reordering questions, or changing what kind of answer they take, would mix up answers already given.
            </p>
          </Alert>
        ) : (
          <p className="muted">
            Start from the standard questions and make them yours. People answer in this order; questions asked of one role only are shown
            just to them.
          </p>
        )}
        <QuestionBuilder
          questions={values.questions}
          onChange={(questions) => set('questions', questions)}
          frozen={survey.questionsFrozen}
          errors={errors}
        />
      </Card>
      <div className="survey-save-bar">
        {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
        {saved ? <Alert tone="success">{saved}</Alert> : null}
        <div className="form-actions">
          <Button type="submit" busy={update.isPending}>
            Save changes
          </Button>
          {dirty ? (
            <>
              <Button
                variant="secondary"
                onClick={() => {
                  setErrors({});
                  setValues(fromSurvey(survey));
                }}
              >
                Undo changes
              </Button>
              <span className="muted small">You have changes that aren’t saved yet.</span>
            </>
          ) : null}
        </div>
      </div>
    </form>
  );
}

/** Staff's page for one survey: where it stands, its actions, how many have answered, and the editor. */
export function StaffSurveyPage({ survey }: { survey: Survey }) {
  const [values, setValues] = useState<EditorValues>(() => fromSurvey(survey));
  const dirty = isDirty(survey, values);
  return (
    <Page
      title={survey.title}
      documentTitle={`Survey: ${survey.title}`}
      before={back}
      intro={
        <>
          <p className="badges">
            <Badge tone="info">{SURVEY_KIND_LABELS[survey.kind]}</Badge>
            <Badge tone={STATE_TONES[survey.state]}>{SURVEY_STATE_LABELS[survey.state]}</Badge>
            {survey.named ? <Badge tone="warning">Named</Badge> : <Badge>Anonymous</Badge>}
          </p>
          <p>
            {survey.periodName} · {formatDate(survey.opensOn)} to {formatDate(survey.closesOn)}
          </p>
        </>
      }
      actions={<SurveyActions survey={survey} dirty={dirty} />}
    >
      <StateNote survey={survey} />
      {survey.state === 'draft' && dirty ? (
        <p className="muted">Save your changes before you preview or publish: both use the saved survey.</p>
      ) : null}
      {survey.state === 'open' || survey.state === 'closed' ? <ProgressPanel survey={survey} /> : null}
      {survey.state === 'open' ? <ExtendForm survey={survey} /> : null}
      <SurveyEditor survey={survey} values={values} setValues={setValues} />
      <WordingChanges survey={survey} />
    </Page>
  );
}
