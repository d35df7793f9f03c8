import { createBrowserRouter } from 'react-router';
import { activitiesRoutes } from '../features/activities/routes.tsx';
import { goalSheetsRoutes } from '../features/goal-sheets/routes.tsx';
import { programHealthRoutes } from '../features/program-health/routes.tsx';
import { rematchRoutes } from '../features/rematch/routes.tsx';
import { checkInsRoutes } from '../features/check-ins/routes.tsx';
import { liaisonsRoutes } from '../features/liaisons/routes.tsx';
import { remindersRoutes } from '../features/reminders/routes.tsx';
import { resourcesRoutes } from '../features/resources/routes.tsx';
import { eventsRoutes } from '../features/events/routes.tsx';
import { surveysRoutes } from '../features/surveys/routes.tsx';
import { recognitionLettersRoutes } from '../features/recognition-letters/routes.tsx';
import { reportsRoutes } from '../features/reports/routes.tsx';
import { workspaceRoutes } from '../features/workspace/routes.tsx';
import { mentorChoiceRoutes } from '../features/mentor-choice/routes.tsx';
import { matchesRoutes } from '../features/matches/routes.tsx';
import type { FeatureRoutes } from './feature-routes.ts';
import { applyLoader, publicLoader, setupLoader, signedInLoader } from './loaders.ts';
import { LoadingPage } from './pages/loading-page.tsx';
import { RouteErrorPage } from './pages/route-error-page.tsx';
import { RequireRole } from './require-role.tsx';
import { RootFrame } from './root-frame.tsx';

// Every layout and page loads with its route (`lazy`), so the first page only loads its own code:
// the sign-in page none of the signed-in app's, a participant none of the staff's (issue #16; the
// build fails past the budget in vite.config.ts). The router loads a route's code and runs its
// loaders at the same time, and keeps the current page (with RootFrame's progress bar) meanwhile.

const FEATURES: FeatureRoutes[] = [
  goalSheetsRoutes,
  activitiesRoutes,
  resourcesRoutes,
  remindersRoutes,
  programHealthRoutes,
  rematchRoutes,
  liaisonsRoutes,
  checkInsRoutes,
  eventsRoutes,
  surveysRoutes,
  recognitionLettersRoutes,
  reportsRoutes,
  workspaceRoutes,
  mentorChoiceRoutes,
  matchesRoutes,
];
const featureRoutes = (key: keyof FeatureRoutes) => FEATURES.flatMap((f) => f[key] ?? []);

export const router = createBrowserRouter([
  {
    element: <RootFrame />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <LoadingPage />,
    children: [
      {
        lazy: async () => ({ Component: (await import('./layouts/public-layout.tsx')).PublicLayout }),
        children: [
          {
            path: 'setup',
            loader: setupLoader,
            lazy: async () => ({ Component: (await import('../features/setup/components/setup-page.tsx')).SetupPage }),
          },
          {
            path: 'sign-in',
            loader: publicLoader,
            lazy: async () => ({ Component: (await import('../features/auth/components/sign-in-page.tsx')).SignInPage }),
          },
          {
            path: 'forgot-password',
            loader: publicLoader,
            lazy: async () => ({ Component: (await import('../features/auth/components/forgot-password-page.tsx')).ForgotPasswordPage }),
          },
          {
            path: 'reset-password/:token',
            loader: publicLoader,
            lazy: async () => ({ Component: (await import('../features/auth/components/reset-password-page.tsx')).ResetPasswordPage }),
          },
          {
            path: 'invite/:token',
            loader: publicLoader,
            lazy: async () => ({ Component: (await import('../features/auth/components/invitation-page.tsx')).InvitationPage }),
          },
        ],
      },
      {
        // Public, but someone signed in keeps their own header and menu.
        loader: applyLoader,
        lazy: async () => ({ Component: (await import('./layouts/apply-layout.tsx')).ApplyLayout }),
        children: [
          { path: 'apply', lazy: async () => ({ Component: (await import('./pages/apply-route.tsx')).ApplyRoute }) },
          {
            path: 'apply/thanks',
            lazy: async () => ({ Component: (await import('../features/apply/components/apply-thanks-page.tsx')).ApplyThanksPage }),
          },
          ...featureRoutes('open'),
        ],
      },
      {
        loader: signedInLoader,
        lazy: async () => ({ Component: (await import('./layouts/signed-in-layout.tsx')).SignedInLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/home-page.tsx')).HomePage }) },
          { path: 'account', lazy: async () => ({ Component: (await import('./pages/account-route.tsx')).AccountRoute }) },
          {
            path: 'applications/:id',
            lazy: async () => ({ Component: (await import('../features/apply/components/edit-application-page.tsx')).EditApplicationPage }),
          },
          { path: 'matches/:id', lazy: async () => ({ Component: (await import('./pages/match-page.tsx')).MatchPage }) },
          ...featureRoutes('signedIn'),
          {
            element: <RequireRole roles={['staff', 'committee']} />,
            children: [
              {
                path: 'review',
                lazy: async () => ({ Component: (await import('../features/applications/components/review-page.tsx')).ReviewPage }),
              },
              {
                path: 'periods/:id/applications',
                lazy: async () => ({ Component: (await import('./pages/review-routes.tsx')).ApplicationsRoute }),
              },
              {
                path: 'periods/:id/applications/import',
                lazy: async () => ({ Component: (await import('./pages/review-routes.tsx')).ImportRoute }),
              },
              {
                path: 'periods/:id/applications/:applicationId',
                lazy: async () => ({ Component: (await import('./pages/review-routes.tsx')).ApplicationReviewRoute }),
              },
              {
                path: 'periods/:id/matching',
                lazy: async () => ({ Component: (await import('./pages/review-routes.tsx')).MatchingRoute }),
              },
              ...featureRoutes('reviewers'),
            ],
          },
          {
            element: <RequireRole roles={['staff']} />,
            children: [
              { path: 'people', lazy: async () => ({ Component: (await import('./pages/people-route.tsx')).PeopleRoute }) },
              {
                path: 'settings',
                lazy: async () => ({ Component: (await import('../features/settings/components/settings-page.tsx')).SettingsPage }),
              },
              {
                path: 'periods',
                lazy: async () => ({ Component: (await import('../features/periods/components/periods-page.tsx')).PeriodsPage }),
              },
              {
                path: 'periods/:id',
                lazy: async () => ({ Component: (await import('../features/periods/components/period-page.tsx')).PeriodPage }),
              },
              {
                path: 'outbox',
                lazy: async () => ({ Component: (await import('../features/outbox/components/outbox-page.tsx')).OutboxPage }),
              },
              {
                path: 'outbox/:id',
                lazy: async () => ({
                  Component: (await import('../features/outbox/components/outbox-message-page.tsx')).OutboxMessagePage,
                }),
              },
              { path: 'audit', lazy: async () => ({ Component: (await import('../features/audit/components/audit-page.tsx')).AuditPage }) },
              ...featureRoutes('staff'),
            ],
          },
          { path: '*', lazy: async () => ({ Component: (await import('./pages/not-found-page.tsx')).NotFoundPage }) },
        ],
      },
    ],
  },
]);
