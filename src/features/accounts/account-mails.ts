import { ROLE_LABELS } from '../../shared/roles.ts';
import type { Role } from '../../shared/roles.ts';
import type { MailDraft } from '../notifications/mail.service.ts';
import { dateTimeFormat } from '../../time/date-time-format.ts';

function formatWhen(instant: string, timeZone: string): string {
  // dateStyle cannot be combined with timeZoneName, so the fields are spelled out.
  return dateTimeFormat('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(instant));
}

function describeRoles(roles: readonly Role[]): string {
  const labels = roles.map((r) => ROLE_LABELS[r].toLowerCase());
  if (labels.length <= 1) return labels[0] ?? 'participant';
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

export function invitationMail(i: {
  programName: string;
  timeZone: string;
  to: { address: string; name: string };
  roles: readonly Role[];
  link: string;
  expiresAt: string;
  inviterName: string;
}): MailDraft {
  return {
    to: i.to,
    kind: 'invitation',
    subject: `You're invited to ${i.programName}`,
    text: [
      `Hello ${i.to.name},`,
      '',
      `${i.inviterName} has invited you to join ${i.programName} as ${describeRoles(i.roles)}.`,
      '',
      'Create your account here:',
      i.link,
      '',
      `The link works once and until ${formatWhen(i.expiresAt, i.timeZone)}. If it has expired, ask the program office for a new one.`,
      '',
      "If you weren't expecting this, you can ignore this message.",
    ].join('\n'),
  };
}

export function passwordResetMail(r: {
  programName: string;
  timeZone: string;
  to: { address: string; name: string };
  link: string;
  expiresAt: string;
}): MailDraft {
  return {
    to: r.to,
    kind: 'password-reset',
    subject: `Reset your ${r.programName} password`,
    text: [
      `Hello ${r.to.name},`,
      '',
      `Someone (we hope you) asked to reset the password of your ${r.programName} account.`,
      'Choose a new password here:',
      r.link,
      '',
      `The link works once and until ${formatWhen(r.expiresAt, r.timeZone)}.`,
      "If you didn't ask for this, ignore this message: your password stays as it is.",
    ].join('\n'),
  };
}
