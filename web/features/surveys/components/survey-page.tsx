import { Link, useParams } from 'react-router';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useIsStaff } from '../../../lib/reads/me.ts';
import { useSurvey } from '../api/get-survey.ts';
import { AnswerPage } from './answer-page.tsx';
import { StaffSurveyPage } from './staff-survey-page.tsx';

const back = (
  <p className="breadcrumb">
    <Link to="/surveys">← Surveys</Link>
  </p>
);

function StaffSurvey() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const survey = useSurvey(valid ? id : 0);
  if (!valid || (survey.isError && isApiError(survey.error) && survey.error.status === 404)) {
    return (
      <Page title="Survey not found" before={back}>
        <p>We couldn’t find this survey. It may have been a draft that was deleted.</p>
      </Page>
    );
  }
  if (survey.isError) {
    return (
      <Page title="Survey" before={back}>
        <LoadError error={survey.error} what="the survey" onRetry={() => void survey.refetch()} />
      </Page>
    );
  }
  if (!survey.data) {
    return (
      <Page title="Survey" before={back}>
        <Loading label="Loading the survey…" />
      </Page>
    );
  }
  // A fresh editor for each survey; within one, the editor keeps what is being typed.
  return <StaffSurveyPage key={survey.data.id} survey={survey.data} />;
}

/** /surveys/:id: staff build and run the survey here; the people asked answer it here (the link in their e-mail). */
export function SurveyPage() {
  return useIsStaff() ? <StaffSurvey /> : <AnswerPage />;
}
