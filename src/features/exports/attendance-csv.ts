import type { CsvTable } from '../../csv/spreadsheet-csv-stream.ts';
import { RSVP_LABELS } from '../../shared/events.ts';
import type { RsvpState } from '../../shared/events.ts';

/**
 * Event attendance: one row per person invited to each event, with their answer and whether they
 * came, events oldest first. Instants are ISO 8601 in UTC, as the headings say. "Attended" is left
 * blank while attendance was not taken, rather than guessed as "No".
 */
export const ATTENDANCE_COLUMNS = [
  'Event',
  'Event starts at (UTC)',
  'Name',
  'E-mail',
  'Roles',
  'Answer',
  'Waitlist position',
  'Answered at (UTC)',
  'Attended',
] as const;

export interface ExportedEventAttendance {
  event: { title: string; startsAt: string };
  attendees: readonly {
    name: string;
    email: string;
    roles: readonly string[];
    state: RsvpState | null;
    waitlistPosition: number | null;
    respondedAt: string | null;
    attended: boolean | null;
  }[];
}

export function* attendanceRows(events: Iterable<ExportedEventAttendance>): Generator<string[]> {
  for (const { event, attendees } of events) {
    for (const a of attendees) {
      yield [
        event.title,
        event.startsAt,
        a.name,
        a.email,
        a.roles.join('; '),
        a.state === null ? 'No answer' : RSVP_LABELS[a.state],
        a.waitlistPosition === null ? '' : String(a.waitlistPosition),
        a.respondedAt ?? '',
        a.attended === null ? '' : a.attended ? 'Yes' : 'No',
      ];
    }
  }
}

export const attendanceTable = (events: readonly ExportedEventAttendance[]): CsvTable => ({
  header: ATTENDANCE_COLUMNS,
  rows: attendanceRows(events),
});
