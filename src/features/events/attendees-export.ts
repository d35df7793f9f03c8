import { stringify } from 'csv-stringify/sync';
import { formulaSafe } from '../../csv/spreadsheet-cell.ts';
import { RSVP_LABELS } from '../../shared/events.ts';
import type { RsvpState } from '../../shared/events.ts';

export const ATTENDEE_EXPORT_COLUMNS = ['Name', 'E-mail', 'Roles', 'Answer', 'Waitlist position', 'Answered at', 'Attended'] as const;

export interface ExportedAttendee {
  name: string;
  email: string;
  roles: readonly string[];
  state: RsvpState | null;
  waitlistPosition: number | null;
  /** An ISO instant, written as it is. */
  respondedAt: string | null;
  /** null: not recorded yet, left blank rather than guessed as "No". */
  attended: boolean | null;
}

export const NO_ANSWER_LABEL = 'No answer';

function cellsOf(a: ExportedAttendee): string[] {
  return [
    a.name,
    a.email,
    a.roles.join('; '),
    a.state === null ? NO_ANSWER_LABEL : RSVP_LABELS[a.state],
    a.waitlistPosition === null ? '' : String(a.waitlistPosition),
    a.respondedAt ?? '',
    a.attended === null ? '' : a.attended ? 'Yes' : 'No',
  ];
}

/**
 * The attendee list as CSV for staff to open in a spreadsheet, in the order given. Every cell goes
 * through the formula guard: names and e-mail addresses are typed by the people themselves.
 */
export function attendeesCsv(attendees: readonly ExportedAttendee[]): string {
  const rows = attendees.map((a) => cellsOf(a).map(formulaSafe));
  return stringify([[...ATTENDEE_EXPORT_COLUMNS], ...rows], { record_delimiter: 'windows' });
}
