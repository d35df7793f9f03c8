import { APPLICATION_STATUS_LABELS } from '../../../../src/shared/application-vocabulary.ts';
import type { ApplicationStatus } from '../../../../src/shared/application-vocabulary.ts';
import { Badge } from '../../../components/ui/badge.tsx';

const TONE: Record<ApplicationStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  submitted: 'info',
  accepted: 'success',
  waitlisted: 'warning',
  declined: 'danger',
  withdrawn: 'neutral',
  matched: 'success',
  unmatched: 'neutral',
};

/** What each status means, said to the applicant. */
export const STATUS_FOR_APPLICANT: Record<ApplicationStatus, string> = {
  submitted: 'We have your application. The program office will look at it soon.',
  accepted: 'You’re in! You’ll hear from us by e-mail when matches are announced.',
  waitlisted: 'You’re on the waiting list. We’ll get in touch if a place opens up.',
  declined: 'We weren’t able to include you this time.',
  withdrawn: 'You withdrew this application.',
  matched: 'You’ve been matched. Your partner’s details are on this page.',
  unmatched: 'We couldn’t find you a match this time, and we’re sorry about that.',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return <Badge tone={TONE[status]}>{APPLICATION_STATUS_LABELS[status]}</Badge>;
}
