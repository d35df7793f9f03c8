import { Shortcut } from '../../../components/ui/shortcut.tsx';

export function AuditShortcut() {
  return <Shortcut to="/audit" title="Audit log" linkText="See recent changes" text="Who changed what, and when." />;
}
