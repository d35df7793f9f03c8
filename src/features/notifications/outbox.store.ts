import type { Selectable } from 'kysely';
import type { OutboxTable } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { pageOf } from '../../db/keyset-page.ts';
import { unlessChanged } from '../../db/unchanged-cache.ts';
import { storedValue } from '../../db/stored-value.ts';
import { containsTextInAny } from '../../db/text-search.ts';
import type { CursorKey } from '../../shared/api/list-query.ts';
import { OUTBOX_STATUSES } from '../../shared/api/outbox.ts';
import type { OutboxStatus } from '../../shared/api/outbox.ts';
import { writeInChunks } from '../../db/write-in-chunks.ts';

export interface OutboxRecord {
  id: number;
  toAddress: string;
  toName: string;
  subject: string;
  textBody: string;
  kind: string;
  calendarIcs: string | null;
  calendarMethod: string | null;
  status: OutboxStatus;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

const toRecord = (r: Selectable<OutboxTable>): OutboxRecord => ({
  id: r.id,
  toAddress: r.to_address,
  toName: r.to_name,
  subject: r.subject,
  textBody: r.text_body,
  kind: r.kind,
  calendarIcs: r.calendar_ics,
  calendarMethod: r.calendar_method,
  status: storedValue('outbox', 'status', OUTBOX_STATUSES, r.status),
  error: r.error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

export interface NewOutboxMessage {
  toAddress: string;
  toName: string;
  subject: string;
  textBody: string;
  kind: string;
  createdAt: string;
  calendar?: { method: string; ics: string } | undefined;
}

/** Writes messages to the outbox as 'recorded', a chunk per statement; the new ids back in order. */
export async function insertOutboxMany(db: Executor, messages: readonly NewOutboxMessage[]): Promise<number[]> {
  // 9 parameters a row stays far below both databases' limits on bound parameters.
  const rows = await writeInChunks(messages, 200, (chunk) =>
    db
      .insertInto('outbox')
      .values(
        chunk.map((m) => ({
          to_address: m.toAddress,
          to_name: m.toName,
          subject: m.subject,
          text_body: m.textBody,
          kind: m.kind,
          calendar_ics: m.calendar?.ics ?? null,
          calendar_method: m.calendar?.method ?? null,
          status: 'recorded' as const,
          created_at: m.createdAt,
        })),
      )
      .returning('id')
      .execute(),
  );
  return rows.map((r) => r.id);
}

/**
 * Takes a recorded message for delivery: 'recorded' becomes 'sending' only for the first caller,
 * so the request that recorded it and the stranded-mail job of another instance never both
 * hand it to SMTP. False when someone else took it (or it is no longer waiting).
 */
export async function claimOutboxForDelivery(db: Executor, id: number): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'sending' })
    .where('id', '=', id)
    .where('status', '=', 'recorded')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Messages recorded before `before` and never handed to SMTP (their sender stopped first), oldest first. */
export async function strandedOutboxIds(db: Executor, before: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'recorded')
    .where('created_at', '<', before)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function markOutbox(db: Executor, id: number, status: OutboxStatus, at: string, error: string | null): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status, error, sent_at: status === 'sent' ? at : null })
    .where('id', '=', id)
    .execute();
}

export interface OutboxFilter {
  to?: string | undefined;
  q?: string | undefined;
  status?: OutboxStatus | undefined;
  kind?: string | undefined;
}

function filteredOutbox(db: Executor, f: OutboxFilter) {
  let query = db.selectFrom('outbox');
  if (f.to) query = query.where('to_address', '=', f.to.toLowerCase());
  if (f.q) {
    const q = f.q;
    query = query.where(containsTextInAny(['to_address', 'to_name', 'subject'], q));
  }
  if (f.status) query = query.where('status', '=', f.status);
  if (f.kind) query = query.where('kind', '=', f.kind);
  return query;
}

/** One page of messages, newest first, after the cursor's message; one row more tells if another page follows. */
export async function listOutbox(
  db: Executor,
  q: OutboxFilter & { after?: CursorKey | undefined; limit: number },
): Promise<{ messages: OutboxRecord[]; nextCursor: string | null; total: number }> {
  let page = filteredOutbox(db, q).selectAll().orderBy('id', 'desc');
  if (q.after) page = page.where('id', '<', q.after[1]);
  const rows = await page.limit(q.limit + 1).execute();
  const [counted] = await unlessChanged(
    db,
    filteredOutbox(db, q).select((eb) => eb.fn.countAll<number | string>().as('n')),
  );
  const { page: shown, nextCursor } = pageOf(rows, q.limit, (last) => [last.created_at, last.id]);
  return {
    messages: shown.map(toRecord),
    nextCursor,
    total: Number(counted?.n ?? 0),
  };
}

/** Every kind of message recorded, alphabetically (the index on kind answers it without reading messages). */
export async function listOutboxKinds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('outbox').select('kind').distinct().orderBy('kind').execute();
  return rows.map((r) => r.kind);
}

export async function findOutbox(db: Executor, id: number): Promise<OutboxRecord | undefined> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}
