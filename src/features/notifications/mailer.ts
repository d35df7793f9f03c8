import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: { address: string; name: string };
  subject: string;
  text: string;
  /** Sent as a calendar invitation (text/calendar with its METHOD), which mail apps offer to add. */
  calendar?: { method: string; ics: string };
}

/** Delivers one message; throws when the SMTP server refuses it. */
export interface Mailer {
  readonly delivery: 'smtp' | 'outbox-only';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** No SMTP configured: the outbox table is the delivery, so invitations still work on a laptop. */
export const outboxOnlyMailer: Mailer = {
  delivery: 'outbox-only',
  send: async () => {},
  close: () => {},
};

export function createMailer(opts: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!opts.smtpUrl) return outboxOnlyMailer;
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return {
    delivery: 'smtp',
    async send(mail) {
      // nodemailer encodes names and subjects itself; the outbox also strips line breaks
      // before a message gets here, so no header can be smuggled in either way.
      await transport.sendMail({
        from: opts.from,
        to: { name: mail.to.name, address: mail.to.address },
        subject: mail.subject,
        text: mail.text,
        ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: 'invite.ics', content: mail.calendar.ics } } : {}),
      });
    },
    close: () => transport.close(),
  };
}
