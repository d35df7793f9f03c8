import { Shortcut } from '../../../components/ui/shortcut.tsx';

/** The staff home page's way to the program-health view. */
export function HealthShortcut() {
  return (
    <Shortcut
      to="/health"
      title="Program health"
      linkText="See which matches need help"
      text="Quiet pairs, overdue goal sheets and re-match windows about to close, so you can step in early."
    />
  );
}
