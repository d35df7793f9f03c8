import type { Executor } from '../../db/executor.ts';
import type { GoalSheetContent, GoalSheetEvent } from '../../shared/api/goal-sheets.ts';
import type { Channel } from '../../shared/channels.ts';

/**
 * The demo writes the match year's rows itself (goal sheets with their history, contacts), the
 * way the pairs and the program office would have left them; the tables are the contract.
 */

export async function listUserEmails(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('users').select('email').execute();
  return new Set(rows.map((r) => r.email));
}

/** The activity catalogue, if the program has one, with the program goals each activity serves. */
export async function listCatalogue(db: Executor): Promise<{ id: number; programGoalIds: number[] }[]> {
  const rows = await db
    .selectFrom('activities')
    .select(['id', 'program_goal_ids'])
    .where('retired_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    let ids: unknown = [];
    try {
      ids = JSON.parse(r.program_goal_ids);
    } catch {
      ids = [];
    }
    return { id: r.id, programGoalIds: Array.isArray(ids) ? ids.filter((n): n is number => typeof n === 'number') : [] };
  });
}

export interface SheetEvent {
  kind: GoalSheetEvent;
  actorId: number;
  at: string;
  comment: string | null;
}

/**
 * A goal sheet as its history left it: the row in its final state and one version per event
 * (revision 1, 2, …), exactly as saving, submitting and reviewing would have written them.
 */
export async function insertSheetWithHistory(
  db: Executor,
  matchId: number,
  content: GoalSheetContent,
  events: readonly SheetEvent[],
): Promise<void> {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) return;
  const text = JSON.stringify(content);
  const submissions = events.filter((e) => e.kind === 'submitted');
  const lastSubmission = submissions[submissions.length - 1];
  const review = last.kind === 'returned' || last.kind === 'acknowledged' ? last : null;
  const status = last.kind === 'saved' ? 'draft' : last.kind;
  const edits = events.filter((e) => e.kind === 'saved' || e.kind === 'submitted');
  const lastEdit = edits[edits.length - 1] ?? first;
  const { id } = await db
    .insertInto('goal_sheets')
    .values({
      match_id: matchId,
      status,
      revision: events.length,
      content: text,
      updated_by: review?.actorId ?? lastEdit.actorId,
      updated_at: last.at,
      submitted_by: lastSubmission?.actorId ?? null,
      submitted_at: lastSubmission?.at ?? null,
      first_submitted_at: submissions[0]?.at ?? null,
      reviewed_by: review?.actorId ?? null,
      reviewed_at: review?.at ?? null,
      review_comment: review?.comment ?? null,
      created_at: first.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('goal_sheet_versions')
    .values(
      events.map((e, k) => ({
        goal_sheet_id: id,
        revision: k + 1,
        event: e.kind,
        content: text,
        comment: e.comment,
        actor_id: e.actorId,
        created_at: e.at,
      })),
    )
    .execute();
}

export interface DemoContact {
  matchId: number;
  loggedBy: number;
  occurredOn: string;
  channel: Channel;
  activityId: number | null;
  note: string;
  at: string;
}

export async function insertContacts(db: Executor, contacts: readonly DemoContact[]): Promise<void> {
  // Chunked: both databases limit the parameters of one statement.
  for (let i = 0; i < contacts.length; i += 200) {
    await db
      .insertInto('contacts')
      .values(
        contacts.slice(i, i + 200).map((c) => ({
          match_id: c.matchId,
          logged_by: c.loggedBy,
          occurred_on: c.occurredOn,
          channel: c.channel,
          activity_id: c.activityId,
          note: c.note,
          created_at: c.at,
        })),
      )
      .execute();
  }
}
