import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import { APPLICATION_ROLES, APPLICATION_STATUSES } from '../../shared/application-vocabulary.ts';
import type { ApplicationRole, ApplicationStatus } from '../../shared/application-vocabulary.ts';
import { REMATCH_REQUEST_STATUSES } from '../../shared/match-management.ts';
import type { RematchRequestStatus } from '../../shared/match-management.ts';

/**
 * The raw facts behind a period's figures, read in one transaction (the service opens it) so the
 * figures agree with one another. Only ids, statuses and dates: no names, no e-mails.
 */

export interface ApplicationFact {
  id: number;
  userId: number;
  role: ApplicationRole;
  status: ApplicationStatus;
}

export async function listApplicationFacts(db: Executor, periodId: number): Promise<ApplicationFact[]> {
  const rows = await db.selectFrom('applications').select(['id', 'user_id', 'role', 'status']).where('period_id', '=', periodId).execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    role: storedValue('applications', 'role', APPLICATION_ROLES, r.role),
    status: storedValue('applications', 'status', APPLICATION_STATUSES, r.status),
  }));
}

/** The approved matching runs' results (JSON text), newest last: they say why a mentee was not matched. */
export async function listApprovedRunResults(db: Executor, periodId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('matching_runs')
    .select('result')
    .where('period_id', '=', periodId)
    .where('status', '=', 'approved')
    .orderBy('id')
    .execute();
  return rows.flatMap((r) => (r.result === null ? [] : [r.result]));
}

export interface MatchFact {
  id: number;
  matchedAt: string;
  firstSubmittedAt: string | null;
  contacts: number;
}

/** Every match of the period, active and ended, with its goal sheet's first submission and its contact count. */
export async function listMatchFacts(db: Executor, periodId: number): Promise<MatchFact[]> {
  const rows = await db
    .selectFrom('matches')
    .leftJoin('goal_sheets', 'goal_sheets.match_id', 'matches.id')
    .select((eb) => [
      'matches.id as id',
      'matches.matched_at as matched_at',
      'goal_sheets.first_submitted_at as first_submitted_at',
      eb
        .selectFrom('contacts')
        .select((c) => c.fn.countAll<string | number>().as('n'))
        .whereRef('contacts.match_id', '=', 'matches.id')
        .as('contacts'),
    ])
    .where('matches.period_id', '=', periodId)
    .orderBy('matches.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    matchedAt: r.matched_at,
    firstSubmittedAt: r.first_submitted_at,
    contacts: Number(r.contacts ?? 0),
  }));
}

export async function listRematchFacts(db: Executor, periodId: number): Promise<{ requestedBy: number; status: RematchRequestStatus }[]> {
  const rows = await db
    .selectFrom('rematch_requests')
    .innerJoin('matches', 'matches.id', 'rematch_requests.match_id')
    .select(['rematch_requests.requested_by as requested_by', 'rematch_requests.status as status'])
    .where('matches.period_id', '=', periodId)
    .execute();
  return rows.map((r) => ({
    requestedBy: r.requested_by,
    status: storedValue('rematch_requests', 'status', REMATCH_REQUEST_STATUSES, r.status),
  }));
}

/** Invitations to the period's published events that have ended by `at` (attendance: 1, 0 or not marked). */
export async function listEventAttendanceFacts(
  db: Executor,
  periodId: number,
  at: string,
): Promise<{ userId: number; attended: number | null }[]> {
  const rows = await db
    .selectFrom('event_invitations')
    .innerJoin('events', 'events.id', 'event_invitations.event_id')
    .select(['event_invitations.user_id as user_id', 'event_invitations.attended as attended'])
    .where('events.period_id', '=', periodId)
    .where('events.status', '=', 'published')
    .where('events.ends_at', '<=', at)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, attended: r.attended }));
}

/** Invitations to the period's published surveys: who was asked and whether they answered (never what). */
export async function listSurveyInvitationFacts(db: Executor, periodId: number): Promise<{ userId: number; answered: boolean }[]> {
  const rows = await db
    .selectFrom('survey_invitations')
    .innerJoin('surveys', 'surveys.id', 'survey_invitations.survey_id')
    .select(['survey_invitations.user_id as user_id', 'survey_invitations.responded_on as responded_on'])
    .where('surveys.period_id', '=', periodId)
    .where('surveys.published_at', 'is not', null)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, answered: r.responded_on !== null }));
}
