import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { RequireRole } from '../../app/require-role.tsx';

/**
 * Surveys: the list and each survey's page for everyone signed in (staff build and run surveys
 * there, the people asked answer them there), results for staff and the advisory task force, and
 * the previews and named answers for staff.
 */
export const surveysRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'surveys', lazy: async () => ({ Component: (await import('./components/surveys-page.tsx')).SurveysPage }) },
    { path: 'surveys/:id', lazy: async () => ({ Component: (await import('./components/survey-page.tsx')).SurveyPage }) },
    {
      element: <RequireRole roles={['staff', 'taskforce']} />,
      children: [
        {
          path: 'survey-results',
          lazy: async () => ({ Component: (await import('./components/survey-results-list-page.tsx')).SurveyResultsListPage }),
        },
        { path: 'surveys/:id/results', lazy: async () => ({ Component: (await import('./components/results-page.tsx')).ResultsPage }) },
      ],
    },
  ],
  staff: [
    { path: 'surveys/:id/preview/:role', lazy: async () => ({ Component: (await import('./components/preview-page.tsx')).PreviewPage }) },
    {
      path: 'surveys/:id/answers',
      lazy: async () => ({ Component: (await import('./components/named-answers-page.tsx')).NamedAnswersPage }),
    },
  ],
};
