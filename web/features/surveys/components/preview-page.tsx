import { Link, useParams } from 'react-router';
import type { RespondentRole } from '../../../../src/shared/surveys.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useSettings } from '../../../lib/reads/settings.ts';
import { useSurvey } from '../api/get-survey.ts';
import { SurveyFormIntro } from './survey-form-intro.tsx';
import { SurveyQuestions } from './survey-questions.tsx';
import { audienceIncludes, plural, ROLE_WORDS } from './survey-words.ts';

const asRole = (value: string | undefined): RespondentRole | null => (value === 'mentor' || value === 'mentee' ? value : null);

/**
 * Staff see the form exactly as a mentor or a mentee will: the same introduction and questions
 * (only those asked of that role), with nothing that can be changed or sent.
 */
export function PreviewPage() {
  const params = useParams();
  const id = Number(params.id);
  const role = asRole(params.role);
  const survey = useSurvey(Number.isInteger(id) && id > 0 ? id : 0);
  const settings = useSettings();
  const back = (
    <p className="breadcrumb">
      <Link to={`/surveys/${id}`}>← Back to the survey</Link>
    </p>
  );
  if (role === null) {
    return (
      <Page title="Preview" before={back}>
        <p>Choose to preview the survey as a mentor or as a mentee.</p>
      </Page>
    );
  }
  const words = ROLE_WORDS[role];
  if (survey.isError) {
    return (
      <Page title={`Preview as a ${words.one}`} before={back}>
        <LoadError error={survey.error} what="the survey" onRetry={() => void survey.refetch()} />
      </Page>
    );
  }
  if (!survey.data) {
    return (
      <Page title={`Preview as a ${words.one}`} before={back}>
        <Loading label="Loading the survey…" />
      </Page>
    );
  }
  const s = survey.data;
  const other: RespondentRole = role === 'mentor' ? 'mentee' : 'mentor';
  const questions = s.questions.filter((q) => q.audience === 'both' || q.audience === role);
  return (
    <Page
      title={s.title}
      documentTitle={`Preview as a ${words.one}: ${s.title}`}
      before={back}
      intro={
        <>
          <Alert tone="info" announce={false} title={`Preview: what ${words.many} see.`}>
            <p>
              This is the form exactly as a {words.one} sees it, with {plural(questions.length, 'question', 'questions')}. Nothing here can
              be changed or sent. It shows the survey as last saved.{' '}
              {audienceIncludes(s.audience, other) ? (
                <Link to={`/surveys/${s.id}/preview/${other}`}>Preview as a {ROLE_WORDS[other].one}</Link>
              ) : null}
            </p>
          </Alert>
          <SurveyFormIntro intro={s.intro} closesOn={s.closesOn} named={s.named} minGroupSize={settings.data?.surveyMinGroupSize} />
        </>
      }
    >
      {audienceIncludes(s.audience, role) ? (
        <Card>
          <div className="form survey-form" role="group" aria-label={`The questions ${words.many} see`}>
            <SurveyQuestions questions={questions} values={{}} readOnly />
            <div className="form-actions">
              <Button disabled>Send my answers</Button>
              <Button variant="secondary" disabled>
                Save and finish later
              </Button>
            </div>
          </div>
        </Card>
      ) : (
        <p>This survey isn’t sent to {words.many}, so they won’t see it.</p>
      )}
    </Page>
  );
}
