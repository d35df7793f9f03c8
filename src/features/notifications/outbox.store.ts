import type { Selectable } from 'kysely';
import type { OutboxTable } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import { OUTBOX_STATUSES } from '../../shared/api/outbox.ts';
import type { OutboxStatus } from '../../shared/api/outbox.ts';

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

export async function insertOutbox(
  db: Executor,
  m: {
    toAddress: string;
    toName: string;
    subject: string;
    textBody: string;
    kind: string;
    createdAt: string;
    calendar?: { method: string; ics: string } | undefined;
  },
): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({
      to_address: m.toAddress,
      to_name: m.toName,
      subject: m.subject,
      text_body: m.textBody,
      kind: m.kind,
      calendar_ics: m.calendar?.ics ?? null,
      calendar_method: m.calendar?.method ?? null,
      status: 'recorded',
      created_at: m.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markOutbox(db: Executor, id: number, status: OutboxStatus, at: string, error: string | null): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status, error, sent_at: status === 'sent' ? at : null })
    .where('id', '=', id)
    .execute();
}

export async function listOutbox(db: Executor, q: { to?: string | undefined; limit: number }): Promise<OutboxRecord[]> {
  let query = db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(q.limit);
  if (q.to) query = query.where('to_address', '=', q.to.toLowerCase());
  return (await query.execute()).map(toRecord);
}

export async function findOutbox(db: Executor, id: number): Promise<OutboxRecord | undefined> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}
