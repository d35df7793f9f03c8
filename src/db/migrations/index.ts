import type { Migration } from 'kysely';
import * as foundation from './2026-11-29T0600-foundation.ts';
import * as applicationsAndMatching from './2026-11-29T0700-applications-and-matching.ts';
import * as matchYear from './2026-11-29T0900-match-year.ts';
import * as matchManagement from './2026-12-05T0600-match-management.ts';
import * as events from './2026-12-05T0900-events.ts';
import * as surveys from './2026-12-06T0900-surveys.ts';
import * as reports from './2026-12-07T0900-reports.ts';
import * as participantChoice from './2026-12-08T0900-participant-choice.ts';
import * as backups from './2026-12-09T0900-backups.ts';
import * as erasure from './2026-12-09T0910-erasure.ts';
import * as listIndexes from './2026-12-10T0900-list-indexes.ts';
import * as applicationListIndexes from './2026-12-11T0900-application-list-indexes.ts';
import * as interestVocabulary from './2026-12-11T0910-interest-vocabulary.ts';
import * as listIndexesForPeriodLists from './2026-12-11T0920-list-indexes.ts';
import * as signInFailures from './2026-12-12T0900-sign-in-failures.ts';
import * as idempotencyKeys from './2026-12-12T0910-idempotency-keys.ts';
import * as hotPathIndexes from './2026-12-13T0900-hot-path-indexes.ts';
import * as applicationImports from './2026-12-13T1000-application-imports.ts';
import * as resourcesOrderIndex from './2026-12-14T0900-resources-order-index.ts';
import * as applicationsUserIndex from './2026-12-15T0900-applications-user-index.ts';
import * as eventRsvpCountsIndex from './2026-12-15T0910-event-rsvp-counts-index.ts';
import * as eventWaitlistOrderIndex from './2026-12-16T0900-event-waitlist-order-index.ts';
import * as surveyProgressIndex from './2026-12-16T1000-survey-progress-index.ts';
import * as surveyReminderIndex from './2026-12-17T0900-survey-reminder-index.ts';

/**
 * Every migration, in order. Listed explicitly rather than read from the folder so the
 * set is the same under tsx, a bundler or a test runner. Names never change once shipped.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-29T0600-foundation': foundation,
  '2026-11-29T0700-applications-and-matching': applicationsAndMatching,
  '2026-11-29T0900-match-year': matchYear,
  '2026-12-05T0600-match-management': matchManagement,
  '2026-12-05T0900-events': events,
  '2026-12-06T0900-surveys': surveys,
  '2026-12-07T0900-reports': reports,
  '2026-12-08T0900-participant-choice': participantChoice,
  '2026-12-09T0900-backups': backups,
  '2026-12-09T0910-erasure': erasure,
  '2026-12-10T0900-list-indexes': listIndexes,
  '2026-12-11T0900-application-list-indexes': applicationListIndexes,
  '2026-12-11T0910-interest-vocabulary': interestVocabulary,
  '2026-12-11T0920-list-indexes': listIndexesForPeriodLists,
  '2026-12-12T0900-sign-in-failures': signInFailures,
  '2026-12-12T0910-idempotency-keys': idempotencyKeys,
  '2026-12-13T0900-hot-path-indexes': hotPathIndexes,
  '2026-12-13T1000-application-imports': applicationImports,
  '2026-12-14T0900-resources-order-index': resourcesOrderIndex,
  '2026-12-15T0900-applications-user-index': applicationsUserIndex,
  '2026-12-15T0910-event-rsvp-counts-index': eventRsvpCountsIndex,
  '2026-12-16T0900-event-waitlist-order-index': eventWaitlistOrderIndex,
  '2026-12-16T1000-survey-progress-index': surveyProgressIndex,
  '2026-12-17T0900-survey-reminder-index': surveyReminderIndex,
};
