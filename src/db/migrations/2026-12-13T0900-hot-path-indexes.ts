import type { Kysely } from 'kysely';

/*
 * Indexes for reads that test/api/query-plans.test.ts found scanning a whole table on the hot
 * paths of issue #16 (a participant's match page and surveys, the task force's survey results):
 * - a match's re-match requests (the match page) were found by reading every request;
 * - a person's survey invitations (their surveys, on the match page and at home) by reading every
 *   invitation of every survey;
 * - a survey's answers are read in slices by key, and each slice sorted all of the survey's
 *   answers before taking 2,000; with the key in the index each slice is read in order and stops.
 *   That index starts with the survey, so it replaces the one on the survey alone.
 */
const INDEXES: { name: string; table: string; columns: string[] }[] = [
  { name: 'rematch_requests_match_idx', table: 'rematch_requests', columns: ['match_id', 'created_at', 'id'] },
  { name: 'survey_invitations_user_idx', table: 'survey_invitations', columns: ['user_id'] },
  { name: 'survey_responses_survey_key_idx', table: 'survey_responses', columns: ['survey_id', 'id'] },
];

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES) await db.schema.createIndex(index.name).on(index.table).columns(index.columns).execute();
  await db.schema.dropIndex('survey_responses_survey_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('survey_responses_survey_idx').on('survey_responses').column('survey_id').execute();
  for (const index of INDEXES) await db.schema.dropIndex(index.name).execute();
}
