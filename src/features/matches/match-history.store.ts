import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import { MATCH_EVENT_KINDS } from '../../shared/match-management.ts';
import type { MatchEventKind } from '../../shared/match-management.ts';

/** One entry of a match's history, as staff read it. */
export interface MatchEventRecord {
  id: number;
  matchId: number;
  kind: MatchEventKind;
  actorId: number | null;
  actorName: string | null;
  details: Record<string, unknown>;
  at: string;
}

export interface NewMatchEvent {
  matchId: number;
  kind: MatchEventKind;
  actorId: number | null;
  /** Per kind; never a re-match reason (the history is staff's, but keep reasons in one place). */
  details?: Record<string, unknown>;
  at: string;
}

/** Appends to a match's history, inside the caller's transaction (the use case that caused it). */
const eventRow = (e: NewMatchEvent) => ({
  match_id: e.matchId,
  kind: e.kind,
  actor_id: e.actorId,
  details: JSON.stringify(e.details ?? {}),
  created_at: e.at,
});

export async function recordMatchEvent(db: Executor, e: NewMatchEvent): Promise<void> {
  await db.insertInto('match_events').values(eventRow(e)).execute();
}

/** recordMatchEvent for many, in one statement (the caller keeps them to a chunk). */
export async function recordMatchEvents(db: Executor, events: readonly NewMatchEvent[]): Promise<void> {
  if (events.length > 0) await db.insertInto('match_events').values(events.map(eventRow)).execute();
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A match's history, oldest first. */
export async function listMatchEvents(db: Executor, matchId: number): Promise<MatchEventRecord[]> {
  const rows = await db
    .selectFrom('match_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.match_id', 'e.kind', 'e.actor_id', 'u.name as actor_name', 'e.details', 'e.created_at'])
    .where('e.match_id', '=', matchId)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    matchId: r.match_id,
    kind: storedValue('match_events', 'kind', MATCH_EVENT_KINDS, r.kind),
    actorId: r.actor_id,
    actorName: r.actor_name,
    details: parseDetails(r.details),
    at: r.created_at,
  }));
}
