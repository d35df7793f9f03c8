import { calendarDateIn } from '../../time/calendar-date.ts';
import { addDays, endOfDay } from '../../time/zoned.ts';
import type { PeriodStatus } from '../../shared/period-status.ts';
import type { MentorRequestStatus } from '../../shared/matching-modes.ts';

/** Mentees may ask while the period takes people in and throughout its year. */
export const REQUESTABLE_STATUSES: readonly PeriodStatus[] = ['applications_open', 'matching', 'active'];

/** A request lapses when the N-th day after it was made is over, in the program's time zone (the instant the next day starts). */
export function requestExpiresAt(now: Date, days: number, timeZone: string): Date {
  return endOfDay(addDays(calendarDateIn(timeZone, now), days), timeZone);
}

/** The status people should see: a pending request whose time ran out is expired, whether or not the job has run. */
export function effectiveStatus(r: { status: MentorRequestStatus; expiresAt: string }, now: Date): MentorRequestStatus {
  return r.status === 'pending' && Date.parse(r.expiresAt) <= now.getTime() ? 'expired' : r.status;
}

/** Why a request can no longer be answered, in words for the person who tried. */
export function closedRequestMessage(status: Exclude<MentorRequestStatus, 'pending'>): string {
  switch (status) {
    case 'accepted':
      return 'This request has already been accepted.';
    case 'declined':
      return 'This request has already been declined.';
    case 'withdrawn':
      return 'The mentee withdrew this request.';
    case 'expired':
      return 'This request lapsed: it was not answered in time.';
    case 'cancelled':
      return 'This request was closed (the mentor has no places left, the mentee found a mentor, or the program office closed it).';
  }
}
