import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useSurveys } from '../api/get-surveys.ts';
import { MySurveyStatus, mySurveys } from './my-survey-status.tsx';

/** The surveys a mentor or mentee is asked to answer, open ones first. */
export function MySurveysPage() {
  const surveys = useSurveys();
  const list = mySurveys(surveys.data ?? []);
  return (
    <Page
      title="Surveys"
      intro={
        <p>
          Now and then the program office asks how your mentoring is going. Your answers help make the program better for everyone. You can
          stop part-way and come back: your answers are saved as you go.
        </p>
      }
    >
      {surveys.isPending ? <Loading label="Loading your surveys…" /> : null}
      {surveys.isError ? <LoadError error={surveys.error} what="your surveys" onRetry={() => void surveys.refetch()} /> : null}
      {surveys.data ? (
        <Card title="Open now">
          {list.length === 0 ? (
            <p className="muted">There’s no survey for you right now. When there is, we’ll e-mail you a link and it will show here.</p>
          ) : (
            <ul className="plain-list item-list">
              {list.map((s) => (
                <li key={s.id}>
                  <h3>{s.title}</h3>
                  {s.intro ? <p className="survey-intro">{s.intro}</p> : null}
                  <MySurveyStatus survey={s} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </Page>
  );
}
