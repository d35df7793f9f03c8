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

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return <Badge tone={TONE[status]}>{APPLICATION_STATUS_LABELS[status]}</Badge>;
}
