import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { toInstant } from '../../time/instant.ts';
import { claimOutboxForDelivery, findOutbox, insertOutboxMany, markOutbox } from './outbox.store.ts';

export interface MailDraft {
  to: { address: string; name: string };
  subject: string;
  text: string;
  kind: string;
  /** A calendar file (RFC 5545) sent along: an event's invitation, update or cancellation. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string };
}

/** Names and subjects go into headers: one line, no control characters. */
export function oneLine(s: string, max = 300): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .trim()
      .slice(0, max)
  );
}

/**
 * Records a message in the outbox inside the caller's transaction, so a rolled-back change
 * never leaves a stray e-mail behind. Returns the outbox id to deliver after commit.
 */
export async function recordMail(db: Executor, now: Date, m: MailDraft): Promise<number> {
  const [id] = await recordMails(db, now, [m]);
  if (id === undefined) throw new Error('The outbox did not return the new message id.');
  return id;
}

/** recordMail for many messages at once (a bulk decision): the same rows, written a chunk at a time. */
export async function recordMails(db: Executor, now: Date, drafts: readonly MailDraft[]): Promise<number[]> {
  const createdAt = toInstant(now);
  return insertOutboxMany(
    db,
    drafts.map((m) => ({
      toAddress: m.to.address.toLowerCase(),
      toName: oneLine(m.to.name, 120),
      subject: oneLine(m.subject),
      textBody: m.text,
      kind: m.kind,
      createdAt,
      calendar: m.calendar,
    })),
  );
}

/**
 * After commit: hand recorded messages to SMTP when configured; the outbox keeps the result.
 * Each message is claimed first ('recorded' → 'sending'), so it goes out at most once however
 * many instances try. One whose sender died before SMTP took it stays 'recorded' and the
 * stranded-mail job sends it later; one whose sender died while SMTP had it stays 'sending'
 * (it may have arrived) and is never sent again on its own.
 */
export async function deliverRecorded(deps: Pick<Deps, 'db' | 'mailer' | 'clock' | 'log'>, ids: readonly number[]): Promise<void> {
  if (deps.mailer.delivery === 'outbox-only') return;
  for (const id of ids) {
    if (!(await claimOutboxForDelivery(deps.db, id))) continue;
    const message = await findOutbox(deps.db, id);
    if (!message) continue;
    try {
      await deps.mailer.send({
        to: { address: message.toAddress, name: message.toName },
        subject: message.subject,
        text: message.textBody,
        ...(message.calendarIcs && message.calendarMethod
          ? { calendar: { method: message.calendarMethod, ics: message.calendarIcs } }
          : {}),
      });
      await markOutbox(deps.db, id, 'sent', toInstant(deps.clock.now()), null);
    } catch (err) {
      deps.log.warn({ outboxId: id, err }, 'SMTP delivery failed; the message stays in the outbox');
      await markOutbox(deps.db, id, 'failed', toInstant(deps.clock.now()), err instanceof Error ? err.message : String(err));
    }
  }
}
