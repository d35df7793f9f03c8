import type { CsvTable } from '../../csv/spreadsheet-csv-stream.ts';
import { CHANNEL_LABELS, CHANNELS } from '../../shared/channels.ts';
import type { Channel } from '../../shared/channels.ts';
import type { PeriodContactRow } from '../activities/period-contacts.service.ts';

/**
 * The contact logs of a period's pairs, one row per contact, by match then date. The date is the
 * calendar day the pair gave (program time zone); "Logged at" is an ISO 8601 instant in UTC.
 */
export const CONTACT_COLUMNS = [
  'Match',
  'Mentor',
  'Mentee',
  'Date',
  'Channel',
  'Activity',
  'Note',
  'Logged by',
  'Logged at (UTC)',
] as const;

/** A logged contact as the export writes it (its id is not a column). */
export type ExportedContact = Omit<PeriodContactRow, 'id'>;

export function* contactRows(contacts: Iterable<ExportedContact>): Generator<string[]> {
  for (const c of contacts) {
    yield [
      String(c.matchId),
      c.mentorName,
      c.menteeName,
      c.occurredOn,
      // A channel the program has since stopped offering is written as stored.
      (CHANNELS as readonly string[]).includes(c.channel) ? CHANNEL_LABELS[c.channel as Channel] : c.channel,
      c.activityTitle ?? '',
      c.note,
      c.loggedByName ?? '',
      c.createdAt,
    ];
  }
}

export const contactsTable = (contacts: readonly ExportedContact[]): CsvTable => ({ header: CONTACT_COLUMNS, rows: contactRows(contacts) });
