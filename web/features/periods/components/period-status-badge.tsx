import { PERIOD_STATUS_LABELS } from '../../../../src/shared/period-status.ts';
import type { PeriodStatus } from '../../../../src/shared/period-status.ts';
import { Badge } from '../../../components/ui/badge.tsx';

const TONE: Record<PeriodStatus, 'neutral' | 'info' | 'success' | 'warning'> = {
  draft: 'neutral',
  applications_open: 'info',
  matching: 'warning',
  active: 'success',
  evaluation: 'warning',
  closed: 'neutral',
};

export function PeriodStatusBadge({ status }: { status: PeriodStatus }) {
  return <Badge tone={TONE[status]}>{PERIOD_STATUS_LABELS[status]}</Badge>;
}
