import { ProgramContacts } from '../../../components/program-contacts.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { programContactLines } from '../../../lib/program-contacts.ts';
import { useSettings } from '../../../lib/reads/settings.ts';

/** The program office's goal-sheet and training contacts, for the pair; nothing until one is set. */
export function ProgramContactsCard() {
  const settings = useSettings();
  if (!settings.data || programContactLines(settings.data).length === 0) return null;
  return (
    <Card title="The program office" className="program-contacts-card">
      <ProgramContacts facts={settings.data} />
    </Card>
  );
}
