import { PERIOD_STATUS_LABELS } from '../../../../src/shared/period-status.ts';
import { Shortcut } from '../../../components/ui/shortcut.tsx';
import { usePeriods } from '../../../lib/reads/periods.ts';

export function PeriodsShortcut() {
  const periods = usePeriods();
  const list = periods.data;
  const open = list?.filter((p) => p.status !== 'closed' && p.status !== 'draft');
  const latest = open?.[0] ?? list?.[0];
  return (
    <Shortcut
      to="/periods"
      title="Periods"
      linkText="Plan program years"
      count={open === undefined ? undefined : String(open.length)}
      countLabel={open?.length === 1 ? 'period under way' : 'periods under way'}
      text={latest ? `${latest.name}: ${PERIOD_STATUS_LABELS[latest.status]}.` : 'Set up a program year and its dates.'}
    />
  );
}
