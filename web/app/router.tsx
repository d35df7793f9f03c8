import { createBrowserRouter } from 'react-router';
import { ApplyThanksPage } from '../features/apply/components/apply-thanks-page.tsx';
import { EditApplicationPage } from '../features/apply/components/edit-application-page.tsx';
import { ReviewPage } from '../features/applications/components/review-page.tsx';
import { AuditPage } from '../features/audit/components/audit-page.tsx';
import { AccountPage } from '../features/auth/components/account-page.tsx';
import { ForgotPasswordPage } from '../features/auth/components/forgot-password-page.tsx';
import { InvitationPage } from '../features/auth/components/invitation-page.tsx';
import { ResetPasswordPage } from '../features/auth/components/reset-password-page.tsx';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { OutboxMessagePage } from '../features/outbox/components/outbox-message-page.tsx';
import { OutboxPage } from '../features/outbox/components/outbox-page.tsx';
import { PeoplePage } from '../features/people/components/people-page.tsx';
import { PeriodPage } from '../features/periods/components/period-page.tsx';
import { PeriodsPage } from '../features/periods/components/periods-page.tsx';
import { SettingsPage } from '../features/settings/components/settings-page.tsx';
import { SetupPage } from '../features/setup/components/setup-page.tsx';
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
import { CalendarFeedSection } from '../features/events/components/calendar-feed-section.tsx';
import { ErasePerson } from '../features/personal-data/components/erase-person.tsx';
import { MyDataSection } from '../features/personal-data/components/my-data-section.tsx';
import type { FeatureRoutes } from './feature-routes.ts';
import { ApplyLayout } from './layouts/apply-layout.tsx';
import { PublicLayout } from './layouts/public-layout.tsx';
import { SignedInLayout } from './layouts/signed-in-layout.tsx';
import { applyLoader, publicLoader, setupLoader, signedInLoader } from './loaders.ts';
import { HomePage } from './pages/home-page.tsx';
import { LoadingPage } from './pages/loading-page.tsx';
import { MatchPage } from './pages/match-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ApplicationReviewRoute, ApplicationsRoute, ApplyRoute, ImportRoute, MatchingRoute } from './pages/review-routes.tsx';
import { RouteErrorPage } from './pages/route-error-page.tsx';
import { RequireRole } from './require-role.tsx';
import { RootFrame } from './root-frame.tsx';

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
        element: <PublicLayout />,
        children: [
          { path: 'setup', loader: setupLoader, element: <SetupPage /> },
          { path: 'sign-in', loader: publicLoader, element: <SignInPage /> },
          { path: 'forgot-password', loader: publicLoader, element: <ForgotPasswordPage /> },
          { path: 'reset-password/:token', loader: publicLoader, element: <ResetPasswordPage /> },
          { path: 'invite/:token', loader: publicLoader, element: <InvitationPage /> },
        ],
      },
      {
        // Public, but someone signed in keeps their own header and menu.
        loader: applyLoader,
        element: <ApplyLayout />,
        children: [
          { path: 'apply', element: <ApplyRoute /> },
          { path: 'apply/thanks', element: <ApplyThanksPage /> },
          ...featureRoutes('open'),
        ],
      },
      {
        loader: signedInLoader,
        element: <SignedInLayout />,
        children: [
          { index: true, element: <HomePage /> },
          // The account page lists each feature's personal settings; features don't import each other.
          {
            path: 'account',
            element: (
              <AccountPage>
                <CalendarFeedSection />
                <MyDataSection />
              </AccountPage>
            ),
          },
          { path: 'applications/:id', element: <EditApplicationPage /> },
          { path: 'matches/:id', element: <MatchPage /> },
          ...featureRoutes('signedIn'),
          {
            element: <RequireRole roles={['staff', 'committee']} />,
            children: [
              { path: 'review', element: <ReviewPage /> },
              { path: 'periods/:id/applications', element: <ApplicationsRoute /> },
              { path: 'periods/:id/applications/import', element: <ImportRoute /> },
              { path: 'periods/:id/applications/:applicationId', element: <ApplicationReviewRoute /> },
              { path: 'periods/:id/matching', element: <MatchingRoute /> },
              ...featureRoutes('reviewers'),
            ],
          },
          {
            element: <RequireRole roles={['staff']} />,
            children: [
              {
                path: 'people',
                // Erasing is its own feature's; the people list only leaves room for it.
                element: <PeoplePage personActions={(p) => <ErasePerson userId={p.id} name={p.name} erased={p.erased} />} />,
              },
              { path: 'settings', element: <SettingsPage /> },
              { path: 'periods', element: <PeriodsPage /> },
              { path: 'periods/:id', element: <PeriodPage /> },
              { path: 'outbox', element: <OutboxPage /> },
              { path: 'outbox/:id', element: <OutboxMessagePage /> },
              { path: 'audit', element: <AuditPage /> },
              ...featureRoutes('staff'),
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
