import { describe, expect, it } from 'vitest';
import { invitationMail, passwordResetMail } from '../accounts/account-mails.ts';
import { sheetAcknowledgedMail } from '../goal-sheets/goal-sheet-mails.ts';
import { keptMail, requestReceivedMail } from '../rematch/rematch-mails.ts';

// Mail goes out from a no-reply address under the program's name: the words name the program,
// never the software, and never ask for a reply.
const programName = 'Youth Services Mentoring';
const to = { address: 'amara@example.org', name: 'Amara' };
const base = {
  programName,
  timeZone: 'America/Chicago',
  to,
  link: 'https://mentoring.example.org/x',
  expiresAt: '2026-10-01T12:00:00.000Z',
};

describe('what the e-mails say', () => {
  it('name the program, not Tandem', () => {
    const mails = [
      invitationMail({ ...base, roles: ['mentee'], inviterName: 'Dana' }),
      passwordResetMail(base),
      sheetAcknowledgedMail({ ...base, periodName: 'Fall', mentorName: 'Margaret', menteeName: 'Amara', comment: null }),
    ];
    for (const m of mails) {
      expect(m.text).not.toContain('Tandem');
      expect(m.text).toContain(programName);
    }
    expect(mails[1]?.text).toContain(`your ${programName} account`);
  });

  it('never ask for a reply; they name whom to write to when the program has a contact', () => {
    const words = { programName, link: base.link };
    const noContact = requestReceivedMail({ ...words, contact: null, to, partnerRole: 'mentor' });
    expect(noContact.text).not.toMatch(/reply/i);
    expect(noContact.text).toContain('get in touch with the program office');
    const withContact = keptMail({
      ...words,
      contact: { name: 'Dana Office', email: 'office@example.org' },
      to,
      partnerName: 'M',
      note: 'Stay.',
    });
    expect(withContact.text).not.toMatch(/reply/i);
    expect(withContact.text).toContain('write to Dana Office at office@example.org');
  });
});
