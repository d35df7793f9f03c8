import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import { MATCH_SIDES, REMATCH_REQUEST_STATUSES } from '../../shared/match-management.ts';
import type { MatchSide, RematchRequestStatus } from '../../shared/match-management.ts';

export interface RematchRequestRecord {
  id: number;
  matchId: number;
  requestedBy: number;
  side: MatchSide;
  /** Staff and the committee only. */
  reason: string;
  wishes: string;
  status: RematchRequestStatus;
  resolutionNote: string | null;
  resolvedBy: number | null;
  resolvedAt: string | null;
  createdAt: string;
}

const COLUMNS = [
  'id',
  'match_id',
  'requested_by',
  'side',
  'reason',
  'wishes',
  'status',
  'resolution_note',
  'resolved_by',
  'resolved_at',
  'created_at',
] as const;

type Row = {
  id: number;
  match_id: number;
  requested_by: number;
  side: string;
  reason: string;
  wishes: string;
  status: string;
  resolution_note: string | null;
  resolved_by: number | null;
  resolved_at: string | null;
  created_at: string;
};

function toRecord(r: Row): RematchRequestRecord {
  return {
    id: r.id,
    matchId: r.match_id,
    requestedBy: r.requested_by,
    side: storedValue('rematch_requests', 'side', MATCH_SIDES, r.side),
    reason: r.reason,
    wishes: r.wishes,
    status: storedValue('rematch_requests', 'status', REMATCH_REQUEST_STATUSES, r.status),
    resolutionNote: r.resolution_note,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
    createdAt: r.created_at,
  };
}

export interface NewRematchRequest {
  matchId: number;
  requestedBy: number;
  side: MatchSide;
  reason: string;
  wishes: string;
  at: string;
}

/**
 * Inserts an open request. The partial unique index (one open request per person per match)
 * makes a second insert fail even when two arrive at once; the caller turns that into a 409.
 */
export async function insertRematchRequest(db: Executor, r: NewRematchRequest): Promise<RematchRequestRecord> {
  const row = await db
    .insertInto('rematch_requests')
    .values({
      match_id: r.matchId,
      requested_by: r.requestedBy,
      side: r.side,
      reason: r.reason,
      wishes: r.wishes,
      status: 'open',
      resolution_note: null,
      resolved_by: null,
      resolved_at: null,
      created_at: r.at,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function findRematchRequest(db: Executor, id: number): Promise<RematchRequestRecord | undefined> {
  const row = await db.selectFrom('rematch_requests').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

/** Requests of these matches, oldest first. */
export async function listRequestsOfMatches(db: Executor, matchIds: readonly number[]): Promise<RematchRequestRecord[]> {
  const out: RematchRequestRecord[] = [];
  for (let i = 0; i < matchIds.length; i += 500) {
    const rows = await db
      .selectFrom('rematch_requests')
      .select(COLUMNS)
      .where('match_id', 'in', matchIds.slice(i, i + 500))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    out.push(...rows.map(toRecord));
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

/** Every request in a status, oldest first (the queue reads the open ones). */
export async function listRequestsInStatus(db: Executor, statuses: readonly RematchRequestStatus[]): Promise<RematchRequestRecord[]> {
  const rows = await db
    .selectFrom('rematch_requests')
    .select(COLUMNS)
    .where('status', 'in', [...statuses])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

/** Every request a person has made, oldest first. */
export async function listRequestsBy(db: Executor, userIds: readonly number[]): Promise<RematchRequestRecord[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('rematch_requests')
    .select(COLUMNS)
    .where('requested_by', 'in', [...userIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

/**
 * Moves a request out of `open`. Conditional on it still being open: of two staff resolving the
 * same request at once, the second changes nothing (false) and its transaction rolls back.
 */
export async function closeRematchRequest(
  db: Executor,
  id: number,
  to: Exclude<RematchRequestStatus, 'open'>,
  by: number | null,
  note: string | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('rematch_requests')
    .set({ status: to, resolved_by: by, resolved_at: at, resolution_note: note })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
