import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { RequireRole } from '../../app/require-role.tsx';
import { NamedAnswersPage } from './components/named-answers-page.tsx';
import { PreviewPage } from './components/preview-page.tsx';
import { ResultsPage } from './components/results-page.tsx';
import { SurveyPage } from './components/survey-page.tsx';
import { SurveyResultsListPage } from './components/survey-results-list-page.tsx';
import { SurveysPage } from './components/surveys-page.tsx';

/**
 * Surveys: the list and each survey's page for everyone signed in (staff build and run surveys
 * there, the people asked answer them there), results for staff and the advisory task force, and
 * the previews and named answers for staff.
 */
export const surveysRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'surveys', element: <SurveysPage /> },
    { path: 'surveys/:id', element: <SurveyPage /> },
    {
      element: <RequireRole roles={['staff', 'taskforce']} />,
      children: [
        { path: 'survey-results', element: <SurveyResultsListPage /> },
        { path: 'surveys/:id/results', element: <ResultsPage /> },
      ],
    },
  ],
  staff: [
    { path: 'surveys/:id/preview/:role', element: <PreviewPage /> },
    { path: 'surveys/:id/answers', element: <NamedAnswersPage /> },
  ],
};
