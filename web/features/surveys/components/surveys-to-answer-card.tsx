import { Link } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';
import { useSurveys } from '../api/get-surveys.ts';
import { MySurveyStatus, mySurveys } from './my-survey-status.tsx';

/**
 * The surveys a mentor or mentee is asked to answer, for the home and match pages: each with its
 * closing date and a link, or a thank-you once sent. Nothing at all while there are none.
 */
export function SurveysToAnswerCard() {
  const surveys = useSurveys();
  const list = mySurveys(surveys.data ?? []);
  if (list.length === 0) return null;
  const todo = list.filter((s) => s.myStatus !== 'submitted').length;
  return (
    <Card title={todo > 0 ? 'Surveys to answer' : 'Your surveys'}>
      {todo > 0 ? <p>The program office would love to hear how it’s going. It takes a few minutes.</p> : null}
      <ul className="plain-list link-list">
        {list.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong>
            <MySurveyStatus survey={s} />
          </li>
        ))}
      </ul>
      <p className="small">
        <Link to="/surveys">All your surveys</Link>
      </p>
    </Card>
  );
}
