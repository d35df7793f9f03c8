import { Link } from 'react-router';
import { formatDate } from '../../../lib/format-date.ts';
import { useSurveyForm } from '../api/get-survey-form.ts';
import type { SurveyListItem } from '../api/get-surveys.ts';

/**
 * "Thank you, sent on …". The list doesn't carry the day someone sent their answers, so it is read
 * from their form (one small request, for the few surveys open at a time).
 */
function SentOn({ surveyId }: { surveyId: number }) {
  const form = useSurveyForm(surveyId);
  const on = form.data?.submittedOn;
  return <>{on ? `Thank you, sent on ${formatDate(on)}.` : 'Thank you, your answers are in.'}</>;
}

/** Where the person stands with one survey, and the link to answer or carry on. */
export function MySurveyStatus({ survey }: { survey: SurveyListItem }) {
  if (survey.myStatus === 'submitted') {
    return (
      <p className="small">
        <SentOn surveyId={survey.id} />
      </p>
    );
  }
  const started = survey.myStatus === 'draft';
  return (
    <p className="small">
      Open until {formatDate(survey.closesOn)}. {started ? 'You’ve started: your answers are saved. ' : ''}
      <Link to={`/surveys/${survey.id}`}>
        {started ? 'Carry on answering' : 'Answer the survey'}
        <span className="visually-hidden"> {survey.title}</span>
      </Link>
    </p>
  );
}

/** The surveys to show someone asked to answer: open ones first by closing date, then the ones they've sent. */
export function mySurveys(surveys: readonly SurveyListItem[]): SurveyListItem[] {
  const mine = surveys.filter((s) => s.myStatus !== null && s.state === 'open');
  const todo = mine.filter((s) => s.myStatus !== 'submitted').sort((a, b) => a.closesOn.localeCompare(b.closesOn));
  const done = mine.filter((s) => s.myStatus === 'submitted');
  return [...todo, ...done];
}
