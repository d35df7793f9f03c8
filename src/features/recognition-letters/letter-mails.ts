import type { MailDraft } from '../notifications/mail.service.ts';

/** The e-mail that tells a mentor their letter is ready, in the product's own words. */
export function letterReadyMail(p: {
  programName: string;
  periodName: string;
  to: { address: string; name: string };
  /** Where they download it, in the app (the outbox sends no attachments). */
  lettersUrl: string;
  signerName: string;
}): MailDraft {
  return {
    to: p.to,
    kind: 'recognition-letter',
    subject: `${p.programName}: your letter of recognition`,
    text: [
      `Hello ${p.to.name},`,
      '',
      `Thank you for mentoring in ${p.periodName}. The year is over, and your letter of recognition for your service is ready.`,
      '',
      `Download it here (sign in first if asked): ${p.lettersUrl}`,
      '',
      'It is a PDF you can keep, print or share, for example with your employer or in a portfolio.',
      '',
      `With thanks from ${p.signerName} and everyone at ${p.programName}`,
    ].join('\n'),
  };
}
