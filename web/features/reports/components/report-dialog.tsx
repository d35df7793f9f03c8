import type { ReactNode } from 'react';
import { Dialog } from '../../../components/ui/dialog.tsx';

/** The report editor's dialogs: the shared modal, in the editor's sizes. */
export function ReportDialog({
  open,
  title,
  onClose,
  children,
  wide = false,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose} className={wide ? 'report-dialog report-dialog--wide' : 'report-dialog'}>
      {children}
    </Dialog>
  );
}
