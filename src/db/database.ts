import type { ColumnType, Generated } from 'kysely';
import type { JobStatus } from '../features/jobs/job.types.ts';
import type { Objective } from '../matching/index.ts';
import type { GoalSheetEvent, GoalSheetStatus } from '../shared/api/goal-sheets.ts';
import type { PairRuleKind, RunStatus } from '../shared/api/matching.ts';
import type { OutboxStatus } from '../shared/api/outbox.ts';
import type { Audience, ResourceKind } from '../shared/api/resources.ts';
import type { GoalSheetSubmitter } from '../shared/api/settings.ts';
import type { ApplicationRole, ApplicationStatus, CareerStage, WorkplaceTypeName } from '../shared/application-vocabulary.ts';
import type { Channel } from '../shared/channels.ts';
import type { CarryForwardAs, CheckInAnswer, MatchEventKind, MatchSide, RematchRequestStatus } from '../shared/match-management.ts';
import type { AttendanceSource, EventAudience, EventKind, EventMediaKind, EventStatus, RsvpState } from '../shared/events.ts';
import type { MatchStatus } from '../shared/match-status.ts';
import type { MatchingMode, MentorRequestStatus } from '../shared/matching-modes.ts';
import type { PeriodStatus } from '../shared/period-status.ts';
import type { Role } from '../shared/roles.ts';
import type { RespondentRole, SurveyAudience, SurveyKind } from '../shared/surveys.ts';

/**
 * Table types as both dialects store them. Instants are ISO-8601 UTC text
 * (`2026-11-29T06:23:40.000Z`), calendar dates are `YYYY-MM-DD` text, booleans are 0/1
 * integers and structured values are JSON text: see docs/decisions/0001-portable-schema.md.
 *
 * Columns that hold one of a fixed set of words (statuses, roles, kinds) have their union type,
 * so inserts and updates are checked. SQL does not enforce it: a store that maps such a column to
 * a domain value checks it with storedValue (./stored-value.ts), which throws on a stranger.
 */
type Instant = string;
type Id = Generated<number>;

export interface UsersTable {
  id: Id;
  email: string;
  name: string;
  password_hash: string | null;
  disabled_at: Instant | null;
  /** Staff erased this person: name and e-mail are placeholders, the account stays disabled. */
  erased_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  created_at: Instant;
  updated_at: Instant;
}

export interface UserRolesTable {
  user_id: number;
  role: Role;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  token_hash: string;
  user_id: number;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
}

/** One failed sign-in under one key (decision 0021): the hash of the account typed or of the caller's address. */
export interface SignInFailuresTable {
  id: Id;
  key: string;
  failed_at: Instant;
}

/** A change sent with an Idempotency-Key (decision 0022): what was asked and, once answered, the answer. */
export interface IdempotencyKeysTable {
  id: Id;
  user_id: number;
  key: string;
  request_hash: string;
  status: 'pending' | 'done';
  response_status: number | null;
  response_type: string | null;
  response_body: string | null;
  created_at: Instant;
}

export interface InvitationsTable {
  id: Id;
  token_hash: string;
  email: string;
  name: string;
  /** JSON Role[] */
  roles: string;
  invited_by: number | null;
  created_at: Instant;
  expires_at: Instant;
  accepted_at: Instant | null;
  revoked_at: Instant | null;
}

export interface PasswordResetsTable {
  id: Id;
  token_hash: string;
  user_id: number;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

export interface ProgramSettingsTable {
  id: number;
  program_name: string;
  time_zone: string;
  goal_sheet_deadline_days: number;
  goals_per_sheet_min: number;
  goals_per_sheet_max: number;
  guarantee_window_days: number;
  contacts_per_month: number;
  /** JSON Channel[] */
  channels: string;
  eligibility_questions: string;
  goal_sheet_contact: string | null;
  training_contact: string | null;
  /** Who may submit the pair's goal sheet */
  goal_sheet_submitter: GoalSheetSubmitter;
  /** A match with no logged contact for this many weeks counts as quiet. */
  quiet_after_weeks: number;
  /** 0/1: the committee may act on the re-match queue (otherwise it reads it). */
  committee_handles_rematch: number;
  /** Results hide any group of respondents smaller than this. */
  survey_min_group_size: number;
  requests_at_once: number;
  request_expiry_days: number;
  /** JSON {name, title}: who signs the recognition letters. */
  letter_signer: string | null;
  /** JSON string[]: suggested interests and areas of expertise; null (before any were saved) reads as []. */
  interest_vocabulary: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface ProgramGoalsTable {
  id: Id;
  position: number;
  title: string;
  description: string;
  retired_at: Instant | null;
  created_at: Instant;
}

export interface PeriodsTable {
  id: Id;
  name: string;
  status: PeriodStatus;
  applications_open_on: string;
  applications_close_on: string;
  matches_announced_on: string;
  program_ends_on: string;
  survey_opens_on: string;
  survey_closes_on: string;
  matching_mode: ColumnType<MatchingMode, MatchingMode | undefined, MatchingMode>;
  created_at: Instant;
  updated_at: Instant;
}

export interface OutboxTable {
  id: Id;
  to_address: string;
  to_name: string;
  subject: string;
  text_body: string;
  kind: string;
  /** An attached calendar file (RFC 5545) and its METHOD, for event mail. */
  calendar_ics: string | null;
  calendar_method: string | null;
  status: OutboxStatus;
  error: string | null;
  created_at: Instant;
  sent_at: Instant | null;
}

export interface AuditLogTable {
  id: Id;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: ColumnType<string, string, never>;
  created_at: Instant;
}

export interface ApplicationsTable {
  id: Id;
  period_id: number;
  user_id: number;
  role: ApplicationRole;
  status: ApplicationStatus;
  phone: string;
  job_title: string;
  employer: string;
  workplace_type: WorkplaceTypeName;
  years_experience: number;
  career_stage: CareerStage;
  region: string;
  country: string;
  time_zone: string;
  /** JSON string[] */
  interests: string;
  /** JSON number[] (program_goals.id) */
  program_goal_ids: string;
  /** JSON Channel[] */
  channels: string;
  meet_in_person: number;
  /** JSON string[] */
  languages: string;
  hopes: string;
  /** JSON Record<questionKey, 'yes' | 'no'> */
  eligibility_answers: string;
  /** JSON ConfidentialPreferences: staff, committee and the matcher only */
  confidential: string;
  capacity: number;
  decision_reason: string | null;
  carry_forward: ColumnType<number, number | undefined, number>;
  carried_from_id: number | null;
  carry_forward_as: ColumnType<CarryForwardAs, CarryForwardAs | undefined, CarryForwardAs>;
  created_at: Instant;
  updated_at: Instant;
}

export interface MatchingRunsTable {
  id: Id;
  period_id: number;
  status: RunStatus;
  progress: ColumnType<number, number | undefined, number>;
  /** JSON Weights */
  weights: string;
  objective: Objective;
  min_score: number | null;
  /** SHA-256 over the pool and pair rules the run used; approval compares it with today's. */
  pool_fingerprint: string;
  /** JSON RunResult */
  result: string | null;
  error: string | null;
  created_by: number | null;
  created_at: Instant;
  heartbeat_at: Instant | null;
  finished_at: Instant | null;
  approved_by: number | null;
  approved_at: Instant | null;
}

export interface PairRulesTable {
  id: Id;
  period_id: number;
  mentee_application_id: number;
  mentor_application_id: number;
  kind: PairRuleKind;
  created_by: number | null;
  created_at: Instant;
}

export interface MatchesTable {
  id: Id;
  period_id: number;
  mentor_user_id: number;
  mentee_user_id: number;
  mentor_application_id: number;
  mentee_application_id: number;
  matching_run_id: number | null;
  score: number;
  explanation: string;
  status: MatchStatus;
  matched_at: Instant;
  ended_at: Instant | null;
  end_reason: string | null;
  ended_by: number | null;
  /** The committee member who looks after this pair. */
  liaison_user_id: number | null;
}

export interface RematchRequestsTable {
  id: Id;
  match_id: number;
  requested_by: number;
  side: MatchSide;
  /** Staff and the committee only: never the partner. */
  reason: string;
  wishes: string;
  status: RematchRequestStatus;
  resolution_note: string | null;
  resolved_by: number | null;
  resolved_at: Instant | null;
  created_at: Instant;
}

export interface MatchEventsTable {
  id: Id;
  match_id: number;
  kind: MatchEventKind;
  actor_id: number | null;
  /** JSON, per kind */
  details: string;
  created_at: Instant;
}

export interface CheckInsTable {
  id: Id;
  match_id: number;
  user_id: number;
  token_hash: string;
  sent_by: number | null;
  sent_at: Instant;
  expires_at: Instant;
  answer: CheckInAnswer | null;
  answered_at: Instant | null;
  handled_by: number | null;
  handled_at: Instant | null;
}

export interface GoalSheetsTable {
  id: Id;
  match_id: number;
  status: GoalSheetStatus;
  /** Bumped on every change; a save names the revision it started from (optimistic concurrency). */
  revision: number;
  /** JSON GoalSheetContent */
  content: string;
  updated_by: number | null;
  updated_at: Instant;
  submitted_by: number | null;
  submitted_at: Instant | null;
  /** The first submission: "on time" compares it with the deadline, even after a return. */
  first_submitted_at: Instant | null;
  reviewed_by: number | null;
  reviewed_at: Instant | null;
  review_comment: string | null;
  created_at: Instant;
}

export interface GoalSheetVersionsTable {
  id: Id;
  goal_sheet_id: number;
  revision: number;
  event: GoalSheetEvent;
  /** JSON GoalSheetContent as it was at this event */
  content: string;
  comment: string | null;
  actor_id: number | null;
  created_at: Instant;
}

export interface ActivitiesTable {
  id: Id;
  position: number;
  title: string;
  description: string;
  /** JSON number[] (program_goals.id) */
  program_goal_ids: string;
  retired_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface ContactsTable {
  id: Id;
  match_id: number;
  logged_by: number | null;
  /** YYYY-MM-DD in the program's time zone */
  occurred_on: string;
  channel: Channel;
  activity_id: number | null;
  /** Seen by the pair and staff only; '' when none */
  note: string;
  created_at: Instant;
}

export interface ResourcesTable {
  id: Id;
  position: number;
  title: string;
  description: string;
  kind: ResourceKind;
  audience: Audience;
  topic: string;
  /** An external link; null for an uploaded file */
  url: string | null;
  /** Storage name of an uploaded file under the data directory; null for a link */
  file_key: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface FaqEntriesTable {
  id: Id;
  position: number;
  question: string;
  answer: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface JobsTable {
  id: Id;
  kind: string;
  /** Unique: enqueuing the same reminder twice is a no-op, which is half of "exactly once". */
  dedupe_key: string;
  /** JSON, per kind */
  payload: string;
  status: JobStatus;
  run_at: Instant;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  locked_by: string | null;
  /** A running job whose lease ran out is taken back by the next worker (its owner died). */
  locked_until: Instant | null;
  last_error: string | null;
  outbox_id: number | null;
  match_id: number | null;
  cancelled_by: number | null;
  created_at: Instant;
  updated_at: Instant;
  finished_at: Instant | null;
}

export interface EventsTable {
  id: Id;
  kind: EventKind;
  title: string;
  description: string;
  time_zone: string;
  start_date: string;
  start_time: string;
  duration_minutes: number;
  starts_at: Instant;
  ends_at: Instant;
  join_url: string;
  place: string;
  audience: EventAudience;
  period_id: number | null;
  capacity: number | null;
  rsvp_deadline_date: string | null;
  rsvp_deadline_time: string | null;
  rsvp_deadline_at: Instant | null;
  host: string;
  status: EventStatus;
  uid: string;
  sequence: ColumnType<number, number | undefined, number>;
  rsvp_version: ColumnType<number, number | undefined, number>;
  open_to_later_cohorts: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
  published_at: Instant | null;
  cancelled_at: Instant | null;
}

export interface EventInvitationsTable {
  id: Id;
  event_id: number;
  user_id: number;
  invited_at: Instant;
  sent_sequence: number | null;
  rsvp: RsvpState | null;
  responded_at: Instant | null;
  waitlisted_at: Instant | null;
  waitlist_order: number | null;
  attended: number | null;
  attendance_source: AttendanceSource | null;
  attendance_marked_by: number | null;
  attendance_marked_at: Instant | null;
}

export interface EventRsvpLinksTable {
  id: Id;
  invitation_id: number;
  token_hash: string;
  created_at: Instant;
}

export interface EventMediaTable {
  id: Id;
  event_id: number;
  kind: EventMediaKind;
  url: string | null;
  file_key: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  added_by: number | null;
  added_at: Instant;
}

export interface CalendarFeedsTable {
  user_id: number;
  token_hash: string;
  created_at: Instant;
  last_used_at: Instant | null;
}

export type ReportStatus = 'draft' | 'published';
export type ReportVisibility = 'staff' | 'participants' | 'public';

export interface ReportsTable {
  id: Id;
  period_id: number;
  title: string;
  status: ReportStatus;
  visibility: ReportVisibility;
  based_on_id: number | null;
  /** JSON: every figure and chart shown, frozen at publication. */
  frozen: string | null;
  published_at: Instant | null;
  published_by: number | null;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface ReportSectionsTable {
  id: Id;
  report_id: number;
  position: number;
  title: string;
  /** JSON rich-text document (ProseMirror JSON, allow-listed nodes and marks). */
  body: string;
  revision: Generated<number>;
  updated_by: number | null;
  updated_at: Instant;
}

export interface ReportSectionVersionsTable {
  id: Id;
  section_id: number;
  revision: number;
  title: string;
  body: string;
  saved_by: number | null;
  saved_at: Instant;
}

export interface RecognitionLetterMailingsTable {
  period_id: number;
  user_id: number;
  mailed_at: Instant;
}

export interface SurveysTable {
  id: Id;
  period_id: number;
  kind: SurveyKind;
  title: string;
  intro: string;
  audience: SurveyAudience;
  /** 0/1: staff may read each person's answers; fixed once it opens. */
  named: number;
  opens_on: string;
  closes_on: string;
  /** JSON Question[] */
  questions: string;
  /** JSON WordingChange[] */
  wording_changes: string;
  published_at: Instant | null;
  closed_early_at: Instant | null;
  answer_version: Generated<number>;
  response_count: Generated<number>;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

/** The identity side of a survey: who was asked, whether (and on what date) they answered. */
export interface SurveyInvitationsTable {
  id: Id;
  survey_id: number;
  user_id: number;
  role: RespondentRole;
  invited_at: Instant;
  mailed_at: Instant | null;
  last_reminder: string | null;
  reminders_sent: Generated<number>;
  responded_on: string | null;
}

export interface SurveyDraftsTable {
  invitation_id: number;
  /** JSON Answers */
  answers: string;
  saved_at: Instant;
}

/** The answers side: no person, no time; a random key. */
export interface SurveyResponsesTable {
  id: string;
  survey_id: number;
  role: RespondentRole;
  /** JSON Answers */
  answers: string;
}

export interface SurveyNamedResponsesTable {
  response_id: string;
  user_id: number;
}

export interface MentorCardsTable {
  user_id: number;
  offer: string;
  photo_key: string | null;
  photo_alt: string;
  updated_at: Instant;
}

export interface MentorRequestsTable {
  id: Id;
  period_id: number;
  mentee_user_id: number;
  mentor_user_id: number;
  mentee_application_id: number;
  mentor_application_id: number;
  note: string;
  status: MentorRequestStatus;
  answer_note: string | null;
  answered_by: number | null;
  answered_at: Instant | null;
  expires_at: Instant;
  match_id: number | null;
  created_at: Instant;
}

export interface MenteeWishesTable {
  mentee_application_id: number;
  mentor_application_id: number;
  rank: number;
  created_at: Instant;
}

export interface SuggestionSetsTable {
  period_id: number;
  fingerprint: string;
  /** JSON */
  result: string;
  computed_at: Instant;
}

/** Scheduled backups: one row (id 1), absent until staff set a schedule. */
export interface BackupSettingsTable {
  id: number;
  frequency: 'off' | 'daily';
  keep: number;
  updated_at: Instant;
}

/** A CSV import of applications run in the background (issue #16). */
export interface ApplicationImportsTable {
  id: Id;
  period_id: number;
  created_by: number | null;
  mode: 'preview' | 'all-or-nothing' | 'good-rows';
  status: 'running' | 'done' | 'failed';
  file_bytes: number;
  /** JSON: the import's result (rows with errors capped), once done. */
  result: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Instant;
  finished_at: Instant | null;
  /** Written every few seconds by the instance running it (not while it writes rows). */
  heartbeat_at: Instant;
}

export interface Database {
  application_imports: ApplicationImportsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  idempotency_keys: IdempotencyKeysTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  program_settings: ProgramSettingsTable;
  program_goals: ProgramGoalsTable;
  periods: PeriodsTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  applications: ApplicationsTable;
  matching_runs: MatchingRunsTable;
  pair_rules: PairRulesTable;
  matches: MatchesTable;
  rematch_requests: RematchRequestsTable;
  match_events: MatchEventsTable;
  check_ins: CheckInsTable;
  goal_sheets: GoalSheetsTable;
  goal_sheet_versions: GoalSheetVersionsTable;
  activities: ActivitiesTable;
  contacts: ContactsTable;
  resources: ResourcesTable;
  faq_entries: FaqEntriesTable;
  jobs: JobsTable;
  events: EventsTable;
  event_invitations: EventInvitationsTable;
  event_rsvp_links: EventRsvpLinksTable;
  event_media: EventMediaTable;
  calendar_feeds: CalendarFeedsTable;
  surveys: SurveysTable;
  survey_invitations: SurveyInvitationsTable;
  survey_drafts: SurveyDraftsTable;
  survey_responses: SurveyResponsesTable;
  survey_named_responses: SurveyNamedResponsesTable;
  reports: ReportsTable;
  report_sections: ReportSectionsTable;
  report_section_versions: ReportSectionVersionsTable;
  recognition_letter_mailings: RecognitionLetterMailingsTable;
  mentor_cards: MentorCardsTable;
  mentor_requests: MentorRequestsTable;
  mentee_wishes: MenteeWishesTable;
  suggestion_sets: SuggestionSetsTable;
  backup_settings: BackupSettingsTable;
}
