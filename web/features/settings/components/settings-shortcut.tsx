import { Shortcut } from '../../../components/ui/shortcut.tsx';
import { useProgramGoals } from '../../../lib/reads/program-goals.ts';

export function SettingsShortcut() {
  const goals = useProgramGoals();
  const inUse = goals.data?.filter((g) => !g.retired).length;
  return (
    <Shortcut
      to="/settings"
      title="Settings"
      linkText="Change goals and deadlines"
      count={inUse === undefined ? undefined : String(inUse)}
      countLabel={inUse === 1 ? 'program goal' : 'program goals'}
      text="Goals, deadlines, eligibility questions and contacts."
    />
  );
}
