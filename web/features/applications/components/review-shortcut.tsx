import { Shortcut } from '../../../components/ui/shortcut.tsx';
import { usePeriods } from '../../../lib/reads/periods.ts';

/** The staff home page's card for applications and matching. */
export function ReviewShortcut() {
  const periods = usePeriods();
  const matching = periods.data?.find((p) => p.status === 'matching');
  const open = periods.data?.find((p) => p.status === 'applications_open');
  const text = matching
    ? `${matching.name} is ready for matching.`
    : open
      ? `${open.name} is taking applications.`
      : 'Review applications and pair people up.';
  return <Shortcut to="/review" title="Applications and matching" linkText="Review and match" text={text} />;
}
